from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone


def sessions_clear_expired() -> int:
    """Delete expired sessions and return how many were removed (daily, from beat)."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


# The scheduler's heartbeat (core.tasks.scheduler_heartbeat): in the shared cache, so
# any process can tell how often beat really sent it and when it last ran.
SCHEDULER_HEARTBEAT_COUNT_KEY = "scheduler:heartbeat:count"
SCHEDULER_HEARTBEAT_LAST_KEY = "scheduler:heartbeat:last"


def scheduler_heartbeat_record() -> int:
    """Count one run of the scheduler's heartbeat; return the count so far.

    Kept for a week: enough to read, never a key that lives for ever.
    """
    week = 7 * 24 * 60 * 60
    cache.add(SCHEDULER_HEARTBEAT_COUNT_KEY, 0, timeout=week)
    try:
        count = cache.incr(SCHEDULER_HEARTBEAT_COUNT_KEY)
    except ValueError:  # expired between add and incr
        cache.set(SCHEDULER_HEARTBEAT_COUNT_KEY, 1, timeout=week)
        count = 1
    cache.set(SCHEDULER_HEARTBEAT_LAST_KEY, timezone.now().isoformat(), timeout=week)
    return count
