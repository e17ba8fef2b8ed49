from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_is_valid(digits: str) -> bool:
    """Return True when the digit string passes the Luhn checksum."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_rpps(value: str) -> None:
    """An RPPS number has 11 digits, the last one a Luhn check digit."""
    # isdigit() alone accepts "²", which int() refuses in the checksum.
    if not (value.isascii() and value.isdigit()) or len(value) != 11:
        raise ValidationError(
            _("Le numéro RPPS comporte exactement 11 chiffres."), code="rpps_format"
        )
    if not luhn_is_valid(value):
        raise ValidationError(
            _("Ce numéro RPPS n'est pas valide (clé de contrôle incorrecte)."), code="rpps_key"
        )
