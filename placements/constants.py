from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Where a placement request stands; changed by services only."""

    REQUESTED = "requested", _("Demande envoyée")
    ACCEPTED = "accepted", _("Acceptée, convention à confirmer")
    REFUSED = "refused", _("Refusée")
    CONFIRMED = "confirmed", _("Confirmée par les deux parties")
    COMPLETED = "completed", _("Stage réalisé")
    CANCELLED = "cancelled", _("Annulée")


# A request in one of these states holds (or waits for) a seat of its slot.
ACTIVE_STATUSES = (Status.REQUESTED, Status.ACCEPTED, Status.CONFIRMED)
# Accepted requests consume a seat, until cancelled.
SEAT_STATUSES = (Status.ACCEPTED, Status.CONFIRMED, Status.COMPLETED)
# Either side may cancel before the placement is completed.
CANCELLABLE_STATUSES = (Status.REQUESTED, Status.ACCEPTED, Status.CONFIRMED)


class EventAction(models.TextChoices):
    REQUESTED = "requested", _("Demande envoyée")
    ACCEPTED = "accepted", _("Demande acceptée")
    REFUSED = "refused", _("Demande refusée")
    CONVENTION = "convention", _("Convention générée")
    CONFIRMED_PROFESSIONAL = "confirmed_professional", _("Confirmée par le ou la stagiaire")
    CONFIRMED_HOST = "confirmed_host", _("Confirmée par la structure d'accueil")
    COMPLETED = "completed", _("Stage réalisé")
    CANCELLED = "cancelled", _("Annulée")


# "Mes offres" lists the latest finished requests (refused, cancelled, completed).
HOST_HISTORY_ROWS = 50

# A placement day counts for seven hours on the attestation.
HOURS_PER_DAY = 7

# The default notice shown on offers and printed on conventions; hosts may adapt it.
DEFAULT_CONFIDENTIALITY = (
    "Le ou la stagiaire est tenu·e au secret et à la discrétion professionnels sur "
    "toutes les informations dont il ou elle a connaissance pendant le stage, en "
    "particulier sur l'identité et la situation des victimes et des personnes mises "
    "en cause. Aucun document ne peut être emporté ni reproduit."
)
