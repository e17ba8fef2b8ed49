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
