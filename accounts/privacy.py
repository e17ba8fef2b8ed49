"""Registry of personal-data exporters (RGPD right of access).

Each app that stores data about a person registers a function returning that
data as JSON-serialisable values, in its AppConfig.ready(). accounts imports no
capability app; they plug into it.
"""

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], Any]
_exporters: dict[str, Exporter] = {}


def register_exporter(key: str, exporter: Exporter) -> None:
    """Add `exporter(user)` under `key` in every personal-data export."""
    _exporters[key] = exporter


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)
