"""Production settings, but `collectstatic` without WhiteNoise's compression.

The benchmarks never request static files, yet compressing them (gzip and Brotli of
every asset) took ten minutes of a loaded 2-core machine per run. The manifest
(`staticfiles.json`, the hashed names `{% static %}` looks up) is the same as in
production, so the pages measured are rendered exactly as there. Only for
`manage.py collectstatic` in bench scripts; the servers run `elearning.settings.prod`.
"""

from elearning.settings.prod import *  # noqa: F403
from elearning.settings.prod import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
