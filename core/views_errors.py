"""Error pages in French, in the site's layout, with the quick exit and a way back.

Django's defaults are bare English pages ("403 Forbidden"), without the header, the
quick-exit button or a link back: a learner who opens a page not meant for her must
still be able to leave at once or find her way. The 500 page is rendered without the
request's context processors (they may read the database, which may be what failed).
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token


def _back_url(request) -> str:
    """The page the person came from, when it is one of ours and not this one."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # a refused host (400): no way back through it
        return ""
    if not referer or not url_has_allowed_host_and_scheme(referer, {host}):
        return ""
    if referer.rstrip("/").endswith(request.path.rstrip("/")) and request.path != "/":
        return ""
    return referer


def _message(exception) -> str:
    """The French explanation a view gave (PermissionDenied(_("…"))), if any.

    Django's resolver raises Http404 with a dict (the paths tried): never shown.
    """
    args = getattr(exception, "args", ())
    if args and isinstance(args[0], str):
        return args[0]
    return ""


def _error(request, template: str, status: int, exception=None) -> HttpResponse:
    context = {"back_url": _back_url(request), "message": _message(exception)}
    return render(request, template, context, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _error(request, "400.html", 400, exception)


@requires_csrf_token
def permission_denied(request, exception=None):
    return _error(request, "403.html", 403, exception)


@requires_csrf_token
def page_not_found(request, exception=None):
    return _error(request, "404.html", 404, exception)


@requires_csrf_token
def csrf_failure(request, reason=""):
    # The reason is Django's English diagnostic: logged by Django, never shown.
    return _error(request, "403_csrf.html", 403)


def server_error(request):
    """500: no context processors, no database; what the layout needs is passed in."""
    template = loader.get_template("500.html")
    context = {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_TAGLINE": settings.SERVICE_TAGLINE,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
    }
    return HttpResponseServerError(template.render(context))
