from functools import cache

from django.conf import settings
from django.urls import reverse

from accounts.constants import Role
from accounts.roles import user_roles


def site(request):
    """Values every page's layout needs: service name, quick exit, the user's roles."""
    roles = user_roles(getattr(request, "user", None))
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_TAGLINE": settings.SERVICE_TAGLINE,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "RELEASE": settings.RELEASE,
        "user_can_edit_content": bool(roles & {Role.EDITOR, Role.ADMIN}),
        "user_sees_reports": bool(roles & {Role.DDFE, Role.ADMIN}),
        "user_manages_unit": Role.UNIT_MANAGER in roles,
        "nav_current": _nav_current(request),
    }


# The main menu's destinations: the layout marks the current one.
NAV_URL_NAMES = (
    "core:dashboard",
    "courses:my_trainings",
    "certificates:mine",
    "events:list",
    "events:mine",
    "placements:catalogue",
    "indicators:dashboard",
    "assignments:unit",
)


@cache
def _nav_paths() -> frozenset[str]:
    return frozenset(["/", *(reverse(name) for name in NAV_URL_NAMES)])


def _nav_current(request) -> str:
    """The request's path if it is a main menu destination, else "".

    The menu is cached per variant (core/templates/base.html): keyed by this rather
    than by the path, a thousand lesson pages share one rendered menu.
    """
    path = getattr(request, "path", "")
    return path if path in _nav_paths() else ""
