import re
import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from accounts import selectors as accounts_selectors
from accounts.constants import Role
from accounts.roles import role_required
from core.spreadsheets import csv_response, number, ods_response, xlsx_response
from quizzes import selectors as quiz_selectors

from . import imports, selectors, services
from .forms import ManualValueForm, ParticipantsFileForm, PeriodForm
from .models import ApiToken, Indicator, ManualValue, Plan


@require_GET
@role_required(Role.DDFE, Role.ADMIN)
def dashboard(request):
    """The DDFE's landing page: aggregates only, never a list of people."""
    by_profession = accounts_selectors.people_count_by_profession()
    context = {
        "total": accounts_selectors.active_people().count(),
        "by_profession": by_profession,
        "by_arrondissement": accounts_selectors.people_count_by_arrondissement(),
        "questionnaires": quiz_selectors.questionnaires_overview(),
        "plans": Plan.objects.all(),
    }
    return render(request, "indicators/dashboard.html", context)


@require_GET
@role_required(Role.DDFE, Role.ADMIN)
def plan_report(request, code: str):
    """Every axis, fiche and indicator of a plan with its figure for a period."""
    plan = get_object_or_404(Plan, code=code)
    form = PeriodForm(request.GET or None, plan=plan)
    start, end = form.period()
    rows = selectors.plan_report(plan=plan, start=start, end=end)
    export = request.GET.get("format")
    if export in {"csv", "xlsx", "ods"}:
        return _report_export(plan, rows, start, end, export)
    if export == "pdf":
        return _report_pdf(plan, rows, start, end)
    return render(
        request,
        "indicators/plan_report.html",
        {
            "plan": plan,
            "form": form,
            "start": start,
            "end": end,
            "fiches": selectors.rows_by_fiche(plan=plan, rows=rows),
            "charts": [
                _chart_table(
                    "indicator",
                    {
                        row.indicator.code: row.value
                        for row in rows
                        if row.indicator.measure == "people_trained" and row.value
                    },
                    title=_("Personnes formées par indicateur"),
                ),
                _chart_table(
                    "month",
                    selectors.plan_people_breakdown(plan=plan, start=start, end=end, by="month"),
                    title=_("Personnes formées, mois par mois (tous indicateurs)"),
                ),
                _chart_table(
                    "profession",
                    selectors.plan_people_breakdown(
                        plan=plan, start=start, end=end, by="profession"
                    ),
                    title=_("Personnes formées par public (tous indicateurs)"),
                ),
            ],
        },
    )


