import functools

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import selectors as accounts_selectors
from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required
from core.file_jobs import file_job_of_owner, file_job_response
from core.spreadsheets import SPREADSHEET_FORMATS, Sheet, spreadsheet_response
from quizzes import selectors as quiz_selectors

from . import constants, exports, provenance, selectors, services
from .constants import ExportFormat, Measure
from .forms import ManualValueForm, PeriodForm
from .labels import month_label
from .models import ApiToken, Indicator, ManualValue, ReportExport
from .scoping import plan_for, plan_visible, plans_in_scope


@role_required(*TERRITORY_ROLES)
@require_GET
def dashboard(request):
    """A delegate's landing page: aggregates of her territories only, never a list of people."""
    scope = accounts_selectors.territory_scope(request.user)
    context = {
        "scope": scope,
        "total": accounts_selectors.people_in_scope(scope).count(),
        "by_profession": accounts_selectors.people_count_by_profession(scope),
        "by_arrondissement": accounts_selectors.people_count_by_arrondissement(scope),
        # Satisfaction questionnaires are anonymous and carry no territory: the answers
        # are about the modules and sessions, not about who answered, and the online
        # modules are the same everywhere. Every delegate sees the same national
        # figures, which name nobody; the page says so.
        "questionnaires": quiz_selectors.questionnaires_overview(),
        "plans": plans_in_scope(scope),
    }
    return render(request, "indicators/dashboard.html", context)


