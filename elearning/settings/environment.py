"""Reading the environment (12-factor), and the values read from it that several
settings modules share."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, treating an empty value as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


# The address links in QR codes, emails and calendar files point to. Set SITE_URL in
# production; without it (`make run`, `PORT=8100 make run`) the site is the local
# development server on PORT, so the links follow the port actually served.
SITE_URL_FROM_ENVIRONMENT = env("SITE_URL") is not None
SITE_URL = (env("SITE_URL") or f"http://127.0.0.1:{env('PORT', '8000')}").rstrip("/")
# Cache, sessions, Celery broker, queued mail. Without it (`make run`): local-memory
# cache, eager Celery, mail delivered at once.
REDIS_URL = env("REDIS_URL")
