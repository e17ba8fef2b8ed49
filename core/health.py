"""Checks behind GET /healthz: database, Redis, private file storage and Celery workers.

The checks that wait on the network (Redis, storage, the workers' ping) run side by
side in a small thread pool, so /healthz costs the slowest of them (the ping's second),
not their sum; each has its own short timeout.
"""

import concurrent.futures
import threading

from django.conf import settings
from django.core.files.storage import storages
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
    # How many answered: fewer than deployed means some are down or overloaded.
    return {"status": OK, "workers": len(replies)}


# A key that is never written: asking whether it exists is the cheapest question
# (a stat on disk) that proves the storage answers.
STORAGE_PROBE_KEY = "healthz/probe"
STORAGE_TIMEOUT = 2.0


def _probe(storage) -> None:
    bucket_name = getattr(storage, "bucket_name", None)
    if bucket_name:
        # S3 (django-storages): a missing object and a missing bucket both make
        # exists() answer False, so ask for the bucket itself (HEAD bucket; a wrong
        # name, key or endpoint raises).
        storage.connection.meta.client.head_bucket(Bucket=bucket_name)
    else:
        storage.exists(STORAGE_PROBE_KEY)


def check_storage() -> dict:
    """Ask the private storage (local disk or S3) a cheap question, within a timeout."""
    storage = storages["private"]
    future = _pool("storage").submit(_probe, storage)
    try:
        future.result(timeout=STORAGE_TIMEOUT)
    except concurrent.futures.TimeoutError:
        future.cancel()  # still queued behind a hung probe: never run it
        return {"status": ERROR, "detail": "timeout"}
    except Exception as exc:  # noqa: BLE001
        return {"status": ERROR, "detail": exc.__class__.__name__}
    return {"status": OK, "backend": storage.__class__.__name__}


_pools: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()
# Redis and the ping end on their own socket timeouts; the storage probe gets its own
# thread, so a storage that hangs holds that one thread only and later probes time
# out waiting for it instead of piling up threads or delaying the other checks.
_POOL_SIZES = {"network": 4, "storage": 1}


def _pool(name: str) -> concurrent.futures.ThreadPoolExecutor:
    """Made on first use in each process (after gunicorn's fork)."""
    with _pools_lock:
        if name not in _pools:
            _pools[name] = concurrent.futures.ThreadPoolExecutor(
                max_workers=_POOL_SIZES[name], thread_name_prefix=f"egide-healthz-{name}"
            )
        return _pools[name]


def run_checks() -> tuple[bool, dict]:
    """Return (healthy, checks): healthy when every configured service answers."""
    # The database stays on the request's thread (Django's connections are per thread).
    redis_check = _pool("network").submit(check_redis)
    celery_check = _pool("network").submit(check_celery)
    checks = {
        "database": check_database(),
        "redis": redis_check.result(),
        "storage": check_storage(),
        "celery": celery_check.result(),
    }
    healthy = all(check["status"] != ERROR for check in checks.values())
    return healthy, checks