@role_required(*TERRITORY_ROLES)
@require_GET
def plan_report(request, code: str):
    """Every axis, fiche and indicator of a plan with its figure for a period and territory."""
    plan = plan_for(request, code)
    form = PeriodForm(request.GET or None, plan=plan)
    start, end = form.period()
    arrondissement = form.territory()
    rows = selectors.plan_report(plan=plan, start=start, end=end, arrondissement=arrondissement)
    export = request.GET.get("format")
    if export in SPREADSHEET_FORMATS:
        return _report_export(plan, rows, start, end, arrondissement, export)
    people = selectors.people_trained_by_axis(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    return render(
        request,
        "indicators/plan_report.html",
        {
            "plan": plan,
            "form": form,
            "start": start,
            "end": end,
            "arrondissement": arrondissement,
            "territory": exports.territory_label(plan, arrondissement),
            "query": form.query(),
            "export_formats": ExportFormat.choices,
            "recent_exports": ReportExport.objects.filter(plan=plan, owner=request.user).order_by(
                "-created_at"
            )[:5],
            "summary": selectors.axis_figures(plan=plan, rows=rows, people=people),
            "axes": _with_subtitles(selectors.rows_by_axis(plan=plan, rows=rows, people=people)),
            # Each row's link to its drill-down: the address up to the code, reversed once.
            "detail_base": reverse(
                "indicators:indicator_detail", args=[plan.code, "-"]
            ).removesuffix("-/"),
            "rules": _rules(plan, rows, arrondissement),
            "charts": _plan_charts(plan, rows, start, end, arrondissement),
            # Written in the plan or proposed by the platform: said first when the plan
            # writes none (the Nord roadmap), then by a badge on each indicator.
            "provenance": provenance.summary(rows),
        },
    )


def _with_subtitles(axes: list) -> list:
    """Each axis's accordion line: its number of indicators and of people trained."""
    for group in axes:
        parts = [
            ngettext("%(count)s indicateur", "%(count)s indicateurs", group.indicator_count)
            % {"count": group.indicator_count}
        ]
        if group.people is not None:
            parts.append(
                ngettext("%(count)s personne formée", "%(count)s personnes formées", group.people)
                % {"count": group.people}
            )
        group.subtitle = ", ".join(parts)
    return axes


def _rules(plan, rows, arrondissement: str) -> list[tuple[str, str]]:
    """The counting rules of the measures the plan uses, each once, shown on demand."""
    measures = dict(Measure.choices)
    used = {row.indicator.measure for row in rows}
    rules = [
        (
            _("Territoire du plan : %(territory)s") % {"territory": plan.territory},
            str(constants.TERRITORY_RULE),
        )
    ]
    rules += [
        (measures[measure], str(rule))
        for measure, rule in constants.COUNTING_RULES.items()
        if measure in used
    ]
    if arrondissement:
        rules.append((_("Filtre par arrondissement"), str(constants.NOT_BY_TERRITORY)))
    return rules


def _plan_charts(plan, rows, start, end, arrondissement: str) -> list[dict]:
    """The plan's breakdowns as labelled bar tables: per indicator (by its name), per
    month, per public."""
    breakdown = functools.partial(
        selectors.plan_people_breakdown,
        plan=plan,
        start=start,
        end=end,
        arrondissement=arrondissement,
    )
    per_indicator = [row for row in rows if row.indicator.measure == Measure.PEOPLE_TRAINED]
    return [
        _chart_table(
            "indicator",
            {row.indicator.code: row.value for row in per_indicator if row.value},
            title=_("Personnes formées par indicateur"),
            labels=_indicator_names(per_indicator),
        ),
        _chart_table(
            "month",
            breakdown(by="month"),
            title=_("Personnes formées, mois par mois (tous indicateurs)"),
        ),
        _chart_table(
            "profession",
            breakdown(by="profession"),
            title=_("Personnes formées par public (tous indicateurs)"),
        ),
    ]


def _indicator_names(rows) -> dict[str, str]:
    """Each indicator's name for a chart: its label, with its code when another
    indicator of the chart has the same label ("Nombre de personnes formées")."""
    labels = [row.indicator.label for row in rows]
    return {
        row.indicator.code: row.indicator.label
        if labels.count(row.indicator.label) == 1
        else f"{row.indicator.label} ({row.indicator.code})"
        for row in rows
    }


def _report_export(plan, rows, start, end, arrondissement, export: str):
    """The report table as a spreadsheet, at once: one line per indicator."""
    lines = exports.report_lines(rows, start, end, exports.territory_label(plan, arrondissement))
    filename = f"indicateurs-{plan.code}-{start:%Y%m%d}-{end:%Y%m%d}"
    if arrondissement:
        filename += f"-{arrondissement}"
    sheet = Sheet(plan.code, exports.report_header(), lines)
    return spreadsheet_response(export, filename, [sheet])


@role_required(*TERRITORY_ROLES)
@require_POST
def report_export_request(request, code: str):
    """Queue a PDF bilan or a detailed workbook for the period and territory shown."""
    plan = plan_for(request, code)
    form = PeriodForm(request.POST, plan=plan)
    export_format = request.POST.get("export_format", "")
    if export_format not in ExportFormat.values or not form.is_valid():
        messages.error(request, _("Export impossible : format, période ou territoire invalide."))
        return redirect("indicators:plan_report", code=plan.code)
    start, end = form.period()
    export = services.report_export_request(
        user=request.user,
        plan=plan,
        export_format=export_format,
        start=start,
        end=end,
        arrondissement=form.territory(),
    )
    return redirect("indicators:report_export", export_id=export.pk)


def _own_export(request, export_id: int) -> ReportExport:
    """The requester's own export of a plan still in her scope, else 404 (no hint it exists).

    The plan is checked again: a delegate whose delegation moved to another
    département no longer reads the figures of the one she left, even those she
    exported while she held it.
    """
    export = file_job_of_owner(
        ReportExport.objects.select_related("plan"), owner=request.user, job_id=export_id
    )
    if export is None or not plan_visible(
        accounts_selectors.territory_scope(request.user), export.plan
    ):
        raise Http404
    return export


@role_required(*TERRITORY_ROLES)
@require_GET
def report_export(request, export_id: int):
    export = _own_export(request, export_id)
    return render(
        request,
        "indicators/report_export.html",
        {
            "export": export,
            "territory": exports.territory_label(export.plan, export.arrondissement_id or ""),
        },
    )


@role_required(*TERRITORY_ROLES)
@require_GET
def report_export_download(request, export_id: int):
    return file_job_response(_own_export(request, export_id))


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def manual_values(request, code: str):
    """Enter figures the platform cannot measure; the list shows who entered what, when."""
    plan = plan_for(request, code)
    # Bound on every POST, even an empty one, so that it is refused with its errors.
    form = ManualValueForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.manual_value_enter(
            indicator=data["indicator"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            value=data["value"],
            comment=data["comment"],
            by=request.user,
        )
        messages.success(
            request, _("Chiffre enregistré pour %(code)s.") % {"code": data["indicator"].code}
        )
        return redirect("indicators:manual_values", code=plan.code)
    entries = (
        ManualValue.objects.filter(indicator__plan=plan)
        .select_related("indicator", "entered_by")
        .order_by("-entered_at")[:200]
    )
    return render(
        request,
        "indicators/manual_values.html",
        {"plan": plan, "form": form, "entries": entries},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _chart_table(by: str, values: dict[str, int], title=None, labels=None) -> dict:
    """A breakdown as table rows with the width of each bar (the table is the chart's text);
    `labels` names the values when the breakdown's own labels do not (indicators)."""
    if by == "month":
        items = sorted(values.items())
    else:
        items = sorted(values.items(), key=lambda item: -item[1])
    top = max(values.values(), default=0)
    return {
        "by": by,
        "title": title or exports.BREAKDOWN_TITLES[by],
        "rows": [
            {
                "label": (labels or {}).get(value) or _breakdown_label(by, value),
                "count": count,
                "percent": round(100 * count / top) if top else 0,
            }
            for value, count in items
        ],
    }


def _breakdown_label(by: str, value: str) -> str:
    """A value's label; a month in words ("mars 2025") rather than "2025-03"."""
    if by == "month" and value:
        return month_label(value)
    return exports.breakdown_label(by, value)


@role_required(*TERRITORY_ROLES)
@require_GET
def indicator_detail(request, code: str, indicator_code: str):
    """Where an indicator's figure comes from: activities and breakdowns, as tables and bars."""
    plan = plan_for(request, code)
    indicator = get_object_or_404(Indicator, plan=plan, code=indicator_code)
    form = PeriodForm(request.GET or None, plan=plan)
    start, end = form.period()
    arrondissement = form.territory()
    detail = selectors.indicator_detail(
        indicator=indicator, start=start, end=end, arrondissement=arrondissement
    )
    tables = [_chart_table(by, values) for by, values in detail["breakdowns"].items()]
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "plan": plan,
            "indicator": indicator,
            "form": form,
            "start": start,
            "end": end,
            "territory": exports.territory_label(plan, arrondissement),
            "query": form.query(),
            "total": detail["total"],
            "provenance_text": provenance.reference_text(indicator),
            "activities": detail["activities"],
            "tables": tables,
        },
    )


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """The person's API keys: create one (shown once), revoke one."""
    created_key = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            revoked = request.POST["revoke"]
            if not (revoked.isascii() and revoked.isdigit()):
                raise Http404
            token = get_object_or_404(ApiToken, pk=int(revoked), user=request.user)
            services.api_token_revoke(token=token)
            messages.success(request, _("Clé révoquée."))
            return redirect("indicators:api_tokens")
        _token, created_key = services.api_token_create(
            user=request.user, name=request.POST.get("name", "")
        )
    return render(
        request,
        "indicators/api_tokens.html",
        {"tokens": ApiToken.objects.filter(user=request.user), "created_key": created_key},
    )


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def partner_mappings(request, code: str):
    """The partners' activities counted for the plan's indicators: map one, see what
    each brings (statements received, counted, non rattachées)."""
    from . import partner_statements
    from .forms import PartnerMappingForm
    from .models import PartnerActivityMapping

    plan = plan_for(request, code)
    form = PartnerMappingForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        partner_statements.mapping_create(
            indicator=data["indicator"],
            partner=data["partner"],
            activity_iri=data["activity_iri"],
            verb_iri=data["verb_iri"],
            kind=data["kind"],
            by=request.user,
        )
        messages.success(request, _("L'activité du partenaire compte désormais pour l'indicateur."))
        return redirect("indicators:partner_mappings", code=plan.code)
    mappings = list(
        PartnerActivityMapping.objects.filter(indicator__plan=plan)
        .select_related("indicator", "partner")
        .order_by("indicator__code", "activity_iri")[:200]
    )
    figures = partner_statements.mappings_figures(mappings)
    rows = [(mapping, figures[mapping.pk]) for mapping in mappings]
    return render(
        request,
        "indicators/partner_mappings.html",
        {"plan": plan, "form": form, "rows": rows},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@role_required(*TERRITORY_ROLES)
@require_POST
def partner_mapping_delete(request, code: str, mapping_id: int):
    from . import partner_statements
    from .models import PartnerActivityMapping

    plan = plan_for(request, code)
    mapping = get_object_or_404(PartnerActivityMapping, pk=mapping_id, indicator__plan=plan)
    partner_statements.mapping_delete(mapping=mapping)
    messages.success(request, _("L'activité du partenaire ne compte plus pour l'indicateur."))
    return redirect("indicators:partner_mappings", code=plan.code)
