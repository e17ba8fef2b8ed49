"""Panels of "Mon espace", contributed by capability apps.

core sits below the capabilities, so it cannot import them: each app registers
its panel (a template and a function returning its context) in AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template_name: str
    get_context: Callable[[object], dict]
    order: int = 100


_panels: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels_for(user) -> list[dict]:
    """Return [{"template_name", "context"}] for the user's dashboard, in order."""
    return [
        {"template_name": panel.template_name, "context": panel.get_context(user)}
        for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key))
    ]
