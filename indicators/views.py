from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import selectors as accounts_selectors
from accounts.constants import Role
from accounts.roles import role_required
from core.spreadsheets import csv_response, number, xlsx_response
from quizzes import selectors as quiz_selectors

from . import selectors, services
from .forms import ManualValueForm, PeriodForm
from .models import ManualValue, Plan


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
    if export in {"csv", "xlsx"}:
        return _report_export(plan, rows, start, end, export)
    return render(
        request,
        "indicators/plan_report.html",
        {
            "plan": plan,
            "form": form,
            "start": start,
            "end": end,
            "fiches": selectors.rows_by_fiche(plan=plan, rows=rows),
        },
    )


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
