"""Values shared by every app, importable without loading any model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FileJobStatus(models.TextChoices):
    """Where a file built in the background stands (core.models.FileJob)."""

    PENDING = "pending", _("En préparation")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")
    EXPIRED = "expired", _("Expiré")
