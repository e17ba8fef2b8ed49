"""Absolute links to Égide, for what leaves the browser: QR codes, emails, calendar
files, PDF attestations.

The address is, in order: ``SITE_URL`` when the environment sets it (production,
behind a proxy that may rewrite the host); else the scheme and host of the request
being answered (``PORT=8100 make run`` served on another port, a test's live server);
else the local development server on ``PORT`` (``settings.SITE_URL`` defaults to it),
for what is built outside a request (a Celery task, a management command).

The request need not be passed down: ``core.request_context`` remembers the one
being answered, so an email queued by a view links to the host that view answered on.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost

from .request_context import current_request


def site_root(request=None) -> str:
    """Return the scheme and host links start with, without a trailing slash."""
    if getattr(settings, "SITE_URL_FROM_ENVIRONMENT", False):
        return settings.SITE_URL.rstrip("/")
    request = request if request is not None else current_request()
    if request is not None:
        try:
            return f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            pass  # a host Django refuses never ends up in a link
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str, request=None) -> str:
    """Return ``path`` (absolute path such as ``/sessions/3/``) as a full URL."""
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return site_root(request) + path
