"""A module's learners, for those who follow them: the list (paged, searched,
filtered by status) and its CSV export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.spreadsheets import csv_response, number

from .models import ModulePage
from .selectors import learners
from .selectors.catalogue import module_lessons

LEARNERS_PER_PAGE = 50
STATUS_LABELS = {
    learners.LearnerStatus.ENROLLED: gettext_lazy("Inscrit·e"),
    learners.LearnerStatus.IN_PROGRESS: gettext_lazy("En cours"),
    learners.LearnerStatus.COMPLETED: gettext_lazy("Terminé"),
}


@require_GET
@login_required
def module_learners(request, module_id: int):
    """Trainers and editors: who is enrolled, in progress, done, a page at a time,
    searched by name or address and filtered by status; CSV (all matching) with
    ?format=csv."""
    if not learners.may_follow_learners(request.user):
        raise PermissionDenied
    module = get_object_or_404(ModulePage, pk=module_id)
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("statut", "")
    status = status if status in learners.LearnerStatus.ALL else ""
    enrolments = learners.module_learners(module=module, q=q, status=status)
    if request.GET.get("format") == "csv":
        return _learners_csv(module, learners.learner_rows(enrolments.iterator()))
    page = Paginator(enrolments, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
    counts = learners.status_counts(module=module, q=q)
    return render(
        request,
        "courses/module_learners.html",
        {
            "module": module,
            "page": page,
            "rows": learners.learner_rows(page.object_list),
            "total_lessons": len(module_lessons(module)),
            "q": q,
            "status": status,
            "statuses": [(value, label, counts[value]) for value, label in STATUS_LABELS.items()],
            "matching_all": sum(counts.values()),
            "matching": page.paginator.count,
        },
    )


def _learners_csv(module, rows) -> HttpResponse:
    response, writer = csv_response(f"apprenants-module-{module.pk}.csv")
    writer.writerow(
        [
            _("Nom"),
            _("Adresse électronique"),
            _("Profession"),
            _("Inscrit·e le"),
            _("Leçons terminées"),
            _("Statut"),
            _("Terminé le"),
            _("Score (%)"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.full_name,
                row.email,
                row.profession,
                row.enrolled_at.date().isoformat(),
                row.completed_lessons,
                STATUS_LABELS[row.status],
                row.completed_at.date().isoformat() if row.completed_at else "",
                number(row.score),
            ]
        )
    return response
