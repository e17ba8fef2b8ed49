"""Validators shared by the capabilities' models and forms."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import has_control_characters


def validate_single_line(value: str) -> None:
    """Refuse line breaks and control characters in a title or a short field.

    Such a title would break the email subjects and calendar files it ends up in.
    """
    if has_control_characters(value):
        raise ValidationError(
            _(
                "Ce champ tient sur une ligne : retirez les retours à la ligne "
                "et caractères de contrôle."
            ),
            code="control_characters",
        )
