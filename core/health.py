"""Checks behind GET /healthz: database, Redis and Celery workers."""

from django.conf import settings
from django.db import connection

OK = "ok"
NOT_CONFIGURED = "not_configured"
ERROR = "error"


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"status": ERROR, "detail": exc.__class__.__name__}
    return {"status": OK, "vendor": connection.vendor}


def check_redis() -> dict:
    if not settings.REDIS_URL:
        return {"status": NOT_CONFIGURED}
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except Exception as exc:  # noqa: BLE001
        return {"status": ERROR, "detail": exc.__class__.__name__}
    return {"status": OK}


def check_celery() -> dict:
    """Ask the workers to answer a ping; eager mode means no worker is configured."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.REDIS_URL:
        return {"status": NOT_CONFIGURED, "detail": "eager"}
    from elearning.celery import app

    try:
        replies = app.control.ping(timeout=1.0)
    except Exception as exc:  # noqa: BLE001
        return {"status": ERROR, "detail": exc.__class__.__name__}
    if not replies:
        return {"status": ERROR, "detail": "no worker answered"}
    return {"status": OK, "workers": len(replies)}


def run_checks() -> tuple[bool, dict]:
    """Return (healthy, checks): healthy when every configured service answers."""
    checks = {
        "database": check_database(),
        "redis": check_redis(),
        "celery": check_celery(),
    }
    healthy = all(check["status"] != ERROR for check in checks.values())
    return healthy, checks
