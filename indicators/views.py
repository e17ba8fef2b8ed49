from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from accounts import selectors as accounts_selectors
from accounts.constants import Role
from accounts.roles import role_required
from quizzes import selectors as quiz_selectors

from . import selectors
from .forms import PeriodForm
from .models import Plan


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
