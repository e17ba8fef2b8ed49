"""Celery: the broker, how tasks are acknowledged and retried, the periodic tasks."""

from .environment import REDIS_URL, env

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged after it ran, so a worker killed mid-task hands it to another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task
# unless told to reuse it: a new PostgreSQL connection per task (a backend process
# forked, authentication) cost a quarter of an attestation's render time. Reused for
# this many tasks, then closed and opened again (a broken one fails its task, which is
# retried on a fresh connection).
CELERY_DB_REUSE_MAX = int(env("CELERY_DB_REUSE_MAX", "100") or 100)
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
# How long a task taken by a worker that died without acknowledging it waits before
# another worker gets it (Redis has no connection-bound delivery).
# Workers look for such tasks every CELERY_RESTORE_INTERVAL seconds (one cheap Redis
# range query; kombu's default throttle would make it every 100 s).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "3600") or 3600),
    "unacked_restore_interval": int(env("CELERY_RESTORE_INTERVAL", "10") or 10),
    "unacked_restore_throttle": 1,
    # The scan holds a Redis lock; a worker killed while holding it blocks every other
    # worker's scan until the lock expires (kombu's default: 5 minutes).
    "unacked_mutex_expire": int(env("CELERY_RESTORE_LOCK_SECONDS", "60") or 60),
}
CELERY_TASK_DEFAULT_RETRY_DELAY = 30
# Workers keep Django's logging (settings/logs.py: plain or JSON lines with the request
# id) instead of replacing the root logger's handlers with Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- One scheduler ---------------------------------------------------------------
# Several `beat` processes may run (one per machine, or one started by mistake): the
# schedule lives in Redis (celery-redbeat) and only the beat holding the Redis lock
# sends; the others wait on the lock and take over when its holder stops (released at
# once on a clean stop, expired after CELERY_REDBEAT_LOCK_TIMEOUT if it was killed).
# Without Redis (`make run`) no beat runs: the file scheduler stays the default.
CELERY_BEAT_SCHEDULER = (
    "redbeat.RedBeatScheduler" if REDIS_URL else "celery.beat:PersistentScheduler"
)
CELERY_REDBEAT_REDIS_URL = REDIS_URL
# Redbeat's client options; explicit so that it does not inherit the broker's.
CELERY_REDBEAT_REDIS_OPTIONS = {"socket_timeout": 5, "socket_connect_timeout": 5}
CELERY_REDBEAT_KEY_PREFIX = env("CELERY_REDBEAT_KEY_PREFIX", "egide:redbeat:")
# The holder extends the lock at every tick, and a tick comes at least every
# CELERY_BEAT_MAX_LOOP_INTERVAL seconds: the lock outlives five ticks, so a killed
# holder is replaced within half a minute and a slow tick never loses the lock.
CELERY_BEAT_MAX_LOOP_INTERVAL = int(env("CELERY_BEAT_MAX_LOOP_INTERVAL", "5") or 5)
CELERY_REDBEAT_LOCK_TIMEOUT = 5 * CELERY_BEAT_MAX_LOOP_INTERVAL
# How often the scheduler's heartbeat runs (core.tasks.scheduler_heartbeat): the proof,
# readable in Redis, that exactly one beat sends (tests set it to one second).
SCHEDULER_HEARTBEAT_SECONDS = float(env("SCHEDULER_HEARTBEAT_SECONDS", "60") or 60)
CELERY_BEAT_SCHEDULE = {
    "scheduler-heartbeat": {
        "task": "core.tasks.scheduler_heartbeat",
        "schedule": SCHEDULER_HEARTBEAT_SECONDS,
        # Stale heartbeats (workers down for a while) are dropped, not piled up.
        "options": {"expires": max(SCHEDULER_HEARTBEAT_SECONDS, 60)},
    },
    "clear-expired-sessions": {
        "task": "core.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60,
    },
    # Import previews and rejected lines hold names and addresses: kept a day at most.
    "owned-files-purge": {"task": "core.tasks.owned_files_purge", "schedule": 60 * 60},
    # Attestations whose PDF task was lost (worker killed, broker restarted).
    "attestations-requeue-stale": {
        "task": "certificates.tasks.attestations_requeue_stale",
        "schedule": 5 * 60,
    },
    # Reminders before sessions (two days before, the day before); idempotent.
    "events-reminders": {"task": "events.tasks.reminders_send", "schedule": 15 * 60},
    # Mandatory training: notices, reminders before/on/after the due date, expiry
    # notices. Hourly, and idempotent (each reminder is recorded once).
    "assignments-reminders": {"task": "assignments.tasks.reminders_send", "schedule": 60 * 60},
}

# Égide's own xAPI statements copied to an external LRS (lrs.forwarding), by a Celery
# task retried with a growing delay; empty URL: nothing is sent.
LRS_FORWARD_URL = env("LRS_FORWARD_URL", "")
LRS_FORWARD_USERNAME = env("LRS_FORWARD_USERNAME", "")
LRS_FORWARD_PASSWORD = env("LRS_FORWARD_PASSWORD", "")
