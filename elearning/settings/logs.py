"""Logging: one line per record on the console, with the request id (core.request_id).

LOG_FORMAT=json (the production default, settings/prod.py): one JSON object per line
for the log collector; LOG_FORMAT=plain (development and tests): a readable line.
Quieter for the chattiest libraries.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env

LOG_FORMATS = ("plain", "json")


def logging_config(log_format: str) -> dict:
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(
            f"LOG_FORMAT doit valoir {' ou '.join(LOG_FORMATS)} (reçu : {log_format!r})."
        )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "core.request_id.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(request_id)s %(message)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                # "time": ISO 8601 in UTC, what log collectors parse without configuration.
                "timestamp": "time",
                "json_ensure_ascii": False,
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "egide.security": {"level": "INFO"},
            # Wagtail runs its search-index and reference-index tasks through django-tasks.
            "django_tasks": {"level": "WARNING"},
            # WeasyPrint and fontTools log every step of every attestation at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


LOG_FORMAT = env("LOG_FORMAT", "plain")
LOGGING = logging_config(LOG_FORMAT)
