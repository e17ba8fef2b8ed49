"""Results of the H5P activities for trainers and editors, as quiz statistics are for
quizzes: one activity (filtered by module or lesson) or every activity of a module, each
as a page and as a CSV export (?format=csv).

Who sees them: the people who follow learners (trainers, editors, administrators:
`selectors.learners.may_follow_learners`, the rule of quiz statistics). Learners see
only their own verdicts, on the module page (`selectors.progress.activity_verdicts`).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.spreadsheets import csv_response, number

from .models import H5PPackage, LessonPage, ModulePage
from .selectors import activity_results as selectors
from .selectors import scorm as scorm_selectors
from .selectors.learners import may_follow_learners


def _staff_only(user) -> None:
    if not may_follow_learners(user):
        raise PermissionDenied(_("Les résultats des activités sont réservés aux formateur·rices."))


def _page_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _filters(request) -> tuple[ModulePage | None, LessonPage | None]:
    """The module (?module=) or lesson (?lecon=) asked for; the lesson wins."""
    lesson_id = _page_id(request.GET.get("lecon"))
    if lesson_id is not None:
        return None, get_object_or_404(LessonPage, pk=lesson_id)
    module_id = _page_id(request.GET.get("module"))
    if module_id is not None:
        return get_object_or_404(ModulePage, pk=module_id), None
    return None, None


@require_GET
@login_required
def activity_results(request, package_id: int):
    """One activity: figures, then each question's distribution of responses."""
    _staff_only(request.user)
    package = get_object_or_404(H5PPackage, pk=package_id)
    module, lesson = _filters(request)
    results = selectors.activity_results(package=package, module=module, lesson=lesson)
    if request.GET.get("format") == "csv":
        return _activity_csv(results, module=module, lesson=lesson)
    modules = {}
    for choice in results.lessons:
        modules.setdefault(choice.module_id, choice.module_title)
    return render(
        request,
        "courses/activity_results.html",
        {
            "package": package,
            "results": results,
            "module": module,
            "lesson": lesson,
            "modules": modules,
        },
    )


@require_GET
@login_required
def module_activity_results(request, module_id: int):
    """Every activity of a module's lessons, with its figures and a link to its details."""
    _staff_only(request.user)
    module = get_object_or_404(ModulePage, pk=module_id)
    rows = selectors.module_activities(module=module)
    if request.GET.get("format") == "csv":
        return _module_csv(module, rows)
    scorm_rows = scorm_selectors.module_scorm_activities(module=module)
    return render(
        request,
        "courses/activity_results_module.html",
        {"module": module, "rows": rows, "scorm_rows": scorm_rows},
    )


def _scope(module, lesson) -> str:
    if lesson is not None:
        return _("Leçon « %(title)s »") % {"title": lesson.title}
    if module is not None:
        return _("Module « %(title)s »") % {"title": module.title}
    return _("Toutes les leçons")


def _figure_header() -> list[str]:
    return [
        _("Personnes"),
        _("Tentatives"),
        _("Terminées"),
        _("Réussite (%)"),
        _("Score moyen (%)"),
    ]


def _figure_cells(figures: selectors.Figures) -> list:
    return [
        figures.people,
        figures.attempts,
        figures.completed,
        number(figures.success_rate),
        number(figures.average_score),
    ]


def _activity_csv(results: selectors.ActivityResults, *, module, lesson) -> HttpResponse:
    response, writer = csv_response(f"activite-h5p-{results.package.pk}-resultats.csv")
    writer.writerow([_("Activité"), results.package.title])
    writer.writerow([_("Périmètre"), _scope(module, lesson)])
    writer.writerow(_figure_header())
    writer.writerow(_figure_cells(results.figures))
    writer.writerow([])
    writer.writerow(
        [
            _("Question"),
            _("Type"),
            _("Réponses"),
            _("Personnes"),
            _("Réussite (%)"),
            _("Score moyen (%)"),
            _("Champ"),
            _("Réponse"),
            _("Nombre"),
            _("Part (%)"),
        ]
    )
    for question in results.questions:
        base = [
            question.label,
            question.kind,
            question.answered,
            question.people,
            number(question.success_rate),
            number(question.average_score),
        ]
        lines = [("", choice.label, choice.count, choice.share) for choice in question.choices]
        for group in question.groups:
            lines += [(group.label, r.text, r.count, r.share) for r in group.responses]
            if group.others:
                lines.append((group.label, _("Autres réponses"), group.others, None))
        if not lines:
            writer.writerow(base)
        for field_label, text, count, share in lines:
            writer.writerow([*base, field_label, text, count, number(share)])
    return response


def _module_csv(module: ModulePage, rows: list[selectors.ActivityRow]) -> HttpResponse:
    response, writer = csv_response(f"module-{module.pk}-resultats-activites.csv")
    writer.writerow([_("Leçon"), _("Activité"), *_figure_header()])
    for row in rows:
        writer.writerow([row.lesson.title, row.title, *_figure_cells(row.figures)])
    return response
