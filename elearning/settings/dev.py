"""Local development: `make run` (SQLite, eager Celery, emails on the console)."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
