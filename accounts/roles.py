"""Who may do what: role checks shared by every app's views.

A role is membership of the Django group named in constants.ROLE_GROUP_NAMES.
Superusers hold every role. Group names are cached (on the user object for the
request, and in the shared cache between requests, cleared whenever the user's
groups change), so role checks cost no query on most pages.
"""

from collections.abc import Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from .constants import ROLE_GROUP_NAMES, Role

_CACHE_ATTR = "_egide_group_names"
CACHE_TIMEOUT = 10 * 60


def _cache_key(user_id: int) -> str:
    return f"egide:roles:{user_id}"


def forget_roles(user_id: int) -> None:
    """Drop the cached group names of a user (called when their groups change)."""
    cache.delete(_cache_key(user_id))


def user_roles(user) -> set[Role]:
    """Return the roles the user holds (all of them for a superuser)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Role)
    names = getattr(user, _CACHE_ATTR, None)
    if names is None:
        names = cache.get(_cache_key(user.pk))
        if names is None:
            names = set(user.groups.values_list("name", flat=True))
            cache.set(_cache_key(user.pk), names, CACHE_TIMEOUT)
        setattr(user, _CACHE_ATTR, names)
    return {role for role, name in ROLE_GROUP_NAMES.items() if name in names}


def has_role(user, *roles: Role) -> bool:
    """Return True when the user holds at least one of `roles`."""
    return bool(user_roles(user) & set(roles))


def role_required(*roles: Role):
    """View decorator: anonymous users go to the login page, others without the role get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def group_names(roles: Iterable[Role]) -> list[str]:
    return [ROLE_GROUP_NAMES[role] for role in roles]
