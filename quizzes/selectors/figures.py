"""Rounding shared by the figures of the selectors: one decimal, half up."""

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.1")


def round_tenth(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
