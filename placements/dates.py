"""A slot's dates in words, as French writes them: "jeudi 1er octobre 2026", "du 1er au
3 mars 2026", "du 28 février au 2 mars 2026", "du 30 décembre 2026 au 2 janvier 2027"."""

from datetime import date

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from core.templatetags.french import day_month, long_date


def _day_only(value: date) -> str:
    # "1er mars" without its month (French month names are one word).
    return day_month(value).removesuffix(" " + date_format(value, "F"))


def period(start: date, end: date) -> str:
    """The dates of a placement: its day with the weekday, or "du … au …"."""
    if start == end:
        return long_date(start, True)
    if start.year != end.year:
        first = long_date(start)
    elif start.month != end.month:
        first = day_month(start)
    else:
        first = _day_only(start)
    return _("du %(start)s au %(end)s") % {"start": first, "end": long_date(end)}


def period_after_of(start: date, end: date) -> str:
    """The same after "de" ("le stage du jeudi 1er octobre", "le stage du 1er au 3
    mars"): a single day takes "du" here."""
    if start == end:
        return _("du %(day)s") % {"day": long_date(start, True)}
    return period(start, end)
