"""The layout's menu entries that depend on the signed-in person's roles.

Here rather than in core, which sits below accounts: core's `site` processor gives the
rest of what every page's layout needs (service name, quick exit, current entry).
"""

from .constants import TERRITORY_ROLES, Role
from .roles import user_roles


def navigation(request):
    """Which role-bound menu entries and tiles the person gets."""
    roles = user_roles(getattr(request, "user", None))
    return {
        "user_can_edit_content": bool(roles & {Role.EDITOR, Role.ADMIN}),
        # Delegates of every level, the national service and administrators: each sees
        # the plans and the roll-up of her own territories (indicators.scoping).
        "user_sees_reports": bool(roles & set(TERRITORY_ROLES)),
        "user_manages_unit": Role.UNIT_MANAGER in roles,
        # Each role's workspace is one click away (issue 20, point 10): the sessions a
        # trainer organises, the offers a host publishes.
        "user_organises_sessions": bool(roles & {Role.TRAINER, Role.ADMIN}),
        "user_hosts_placements": Role.HOST in roles,
    }
