"""Test settings: fast hashing, in-memory mail outbox, eager Celery.

The integration tests switch Celery to the real Redis broker themselves
(tests/integration/conftest.py), so unit tests stay eager and isolated.
"""

import atexit
import os
import shutil
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F401,F403
from .base import CELERY_BROKER_URL, REDIS_URL
from .storage import storages_from_env

DEBUG = False
# The crawl test reads the server's own time from this header (core.middleware).
SERVER_TIMING = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = CELERY_BROKER_URL
# Rate limits need a cache shared by the test client and the live server: locmem
# is per-process, which is what the tests use, so keep it even when Redis is set.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local": CACHES["local"],  # noqa: F405
}
# `make test` runs pytest in two processes (pytest-xdist): each takes its own Redis
# database, so one process's Celery worker never takes the other's tasks (they point at
# different test databases) and cache tests never see each other's keys.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _XDIST_WORKER.startswith("gw"):
    REDIS_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{1 + int(_XDIST_WORKER[2:])}"))
    CELERY_BROKER_URL = REDIS_URL
CELERY_REDBEAT_REDIS_URL = REDIS_URL
TEST_REDIS_URL = REDIS_URL
ALLOWED_HOSTS = ["*"]
# The browser tests enrol security keys on the live server's plain http localhost.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Attestation PDFs go to a temporary folder (PRIVATE_MEDIA_ROOT when set, so the
# integration tests' Celery worker writes where the test reads).
if os.environ.get("PRIVATE_MEDIA_ROOT"):
    PRIVATE_MEDIA_ROOT = Path(os.environ["PRIVATE_MEDIA_ROOT"])  # noqa: F405
else:
    PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="egide-private-"))  # noqa: F405
    atexit.register(shutil.rmtree, PRIVATE_MEDIA_ROOT, ignore_errors=True)
# Uploads go to a temporary folder too: never into the working copy's media/, which
# `make run` uses (and which migration courses 0006 empties of its h5p/ folder).
if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])  # noqa: F405
else:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="egide-media-"))  # noqa: F405
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Local disk unless AWS_PRIVATE_BUCKET_NAME is set: the suite never sets it, the
# object-storage tests point settings (and the processes they start) at the moto server.
STORAGES = storages_from_env(env, private_root=PRIVATE_MEDIA_ROOT)  # noqa: F405

# Keep test output readable: Wagtail logs every page creation at INFO.
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
