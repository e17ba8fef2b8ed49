"""The report as files: the indicator table (CSV, XLSX, ODS), the PDF bilan for the
steering committee and the detailed workbook (one sheet per breakdown).

Small tables are answered at once by the report view; the bilan and the workbook are
built in the background (core.file_jobs, report_export_write), which reports its
progress through the `progress` callback.
"""

from collections.abc import Callable
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.pdf import pdf_html, pdf_layout
from core.spreadsheets import Sheet, ods_bytes, xlsx_bytes

from . import selectors
from .constants import NOT_BY_TERRITORY, TERRITORY_RULE
from .models import Plan

BREAKDOWN_TITLES = {
    "profession": _lazy("Par profession"),
    "arrondissement": _lazy("Par arrondissement"),
    "type": _lazy("Par nature"),
    "channel": _lazy("Par modalité"),
    "month": _lazy("Par mois"),
}


def breakdown_label(by: str, value: str) -> str:
    """The French label of a breakdown value ("62-lens" → "Lens")."""
    from accounts.constants import Profession
    from territories.selectors import arrondissement_name

    from .constants import Channel, ParticipationKind

    if by == "arrondissement":
        return arrondissement_name(value) or value or str(_("non renseigné"))
    labels = {
        "profession": dict(Profession.choices),
        "type": dict(ParticipationKind.choices),
        "channel": dict(Channel.choices),
    }.get(by, {})
    return str(labels.get(value, value or _("non renseigné")))


def territory_label(plan: Plan, arrondissement: str) -> str:
    """What the figures cover: the plan's territory or one of its arrondissements."""
    if not arrondissement:
        return plan.territory
    from territories.models import Arrondissement

    place = Arrondissement.objects.filter(code=arrondissement).first()
    return place.label() if place else arrondissement


def report_header() -> list[str]:
    return [
        _("Code"),
        _("Axe"),
        _("Fiche"),
        _("Indicateur"),
        _("Chiffre"),
        _("Cible"),
        _("Unité"),
        _("Écart"),
        _("Règle de calcul"),
        _("Provenance"),
        _("Référence dans le plan"),
        _("Du"),
        _("Au"),
        _("Territoire"),
    ]


def report_lines(rows, start: date, end: date, territory: str) -> list[list]:
    """One line per indicator, the counting rule and the indicator's provenance beside
    each figure."""
    return [
        [
            row.indicator.code,
            row.indicator.fiche.axis.number,
            row.indicator.fiche.number,
            row.indicator.label,
            row.value,
            row.indicator.target,
            row.indicator.unit,
            row.gap,
            row.counting_rule,
            # Written in the plan ("Issu du plan") or proposed by the platform ("Proposé"),
            # with where the plan writes it or the action it follows.
            str(row.indicator.get_provenance_display()),
            row.indicator.plan_reference,
            start,
            end,
            territory,
        ]
        for row in rows
    ]


# Steps of a bilan's build, for the progress shown: figures, summary, page layout, file.
BILAN_STEPS = 4


