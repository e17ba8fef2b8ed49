"""Which pages the crawl visits: links gathered in the pages, kept when a person would
follow them, reduced to one URL per URL pattern, and the helper (area) that owns each.

A pattern is a Django route (`sessions/<int:pk>/`) or, for a page Wagtail serves, its
page type (`courses.LessonPage`): one session detail is visited, not forty.
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

# Links a person follows without changing anything, and which show a page: no sign-out,
# no file (exports, PDFs, calendars, the personal data archive), no API answer. A file
# link missed here is recognised when Chromium starts downloading it (not a page).
SKIPPED_PATH = re.compile(
    r"(^/accounts/logout/)|(^/api/)|(^/healthz)|(^/gestion-technique/)"
    r"|(^/documents/)|(^/media/)|(^/static/)"
    r"|(export|telecharger|download|\.csv|\.xlsx|\.pdf|\.ics|\.json|\.h5p|/csv/|/xlsx/|/pdf/)"
    r"|(^/compte/mes-donnees/)",
    re.IGNORECASE,
)

# The Wagtail admin is crawled only where the editing roles work: the sidebar's entries
# (page explorer, snippets, settings, H5P libraries) and, one level down, an edit form
# and an explorer listing. Not its add/delete/move/copy/history confirmation screens.
CMS_FOLLOWED = re.compile(r"^/cms/(pages/\d+/(edit/)?|snippets/[\w-]+/[\w-]+/(edit/\d+/)?)?$")

# Which helper of issue 20 owns the views of each Django app (see the shared brief).
APP_OWNERS = {
    "quizzes": "quiz",
    "indicators": "plan",
    "courses": "courses",
    "events": "sessions",
    "assignments": "unit",
    "placements": "unit",
    "certificates": "unit",
    "territories": "crawl",
}
BILAN_VIEWS = {"report_export_request", "report_export", "report_export_download"}


# Signed in, these pages only send the person elsewhere.
VISITOR_ONLY_PATH = re.compile(r"^/accounts/(login|signup|password/reset)/")


def kept_path(href: str, origin: str, *, signed_in: bool) -> str | None:
    """The path (and query) of a link the crawl follows, or None."""
    parts = urlsplit(href)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    if SKIPPED_PATH.search(parts.path) or "format=" in parts.query:
        return None
    if signed_in and VISITOR_ONLY_PATH.match(parts.path):
        return None
    if parts.path.startswith("/cms/") and not CMS_FOLLOWED.match(parts.path):
        return None
    # The query is kept (a link may need it), but the pattern ignores it: a list and its
    # page 2 are one pattern, visited once, the address without query sorting first.
    return parts.path + (f"?{parts.query}" if parts.query else "")


def wagtail_page_types() -> dict[str, tuple[str, str]]:
    """Live Wagtail pages by URL path: (page type, app label)."""
    from wagtail.models import Page

    types = {}
    for page in Page.objects.live().specific():
        url = page.get_url()
        if url:
            types[urlsplit(url).path] = (page._meta.label, page._meta.app_label)
    return types


def pattern_and_owner(path: str, page_types: dict) -> tuple[str, str]:
    """The URL pattern of a path and the helper who owns its page."""
    plain = urlsplit(path).path
    if plain in page_types:
        label, app = page_types[plain]
        return label, APP_OWNERS.get(app, "shell")
    try:
        match = resolve(plain)
    except Resolver404:
        return plain, "shell"
    route = match.route or plain
    module = match.func.__module__.split(".")[0]
    if plain.startswith("/cms/"):
        return _cms_pattern(route, match), _cms_owner(match)
    if module == "indicators" and match.func.__name__ in BILAN_VIEWS:
        return route, "bilan"
    return route, APP_OWNERS.get(module, "shell")


def _cms_pattern(route: str, match) -> str:
    """A page's edit form differs by page type (a lesson's is not a module's)."""
    from wagtail.models import Page

    page_id = match.kwargs.get("page_id")
    if page_id is None:
        return route
    page = Page.objects.filter(pk=page_id).first()
    label = page.specific_class._meta.label if page and page.specific_class else "?"
    return f"{route} [{label}]"


def _cms_owner(match) -> str:
    """The Wagtail admin's screens belong to the app whose model they edit."""
    from wagtail.models import Page

    app = match.kwargs.get("app_label")
    if app is None and "page_id" in match.kwargs:
        page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
        app = page.specific_class._meta.app_label if page and page.specific_class else None
    if app is None:
        segments = match.route.split("/")
        if len(segments) > 3 and segments[1] == "snippets":
            app = segments[2]
    return APP_OWNERS.get(app or "", "shell")


def sidebar_paths(props_json: str) -> list[str]:
    """Every /cms/ address in the Wagtail sidebar's props (the menu is drawn by script)."""
    return sorted(set(re.findall(r'"(/cms/[^"?#]*)"', props_json)))
