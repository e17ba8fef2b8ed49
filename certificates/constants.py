from django.db import models
from django.utils.translation import gettext_lazy as _

from core.constants import FileJobStatus


class Kind(models.TextChoices):
    """What the attestation certifies; reported separately by the indicators."""

    SENSIBILISATION = "sensibilisation", _("Sensibilisation")
    FORMATION = "formation", _("Formation")
    ATTENDANCE = "presence", _("Présence à une session")


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("En cours de génération")
    READY = "ready", _("Disponible")
    FAILED = "failed", _("Échec de la génération")


class Validity(models.TextChoices):
    """What the public verification page says about a code."""

    VALID = "valid", _("Attestation valide")
    EXPIRED = "expired", _("Attestation expirée")
    REVOKED = "revoked", _("Attestation révoquée")
    UNKNOWN = "unknown", _("Attestation inconnue")


class EventAction(models.TextChoices):
    ISSUED = "issued", _("Délivrée")
    RENDERED = "rendered", _("PDF généré")
    RENDER_FAILED = "render_failed", _("Échec de la génération du PDF")
    REGENERATION = "regeneration", _("Régénération demandée")
    REVOKED = "revoked", _("Révoquée")
    REINSTATED = "reinstated", _("Rétablie")
    HOLDER_ERASED = "holder_erased", _("Nom effacé (compte supprimé)")


# An archive is a file job: its states are core's.
ArchiveStatus = FileJobStatus


# Codes are read aloud on the phone and typed from paper: no 0/O, 1/I/L, 2/Z,
# 5/S, 8/B, U/V. 22 symbols, 12 of them: about 1.3 × 10^16 codes, so guessing one
# at the throttled rate of the verification page is hopeless.
CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY3479"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4
CODE_PREFIX = "EGD"

# Public verification: requests per client address and window.
VERIFY_RATE = 20
VERIFY_PERIOD_SECONDS = 60

# Render retries: 30 s, 2 min, 8 min, 32 min, then marked failed for administrators.
RENDER_MAX_RETRIES = 4
RENDER_RETRY_BASE_SECONDS = 30
# A render queued longer ago than this and still pending is queued again by beat
# (a worker killed mid-task, a broker restart): rendering is idempotent.
RENDER_STALE_MINUTES = 15
