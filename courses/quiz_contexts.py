"""Modules as the context of quizzes and questionnaires (see quizzes.contexts).

Registered in CoursesConfig.ready: quizzes know no module, so courses tells
them who may take a module's final quiz or answer its questionnaire, and
applies the module's completion rule when an attempt is graded.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.constants import Role
from accounts.roles import has_role
from quizzes.contexts import Context, Provider

KIND = "module"


def key(module) -> str:
    return f"{KIND}:{module.pk}"


def _context(module) -> Context:
    return Context(
        key=key(module), title=module.title, url=module.url, offers_pre_test=module.pre_test
    )


def _live_module(module_id: int):
    from .models import ModulePage

    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        raise Http404
    return module


def quiz_access(user, module_id: int, quiz) -> Context:
    """Enrolled learners take their module's final quiz; trainers and editors may try it."""
    from .models import Enrolment

    module = _live_module(module_id)
    if module.final_quiz_id != quiz.pk:
        raise Http404(_("Ce quiz ne fait pas partie de ce module."))
    enrolled = Enrolment.objects.filter(user=user, module=module).exists()
    if not enrolled and not has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN):
        raise PermissionDenied(_("Inscrivez-vous au module pour passer son évaluation."))
    return _context(module)


def questionnaire_access(user, module_id: int, questionnaire) -> Context:
    """The module's questionnaire, once the learner completed the module."""
    from .models import ModuleCompletion

    module = _live_module(module_id)
    if module.satisfaction_questionnaire_id != questionnaire.pk:
        raise Http404
    if not ModuleCompletion.objects.filter(user=user, module=module).exists():
        raise PermissionDenied(_("Ce questionnaire est proposé une fois le module terminé."))
    return _context(module)


def describe(module_ids) -> dict:
    from .models import ModulePage

    return {m.pk: _context(m) for m in ModulePage.objects.filter(pk__in=list(module_ids))}


def readable_results(user, module_ids) -> set[int]:
    """Those who follow the modules' learners (trainers, editors, administrators) read
    the results of every module's questionnaire."""
    from .selectors.learners import may_follow_learners

    return set(module_ids) if may_follow_learners(user) else set()


provider = Provider(
    quiz_access=quiz_access,
    questionnaire_access=questionnaire_access,
    describe=describe,
    readable_results=readable_results,
)


def on_attempt_graded(sender, attempt, **kwargs) -> str | None:
    """A passed final quiz may be what a module waited for: apply its rule again.

    Every module using the quiz that the learner follows, whatever page the quiz
    was taken from. Returns the message shown to the learner, if any: for the
    modules this attempt completed (a new cycle, recertification, completes anew).
    """
    from quizzes.constants import Phase

    from .models import ModulePage
    from .services import module_completion_update

    if attempt.phase != Phase.MAIN or not attempt.passed:
        return None
    modules = ModulePage.objects.live().filter(
        final_quiz=attempt.quiz_id, enrolments__user=attempt.user_id
    )
    completed = [
        module.title
        for module in modules
        if module_completion_update(user=attempt.user, module=module).created
    ]
    if not completed:
        return None
    return _("Bravo : vous avez terminé le module « %(title)s ».") % {
        "title": " », « ".join(completed)
    }