def bilan_pdf(
    *,
    plan: Plan,
    rows,
    start: date,
    end: date,
    arrondissement: str = "",
    progress: Callable[[int], None] = lambda done: None,
) -> bytes:
    """The bilan for the steering committee (indicators.bilan): an A4 PDF, a summary
    on its first page, then the details (core.pdf)."""
    from django.utils import timezone

    from certificates.selectors.issuers import issuer_for

    from . import bilan

    # The same count as the plan page's answer (distinct people per axis and in all).
    people = selectors.people_trained_by_axis(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    total = people.pop(selectors.summary.TOTAL, 0)
    per_axis = people
    fiches = selectors.rows_by_fiche(plan=plan, rows=rows)
    progress(2)
    html = pdf_html(
        "indicators/bilan_pdf.html",
        {
            "plan": plan,
            "start": start,
            "end": end,
            "territory": territory_label(plan, arrondissement),
            # Who speaks for the plan's territory (D, issue 17): its delegation signs.
            "issuer": issuer_for(departement_code=plan.departement_id, region_code=plan.region_id),
            # The same sentence as at the top of the report page (views.plan_report).
            "territory_rule": TERRITORY_RULE,
            "not_by_territory": NOT_BY_TERRITORY if arrondissement else "",
            "today": timezone.localdate(),
            "summary": bilan.summary(plan=plan, rows=rows, per_axis=per_axis, total=total),
            "details": bilan.details(fiches),
        },
    )
    document = pdf_layout(html)
    progress(3)
    return document.write_pdf()


DOSSIER_STEPS = 2 + len(selectors.BREAKDOWNS)  # report, activities, each breakdown


def dossier_sheets(
    *,
    plan: Plan,
    start: date,
    end: date,
    arrondissement: str = "",
    progress: Callable[[int], None] = lambda done: None,
) -> list[Sheet]:
    """The detailed workbook: the indicator table, the activities behind each figure and
    one sheet per breakdown (indicator × value), every figure a count of distinct people.

    A fixed number of queries (one per sheet), whatever the number of people.
    """
    territory = territory_label(plan, arrondissement)
    rows = selectors.plan_report(plan=plan, start=start, end=end, arrondissement=arrondissement)
    sheets = [
        Sheet(plan.code, report_header(), report_lines(rows, start, end, territory)),
    ]
    progress(1)
    people_rows = [row for row in rows if row.indicator.measure == "people_trained"]
    activities = selectors.activity_counts(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    sheets.append(
        Sheet(
            str(_("Par activité")),
            [_("Code"), _("Indicateur"), _("Activité"), _("Référence"), _("Personnes")],
            [
                [
                    row.indicator.code,
                    row.indicator.label,
                    item["title"],
                    item["activity"],
                    item["count"],
                ]
                for row in people_rows
                for item in activities.get(row.indicator.pk, [])
            ],
        )
    )
    progress(2)
    for step, by in enumerate(selectors.BREAKDOWNS, start=3):
        counts = selectors.people_trained_breakdown(
            plan=plan, start=start, end=end, by=by, arrondissement=arrondissement
        )
        sheets.append(
            Sheet(
                str(BREAKDOWN_TITLES[by]),
                [_("Code"), _("Indicateur"), str(BREAKDOWN_TITLES[by]), _("Personnes")],
                [
                    [row.indicator.code, row.indicator.label, breakdown_label(by, value), count]
                    for row in people_rows
                    for value, count in sorted(counts.get(row.indicator.pk, {}).items())
                ],
            )
        )
        progress(step)
    return sheets


def dossier_bytes(sheets: list[Sheet], export_format: str) -> bytes:
    return ods_bytes(sheets) if export_format == "ods" else xlsx_bytes(sheets)


def report_export_write(export, progress: Callable[..., None], out) -> str:
    """Write the export's file into `out`, saving progress after each step for the
    requester's page; return the file's name (core.file_jobs builds it)."""
    from .constants import ExportFormat

    plan, start, end = export.plan, export.period_start, export.period_end
    arrondissement = export.arrondissement_id or ""
    stem = f"{plan.code}-{start:%Y%m%d}-{end:%Y%m%d}" + (
        f"-{arrondissement}" if arrondissement else ""
    )
    if export.format == ExportFormat.PDF:
        progress(0, total=BILAN_STEPS)  # the request saved another estimate
        rows = selectors.plan_report(plan=plan, start=start, end=end, arrondissement=arrondissement)
        progress(1)
        out.write(
            bilan_pdf(
                plan=plan,
                rows=rows,
                start=start,
                end=end,
                arrondissement=arrondissement,
                progress=progress,
            )
        )
        return f"bilan-{stem}.pdf"
    sheets = dossier_sheets(
        plan=plan, start=start, end=end, arrondissement=arrondissement, progress=progress
    )
    out.write(dossier_bytes(sheets, export.format))
    return f"indicateurs-detail-{stem}.{export.format}"
