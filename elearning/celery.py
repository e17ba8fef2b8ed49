"""Celery application: `celery -A elearning worker` / `celery -A elearning beat`.

Configuration comes from Django settings prefixed with CELERY_. Without REDIS_URL
tasks run eagerly in the web process (make run); with it they go to Redis.
"""

import gc
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

app = Celery("elearning")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _redbeat_settings_by_their_own_names(sender, source, **_kwargs):
    """Give celery-redbeat its settings under the names it looks for.

    Redbeat asks whether `redbeat_redis_url` (and the others) "is in the
    configuration" by listing its keys, which are the Django names
    (CELERY_REDBEAT_…): without this copy it falls back to the broker's options
    and warns at every start.
    """
    for key in list(source.keys()):
        if key.startswith("CELERY_REDBEAT_"):
            sender.conf[key.removeprefix("CELERY_").lower()] = source[key]


@signals.worker_process_init.connect
@signals.worker_ready.connect
def _freeze_startup_objects(**_kwargs):
    """Keep the objects created at start-up (modules, settings, templates) out of the
    garbage collector's scans: PDF rendering allocates a lot, and each full
    collection would otherwise walk the whole framework's heap again."""
    gc.collect()
    gc.freeze()
