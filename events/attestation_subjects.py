"""Sessions as subjects of attestations (see certificates.subjects).

Registered in EventsConfig.ready: a session's attendance attestations are gathered
by the organisers of its event (and administrators), never by another organiser.
"""

KIND = "session"


def may_archive(user, session_id: int) -> bool:
    from .models import Session
    from .selectors import may_manage

    session = Session.objects.select_related("event").filter(pk=session_id).first()
    return session is not None and may_manage(user, session.event)
