"""The API's errors: a status and a French message, answered as `{"erreur": "…"}`."""

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

AUTHENTICATION_REQUIRED = _(
    "Authentification requise (session ou en-tête « Authorization: Token … »)."
)
BAD_DATES = _("Dates attendues au format AAAA-MM-JJ (paramètres from et to).")
FORBIDDEN = _("Réservé aux délégations aux droits des femmes et aux administrateur·rices.")
END_BEFORE_START = _("La date de fin précède la date de début.")


class ApiError(Exception):
    """Raised by an operation (or its authentication) to answer `status` with `message`."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = str(message)


class Error(Schema):
    """Every error of the API."""

    erreur: str = Field(description="Ce qui ne va pas, en français.")


def response_descriptions(**descriptions: str) -> dict:
    """`openapi_extra` giving each status its French description ("e404": "…")."""
    return {
        "responses": {
            int(status.removeprefix("e")): {"description": text}
            for status, text in descriptions.items()
        }
    }
