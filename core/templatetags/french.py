"""French typography the `date` filter does not know.

French writes the first day of a month as an ordinal ("1er janvier 2026", never
"1 janvier") and elides "de" before a vowel or a mute h ("d'Arras"). Every page,
PDF and email that prints a date in words or a place after "de" goes through these
filters, so the rule lives in one place.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

register = template.Library()

# Names that start with a vowel sound take "d'"; a few start with an aspirated h
# and keep "de" (de Hazebrouck, de Hénin-Beaumont): French place names in h are
# aspirated far more often than not, so h is not elided.
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")


def _day(value: datetime.date) -> str:
    # Translators: the first day of a month in a date, "1er" in French.
    return _("1er") if value.day == 1 else str(value.day)


@register.filter
def long_date(value, weekday: bool = False) -> str:
    """ "1er janvier 2026", or "jeudi 1er janvier 2026" with `|long_date:True`."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local_date(value)
    text = f"{_day(value)} {date_format(value, 'F Y')}"
    return f"{date_format(value, 'l')} {text}" if weekday else text


@register.filter
def day_month(value) -> str:
    """ "1er janvier", the date in words without the year."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local_date(value)
    return f"{_day(value)} {date_format(value, 'F')}"


def _local_date(value: datetime.datetime) -> datetime.date:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date()


@register.filter
def of_place(name) -> str:
    """ "d'Arras", "de Lille": "de" elided before a vowel. A territory passes its own
    INSEE article (`of_name`: "du Nord", "de la Somme")."""
    if hasattr(name, "of_name"):
        return name.of_name()
    text = str(name or "")
    if text[:1] in _VOWELS:
        return f"d'{text}"
    return f"de {text}"