def _report_pdf(plan, rows, start, end) -> HttpResponse:
    """The "bilan" for the steering committee: the report as an A4 PDF (WeasyPrint)."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    from certificates.rendering import pdf_fonts, pdf_from_html

    html = render_to_string(
        "indicators/bilan_pdf.html",
        {
            "plan": plan,
            "start": start,
            "end": end,
            "today": timezone.localdate(),
            "fonts": pdf_fonts(),
            "fiches": selectors.rows_by_fiche(plan=plan, rows=rows),
        },
    )
    response = HttpResponse(pdf_from_html(html), content_type="application/pdf")
    filename = f"bilan-{plan.code}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _report_export(plan, rows, start, end, export: str):
    """The report as a spreadsheet: one line per indicator, the rule beside each figure."""
    header = [
        _("Code"),
        _("Axe"),
        _("Fiche"),
        _("Indicateur"),
        _("Chiffre"),
        _("Cible"),
        _("Unité"),
        _("Écart"),
        _("Règle de calcul"),
        _("Du"),
        _("Au"),
    ]
    lines = [
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
            start,
            end,
        ]
        for row in rows
    ]
    filename = f"indicateurs-{plan.code}-{start:%Y%m%d}-{end:%Y%m%d}"
    if export == "xlsx":
        return xlsx_response(f"{filename}.xlsx", title=plan.code, header=header, rows=lines)
    if export == "ods":
        return ods_response(f"{filename}.ods", title=plan.code, header=header, rows=lines)
    response, writer = csv_response(f"{filename}.csv")
    writer.writerow(header)
    for line in lines:
        writer.writerow(
            [
                *line[:4],
                "" if line[4] is None else line[4],
                number(line[5]),
                line[6],
                number(line[7]),
                line[8],
                line[9].isoformat(),
                line[10].isoformat(),
            ]
        )
    return response


@role_required(Role.DDFE, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def manual_values(request, code: str):
    """Enter figures the platform cannot measure; the list shows who entered what, when."""
    plan = get_object_or_404(Plan, code=code)
    form = ManualValueForm(request.POST or None, plan=plan)
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


@role_required(Role.DDFE, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def participants_import(request):
    """Trainings held by partners: upload, preview (nothing written), then confirm.

    The previewed file waits in private storage under a random name, so the
    confirmation imports exactly what was checked.
    """
    storage = storages["private"]
    if request.method == "POST" and request.POST.get("confirm"):
        token = request.POST.get("token", "")
        if not re.fullmatch(r"[0-9a-f]{32}\.(csv|xlsx)", token) or not storage.exists(
            f"imports/{token}"
        ):
            messages.error(request, _("Ce fichier n'est plus disponible : envoyez-le à nouveau."))
            return redirect("indicators:participants_import")
        with storage.open(f"imports/{token}", "rb") as stored:
            report = imports.apply(imports.parse(stored.read(), token))
        storage.delete(f"imports/{token}")
        return render(
            request,
            "indicators/participants_import.html",
            {"done": report, "rejected": report.rejected, "form": ParticipantsFileForm()},
        )
    form = ParticipantsFileForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = imports.parse(data, upload.name)
        context["preview"] = report
        context["rejected"] = report.rejected
        if not report.error and report.rows:
            token = f"{uuid.uuid4().hex}.{upload.name.rsplit('.', 1)[-1].lower()}"
            storage.save(f"imports/{token}", ContentFile(data))
            context["token"] = token
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "indicators/participants_import.html", context, status=status)


BREAKDOWN_TITLES = {
    "profession": _lazy("Par profession"),
    "arrondissement": _lazy("Par arrondissement"),
    "type": _lazy("Par nature"),
    "channel": _lazy("Par modalité"),
    "month": _lazy("Par mois"),
}


def _breakdown_label(by: str, value: str) -> str:
    from accounts.constants import ARRONDISSEMENT_NAMES, Profession

    from .constants import Channel, ParticipationKind

    labels = {
        "profession": dict(Profession.choices),
        "arrondissement": ARRONDISSEMENT_NAMES,
        "type": dict(ParticipationKind.choices),
        "channel": dict(Channel.choices),
    }.get(by, {})
    return str(labels.get(value, value or _("non renseigné")))


def _chart_table(by: str, values: dict[str, int], title=None) -> dict:
    """A breakdown as table rows with the width of each bar (the table is the chart's text)."""
    if by == "month":
        items = sorted(values.items())
    else:
        items = sorted(values.items(), key=lambda item: -item[1])
    top = max(values.values(), default=0)
    return {
        "by": by,
        "title": title or BREAKDOWN_TITLES[by],
        "rows": [
            {
                "label": _breakdown_label(by, value),
                "count": count,
                "percent": round(100 * count / top) if top else 0,
            }
            for value, count in items
        ],
    }


@require_GET
@role_required(Role.DDFE, Role.ADMIN)
def indicator_detail(request, code: str, indicator_code: str):
    """Where an indicator's figure comes from: activities and breakdowns, as tables and bars."""
    plan = get_object_or_404(Plan, code=code)
    indicator = get_object_or_404(Indicator, plan=plan, code=indicator_code)
    form = PeriodForm(request.GET or None, plan=plan)
    start, end = form.period()
    detail = selectors.indicator_detail(indicator=indicator, start=start, end=end)
    tables = []
    for by, values in detail["breakdowns"].items():
        rows = (
            sorted(values.items())
            if by == "month"
            else sorted(values.items(), key=lambda kv: -kv[1])
        )
        top = max(values.values(), default=0)
        tables.append(
            {
                "by": by,
                "title": BREAKDOWN_TITLES[by],
                "rows": [
                    {
                        "label": _breakdown_label(by, value),
                        "count": count,
                        "percent": round(100 * count / top) if top else 0,
                    }
                    for value, count in rows
                ],
            }
        )
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "plan": plan,
            "indicator": indicator,
            "form": form,
            "start": start,
            "end": end,
            "total": detail["total"],
            "activities": detail["activities"],
            "tables": tables,
        },
    )


@role_required(Role.DDFE, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """The person's API keys: create one (shown once), revoke one."""
    created_key = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], user=request.user)
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
