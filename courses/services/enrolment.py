"""Enrolment in a module and the opening of its lessons."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import EnrolmentSource
from ..models import Enrolment, LessonPage, LessonProgress, ModulePage
from ..selectors.progress import unmet_prerequisites


def enrolment_create(*, user, module: ModulePage, source: str = EnrolmentSource.SELF) -> Enrolment:
    """Enrol `user` in `module` (idempotent). Self-enrolment requires the prerequisites."""
    if source == EnrolmentSource.SELF:
        missing = unmet_prerequisites(module=module, user=user)
        if missing:
            raise ValidationError(
                _("Terminez d'abord : %(modules)s.")
                % {"modules": ", ".join(m.title for m in missing)}
            )
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, module=module, defaults={"source": source}
    )
    return enrolment


def lesson_open(*, user, lesson: LessonPage, module: ModulePage) -> LessonProgress:
    """Record that the learner opened a lesson; remember it as where to resume."""
    progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"module": module}
    )
    Enrolment.objects.filter(user=user, module=module).update(
        last_lesson=lesson, last_activity_at=timezone.now()
    )
    return progress
