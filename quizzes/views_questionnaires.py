"""Satisfaction and impact questionnaires: learners answer once per module they
completed; trainers, editors, administrators and the DDFE read the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.constants import Role
from accounts.decorators import profile_complete_required
from accounts.roles import has_role
from core.spreadsheets import csv_response, number

from . import selectors, services
from .constants import Likert
from .forms import QuestionnaireForm
from .models import Questionnaire, QuestionnaireResponse


def _module_url(module) -> str:
    return module.url if module.live and module.url else reverse("courses:my_trainings")


@require_http_methods(["GET", "POST"])
@profile_complete_required
def answer_for_module(request, questionnaire_id: int, module_id: int):
    """The questionnaire of a module, for a learner who completed it; answered once."""
    from courses.models import ModuleCompletion, ModulePage

    questionnaire = get_object_or_404(Questionnaire, pk=questionnaire_id)
    module = get_object_or_404(
        ModulePage, pk=module_id, satisfaction_questionnaire_id=questionnaire.pk
    )
    if not ModuleCompletion.objects.filter(user=request.user, module=module).exists():
        raise PermissionDenied(_("Ce questionnaire est proposé une fois le module terminé."))
    subject = f"module:{module.pk}"
    context = {"questionnaire": questionnaire, "module": module, "module_url": _module_url(module)}
    if selectors.questionnaire_answered(
        questionnaire=questionnaire, user=request.user, subject=subject
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
                subject=subject,
                module=module,
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
            return redirect(context["module_url"])
    return render(request, "quizzes/questionnaire_form.html", {**context, "form": form})


def _may_read_results(user) -> bool:
    return has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN, Role.DDFE)


@require_GET
@login_required
def results(request, questionnaire_id: int):
    """Figures of a questionnaire, all modules or one (?module=); CSV with ?format=csv."""
    from courses.models import ModulePage

    if not _may_read_results(request.user):
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, pk=questionnaire_id)
    module = None
    raw_module = request.GET.get("module")
    if raw_module:
        try:
            module = get_object_or_404(ModulePage, pk=int(raw_module))
        except ValueError:
            raise Http404 from None
    summary = selectors.satisfaction_summary(
        questionnaire=questionnaire, subject=f"module:{module.pk}" if module else None
    )
    if request.GET.get("format") == "csv":
        return _results_csv(questionnaire, module, summary)
    modules = (
        QuestionnaireResponse.objects.filter(questionnaire=questionnaire, module__isnull=False)
        .values_list("module_id", "module__title")
        .distinct()
        .order_by("module__title")
    )
    return render(
        request,
        "quizzes/questionnaire_results.html",
        {
            "questionnaire": questionnaire,
            "module": module,
            "modules": list(modules),
            "summary": summary,
            "levels": Likert.choices,
            "item_rows": [
                (item, [item.counts[value] for value in Likert.values]) for item in summary.items
            ],
        },
    )


def _results_csv(questionnaire, module, summary) -> HttpResponse:
    filename = f"questionnaire-{questionnaire.pk}-resultats"
    if module:
        filename += f"-module-{module.pk}"
    response, writer = csv_response(f"{filename}.csv")
    writer.writerow([_("Questionnaire"), questionnaire.title])
    writer.writerow([_("Module"), module.title if module else _("Tous les modules")])
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
