"""Settings of the web nodes and workers started by test_multinode.py.

The production settings (Redis cache and sessions, secure cookies, DEBUG off, every
secret and host from the environment), so the nodes share state exactly as production
nodes do, with one difference: static files are not collected. Production serves them
through WhiteNoise's compressed manifest, which `collectstatic` must build first, and
on this machine that takes minutes (brotli over the H5P player and the DSFR), far
beyond the test's budget; nothing about several nodes depends on it, and the test
fetches no static file. The test settings were not an option: they keep a per-process
cache (locmem) so unit tests stay isolated, which is exactly what several nodes must
not have.

HTTPS is the load balancer's job in production (SECURE_SSL_REDIRECT=false in the
environment, as bench/run.sh does); the test's HTTP client stands in for the browser
that keeps `Secure` cookies (see test_multinode.py).
"""

from elearning.settings.prod import *  # noqa: F401,F403
from elearning.settings.prod import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
