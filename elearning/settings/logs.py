"""Logging: plain lines on the console, quieter for the chattiest libraries."""

from .environment import env

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
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
