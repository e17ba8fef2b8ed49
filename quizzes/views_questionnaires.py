"""Satisfaction and impact questionnaires: learners answer once per module they
completed; trainers, editors, administrators and the DDFE read the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.constants import TERRITORY_ROLES, Role
from accounts.decorators import profile_complete_required
from accounts.roles import has_role
from core.spreadsheets import csv_response, number

from . import contexts, services
from .constants import Likert
from .forms import QuestionnaireForm
from .models import Questionnaire, QuestionnaireResponse
from .selectors import questionnaires


@require_http_methods(["GET", "POST"])
@profile_complete_required
def answer(request, questionnaire_id: int, kind: str, object_id: int):
    """The questionnaire of a module (or later a session), for a person who may answer
    there (the owner app decides: a completed module…); answered once."""
    questionnaire = get_object_or_404(Questionnaire, pk=questionnaire_id)
    where = contexts.for_questionnaire(request.user, f"{kind}:{object_id}", questionnaire)
    context = {"questionnaire": questionnaire, "where": where}
    if questionnaires.questionnaire_answered(
        questionnaire=questionnaire, user=request.user, subject=where.key
    ):
        if request.method == "POST":
            messages.error(request, _("Vous avez déjà répondu à ce questionnaire."))
            return redirect(request.path)
        return render(
            request, "quizzes/questionnaire_form.html", {**context, "already_answered": True}
        )
    form = QuestionnaireForm(
        request.POST if request.method == "POST" else None,
        items=questionnaire.items.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.questionnaire_answer(
                questionnaire=questionnaire,
                user=request.user,
                subject=where.key,
                overall=form.cleaned_data["overall"],
                values=form.values(),
                comment=form.cleaned_data["comment"],
            )
        except services.AlreadyAnswered as error:
            messages.error(request, str(error))
            return redirect(request.path)
        except ValueError as error:
            # The items changed between display and sending: ask again.
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Merci, votre réponse est enregistrée."))
            return redirect(where.url)
    return render(request, "quizzes/questionnaire_form.html", {**context, "form": form})


def _may_read_results(user) -> bool:
    return has_role(user, Role.TRAINER, Role.EDITOR, *TERRITORY_ROLES)


def _reads_every_result(user) -> bool:
    # Delegates (DDFE, regional) and the national service report on the activities of
    # their plans; administrators see everything. The answers are anonymous and carry
    # no territory (the online modules are the same everywhere), so every delegate
    # reads the same figures, which name nobody. Trainers and editors read the subjects
    # they follow (quizzes.contexts.readable_results): another organiser's session,
    # with its comments, is not theirs.
    return has_role(user, *TERRITORY_ROLES)


def _subject_without_responses(user, key: str) -> contexts.Context:
    """A module or session nobody has answered about yet: the link from its page must
    lead to its (empty) results, not to a 404, for whoever may read them."""
    where = contexts.describe([key]).get(key)
    # Another organiser's session stays as unknown as one that does not exist.
    if where is None or (
        not _reads_every_result(user) and key not in contexts.readable_results(user, [key])
    ):
        raise Http404
    return where


@require_GET
@login_required
def results(request, questionnaire_id: int):
    """Figures of a questionnaire, all or for one module (?sujet=module:12); CSV with
    ?format=csv."""
    if not _may_read_results(request.user):
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, pk=questionnaire_id)
    keys = list(
        QuestionnaireResponse.objects.filter(questionnaire=questionnaire)
        .values_list("subject", flat=True)
        .distinct()
        .order_by()
    )
    if not _reads_every_result(request.user):
        keys = sorted(contexts.readable_results(request.user, keys))
    subjects = contexts.describe(keys)
    where = None
    key = request.GET.get("sujet")
    if key:
        where = subjects.get(key) or _subject_without_responses(request.user, key)
        subjects[key] = where
    responses = None
    if where is None and not _reads_every_result(request.user):
        # All the subjects this person follows, and only those.
        responses = QuestionnaireResponse.objects.filter(
            questionnaire=questionnaire, subject__in=keys
        )
    summary = questionnaires.satisfaction_summary(
        questionnaire=questionnaire, subject=where.key if where else None, responses=responses
    )
    if request.GET.get("format") == "csv":
        return _results_csv(questionnaire, where, summary)
    return render(
        request,
        "quizzes/questionnaire_results.html",
        {
            "questionnaire": questionnaire,
            "where": where,
            "subjects": sorted(subjects.values(), key=lambda c: c.title),
            "summary": summary,
            "levels": Likert.choices,
            "item_rows": [
                (item, [item.counts[value] for value in Likert.values]) for item in summary.items
            ],
        },
    )


def _results_csv(questionnaire, where, summary) -> HttpResponse:
    filename = f"questionnaire-{questionnaire.pk}-resultats"
    if where:
        filename += "-" + where.key.replace(":", "-")
    response, writer = csv_response(f"{filename}.csv")
    writer.writerow([_("Questionnaire"), questionnaire.title])
    writer.writerow([_("Pour"), where.title if where else _("Toutes les réponses")])
    writer.writerow([_("Réponses"), summary.responses])
    writer.writerow([_("Note évaluative moyenne (/5)"), number(summary.average_overall)])
    writer.writerow([_("Mieux outillé·es (%)"), number(summary.better_equipped_share)])
    writer.writerow([])
    writer.writerow(
        [
            _("Affirmation"),
            _("Mesure le « mieux outillé·e »"),
            *[label for _value, label in Likert.choices],
            _("Réponses"),
            _("D'accord (%)"),
        ]
    )
    for item in summary.items:
        writer.writerow(
            [
                item.text,
                _("oui") if item.better_equipped else _("non"),
                *[item.counts[value] for value in Likert.values],
                item.answered,
                number(item.agree_share),
            ]
        )
    return response
