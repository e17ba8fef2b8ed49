from django.conf import settings

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
    }
