"""Labels of the pages' breakdowns in words (exports and the API keep the codes)."""

from datetime import date

from django.utils.formats import date_format


def month_label(value: str) -> str:
    """ "mars 2025" for "2025-03"; anything else as it is."""
    try:
        return date_format(date.fromisoformat(f"{value}-01"), "F Y")
    except (TypeError, ValueError):
        return value
