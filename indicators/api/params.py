"""Query parameters shared by the operations, validated with their French messages.

Dates are read with `date.fromisoformat` (as the pages do); an empty parameter counts
as absent. A refused value raises a "egide" error whose message is the answer
(main.validation_error).
"""

from datetime import date
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..selectors import BREAKDOWNS
from .errors import BAD_DATES

ERROR_TYPE = "egide"


def _iso_date(value):
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PydanticCustomError(ERROR_TYPE, str(BAD_DATES)) from None


def _breakdown(value):
    if value is None or value == "":
        return None
    if value not in BREAKDOWNS:
        choices = "|".join(BREAKDOWNS)
        message = _("Ventilation inconnue ; valeurs possibles : %(choices)s.") % {
            "choices": choices
        }
        raise PydanticCustomError(ERROR_TYPE, message)
    return value


IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]
Breakdown = Annotated[Literal[tuple(BREAKDOWNS)] | None, BeforeValidator(_breakdown)]
