"""Panels shown on an activity's page (a module, later a session or an offer),
contributed by apps above the one that owns the page.

The indicators app, for instance, says which plan indicators a module counts
for, without courses importing it: it registers a panel here in its ready().
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ActivityPanel:
    key: str
    template_name: str
    # Returns the panel's context for an activity key ("module:12"), or None to hide it.
    get_context: Callable[[str], dict | None]
    order: int = 100


_panels: dict[str, ActivityPanel] = {}


def register(panel: ActivityPanel) -> None:
    _panels[panel.key] = panel


def panels_for(activity: str) -> list[dict]:
    result = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        context = panel.get_context(activity)
        if context is not None:
            result.append({"template_name": panel.template_name, "context": context})
    return result
