"""Panels of "Mon espace" (and of other personal pages, such as "Mes formations"),
contributed by capability apps.

core sits below the capabilities, so it cannot import them: each app registers
its panel (a template and a function returning its context) in AppConfig.ready(),
for a page (`place`).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template_name: str
    get_context: Callable[[object], dict]
    order: int = 100
    place: str = "dashboard"  # or "my_trainings"


_panels: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels_for(user, place: str = "dashboard") -> list[dict]:
    """Return [{"template_name", "context"}] for the user's page `place`, in order."""
    return [
        {"template_name": panel.template_name, "context": panel.get_context(user)}
        for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key))
        if panel.place == place
    ]
