"""Sessions as the context of satisfaction questionnaires (see quizzes.contexts).

Registered in EventsConfig.ready: a session's questionnaire is answered by the
people marked present at it, once each.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from quizzes.contexts import Context, Provider

from .constants import CONTEXT_KIND, Attendance

KIND = CONTEXT_KIND


def key(session) -> str:
    return f"{KIND}:{session.pk}"


def _context(session) -> Context:
    return Context(
        key=key(session),
        title=str(session),
        url=reverse("events:detail", args=[session.pk]),
    )


def _session(session_id: int):
    from .models import Session

    session = Session.objects.select_related("event").filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session


def quiz_access(user, session_id: int, quiz) -> Context:
    """Sessions have no quiz."""
    raise Http404


def questionnaire_access(user, session_id: int, questionnaire) -> Context:
    """The event's questionnaire, for the people marked present at the session."""
    from .models import Registration

    session = _session(session_id)
    if session.event.questionnaire_id != questionnaire.pk:
        raise Http404
    present = Registration.objects.filter(
        session=session, user=user, attendance=Attendance.PRESENT
    ).exists()
    if not present:
        raise PermissionDenied(
            _("Ce questionnaire est proposé aux personnes présentes à la session.")
        )
    return _context(session)


def describe(session_ids) -> dict:
    from .models import Session

    sessions = Session.objects.select_related("event").filter(pk__in=list(session_ids))
    return {session.pk: _context(session) for session in sessions}


def readable_results(user, session_ids) -> set[int]:
    """The sessions whose questionnaire results `user` reads: those of the events they
    organise (administrators: all). Another organiser's session is not theirs."""
    from .models import Session
    from .selectors import managed_events

    return set(
        Session.objects.filter(pk__in=list(session_ids), event__in=managed_events(user))
        .values_list("pk", flat=True)
        .order_by()
    )


provider = Provider(
    quiz_access=quiz_access,
    questionnaire_access=questionnaire_access,
    describe=describe,
    readable_results=readable_results,
)
