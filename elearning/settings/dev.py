"""Local development: `make run` (SQLite, eager Celery, emails on the console)."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A 404 shows the French page, as in production (core.middleware.FrenchNotFoundMiddleware);
# DEBUG_TECHNICAL_404=1 shows Django's list of URL patterns instead.
DEBUG_TECHNICAL_404 = env_bool("DEBUG_TECHNICAL_404", False)
# The server's own time in the browser's network panel (core.middleware).
SERVER_TIMING = env_bool("SERVER_TIMING", True)
# WebAuthn over plain http on 127.0.0.1 / localhost (`make run`); never in prod.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
