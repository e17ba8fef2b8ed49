from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts import selectors as accounts_selectors
from accounts.constants import Role
from accounts.roles import role_required
from quizzes import selectors as quiz_selectors


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
    }
    return render(request, "indicators/dashboard.html", context)
