"""Every Égide task is acknowledged after it ran and given back if its worker dies.

A worker stopped in the middle of a task (deployment, SIGKILL after the grace period,
machine lost) must not lose it: the broker delivers it again to another worker, which
is safe because every task is idempotent. A new task that turned this off, by its
decorator or a base class, would silently lose work: this test lists them all.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from elearning.celery import app


def _project_tasks() -> dict:
    """The registered tasks of Égide's own apps (those whose code is in this project)."""
    app.loader.import_default_modules()  # the tasks.py of every installed app
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR) and ".venv" not in config.path
    }
    return {name: task for name, task in app.tasks.items() if name.split(".")[0] in ours}


def test_the_project_has_tasks_to_check():
    names = set(_project_tasks())

    # One per app that queues work, so the check below is not vacuous.
    assert {
        "core.tasks.send_email",
        "core.tasks.scheduler_heartbeat",
        "certificates.tasks.attestation_render",
        "events.tasks.reminders_send",
        "assignments.tasks.reminders_send",
    } <= names


def test_every_task_is_acknowledged_late_and_rejected_when_its_worker_is_lost():
    tasks = _project_tasks()

    early = sorted(name for name, task in tasks.items() if not task.acks_late)
    kept = sorted(name for name, task in tasks.items() if not task.reject_on_worker_lost)

    assert early == []
    assert kept == []


def test_every_periodic_task_exists():
    names = set(_project_tasks())

    missing = [
        entry["task"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] not in names
    ]

    assert missing == []


def _procfile() -> dict[str, str]:
    lines = (Path(settings.BASE_DIR) / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_processes_stop_gracefully_and_beat_needs_no_local_file():
    processes = _procfile()

    assert set(processes) == {"web", "worker", "beat"}
    # gunicorn lets requests in progress finish on SIGTERM; Celery's own SIGTERM is a
    # warm shutdown, so the worker line must not turn it into something else.
    assert "--graceful-timeout" in processes["web"]
    assert "X-Request-ID".lower() in processes["web"]
    assert processes["worker"].startswith("celery -A elearning --quiet worker")
    # The schedule lives in Redis (redbeat): no schedule file on one machine's disk.
    assert "--schedule" not in processes["beat"]


def test_beat_uses_the_redis_scheduler_when_there_is_redis(settings):
    expected = (
        "redbeat.RedBeatScheduler" if settings.REDIS_URL else "celery.beat:PersistentScheduler"
    )
    assert settings.CELERY_BEAT_SCHEDULER == expected
    # The lock outlives several ticks: a live holder never loses it between two.
    assert settings.CELERY_REDBEAT_LOCK_TIMEOUT >= 3 * settings.CELERY_BEAT_MAX_LOOP_INTERVAL


def test_redbeat_reads_its_own_settings_not_the_broker_s():
    """elearning.celery copies CELERY_REDBEAT_* under the names redbeat looks for."""
    from redbeat.schedulers import RedBeatConfig

    config = RedBeatConfig(app)

    assert config.key_prefix == settings.CELERY_REDBEAT_KEY_PREFIX
    assert config.lock_timeout == settings.CELERY_REDBEAT_LOCK_TIMEOUT
    assert config.is_key_in_conf("redbeat_redis_options")
    assert config.redbeat_redis_options == settings.CELERY_REDBEAT_REDIS_OPTIONS
