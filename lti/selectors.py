"""Reads of the LTI app."""

from courses.models import ModulePage


def pickable_modules() -> list[ModulePage]:
    """The published, public modules a partner's teacher may link to, by title."""
    return list(ModulePage.objects.live().public().order_by("title").only("id", "title", "summary"))


def pickable_module(module_id) -> ModulePage | None:
    """The module `module_id` if it may be linked to or launched, else None."""
    try:
        module_id = int(module_id)
    except (TypeError, ValueError):
        return None
    return ModulePage.objects.live().public().filter(pk=module_id).first()
