import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.http.request import split_domain_port
from django.utils.translation import gettext as _
from wagtail.models import Site

from . import page_cache, views_errors


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # Keep the specific root page with the site: routing starts from it.
        site.root_page = site.root_page.specific
    return site


class CachedSiteMiddleware:
    """Resolve the Wagtail site of a request from the page cache (no query when warm).

    Wagtail looks for `request._wagtail_site` before querying, so setting it here
    spares the site and root-page queries on every page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # /healthz must answer (503 with details) even when the database is down.
        if request.path != "/healthz":
            hostname = split_domain_port(request._get_raw_host())[0]
            key = f"{hostname}:{request.get_port()}"
            try:
                site = page_cache.cached("site", key, lambda: _find_site(request))
            except DatabaseError:
                pass  # let Wagtail look the site up (and report the error) itself
            else:
                request._wagtail_site = site
        return self.get_response(request)


class RejectNullCharactersMiddleware:
    """Answer 400 to an address or query string holding a NUL character.

    No person types one; PostgreSQL refuses it in any text value, so a lookup made
    with it (a plan code, a redirect's path) would end in a 500. Forms already refuse
    it field by field (Django's ProhibitNullCharactersValidator); this covers the
    address and the query string, read before any view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            message = _("Adresse invalide : elle contient un caractère nul.")
            if request.path.startswith("/api/"):
                return JsonResponse({"erreur": str(message)}, status=400)
            # The French 400 page, in the layout with the quick exit (core.views_errors).
            return views_errors.bad_request(request, SuspiciousOperation(str(message)))
        return self.get_response(request)


class FrenchNotFoundMiddleware:
    """Under `make run` (DEBUG), answer a view's 404 with the French page too.

    With DEBUG on, Django shows its English technical page for a 404, whatever
    handler404 says: the demo's users (a dead link, an old bookmark) would land on a
    list of URL patterns. DEBUG_TECHNICAL_404=1 brings Django's page back. Without
    DEBUG, Django already uses core.views_errors.page_not_found.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.active = settings.DEBUG and not getattr(settings, "DEBUG_TECHNICAL_404", False)

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if self.active and isinstance(exception, Http404):
            return views_errors.page_not_found(request, exception)
        return None


class ServerTimingMiddleware:
    """Add `Server-Timing: app;dur=<ms>`: the time Django spent on the answer.

    The browser shows it in its network panel (and `performance` exposes it), so the
    crawl test and a developer read the server's own time, not the time a busy machine
    took to hand the request over. Off unless SERVER_TIMING is set (on under `make run`
    and in the tests): in production it would tell anyone how long each query takes.
    Placed first, so it counts every other middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "SERVER_TIMING", False)

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        milliseconds = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={milliseconds:.1f}"
        return response
