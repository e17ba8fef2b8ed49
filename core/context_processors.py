from functools import cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse


def site(request):
    """Values every page's layout needs: service name, quick exit, the current menu
    entry. The entries bound to roles come from accounts.context_processors."""
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_TAGLINE": settings.SERVICE_TAGLINE,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "RELEASE": settings.RELEASE,
        "nav_current": _nav_current(request),
    }


# The main menu's destinations: the layout marks the current one.
NAV_URL_NAMES = (
    "core:dashboard",
    "courses:my_trainings",
    "certificates:mine",
    "events:list",
    "events:mine",
    "events:organised",
    "placements:host_offers",
    "placements:catalogue",
    "indicators:dashboard",
    "assignments:unit",
    "indicators:rollup",
)


@cache
def _nav_paths() -> frozenset[str]:
    paths = ["/"]
    for name in NAV_URL_NAMES:
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            # A destination whose app is not installed here (the roll-up page comes with
            # its own branch): the menu simply does not offer it.
            continue
    return frozenset(paths)


def _nav_current(request) -> str:
    """The request's path if it is a main menu destination, else "".

    The menu is cached per variant (core/templates/base.html): keyed by this rather
    than by the path, a thousand lesson pages share one rendered menu.
    """
    path = getattr(request, "path", "")
    return path if path in _nav_paths() else ""
