from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Awareness (short) and training (longer, assessed) are reported separately."""

    SENSIBILISATION = "sensibilisation", _("Sensibilisation")
    FORMATION = "formation", _("Formation")


class PackageStatus(models.TextChoices):
    PENDING = "pending", _("En attente d'extraction")
    READY = "ready", _("Prêt")
    ERROR = "error", _("Erreur")


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Inscription personnelle")
    ASSIGNMENT = "assignment", _("Formation obligatoire")
    EVENT = "event", _("Suite d'une session en présentiel")


# Duration filter of the catalogue: (value, label, min minutes, max minutes).
DURATION_BUCKETS = [
    ("court", _("Moins de 30 minutes"), 0, 29),
    ("moyen", _("De 30 minutes à 1 heure"), 30, 60),
    ("long", _("Plus d'une heure"), 61, 100_000),
]

# Average silent reading speed used for a lesson's estimated reading time.
WORDS_PER_MINUTE = 200
