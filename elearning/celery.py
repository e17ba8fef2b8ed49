"""Celery application: `celery -A elearning worker` / `celery -A elearning beat`.

Configuration comes from Django settings prefixed with CELERY_. Without REDIS_URL
tasks run eagerly in the web process (make run); with it they go to Redis.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

app = Celery("elearning")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
