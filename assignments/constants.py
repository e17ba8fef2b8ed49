from django.db import models
from django.utils.translation import gettext_lazy as _


class DueStatus(models.TextChoices):
    """Where a person stands on a mandatory module (the order is the display order)."""

    OVERDUE = "en_retard", _("En retard")
    TO_DO = "a_faire", _("À faire")
    IN_PROGRESS = "en_cours", _("En cours")
    EXPIRING = "expire_bientot", _("Expire bientôt")
    UP_TO_DATE = "a_jour", _("À jour")


# Statuses that still call for the learner's action (reminders, "to do" lists).
PENDING = frozenset({DueStatus.OVERDUE, DueStatus.TO_DO, DueStatus.IN_PROGRESS})


class ReminderKind(models.TextChoices):
    ASSIGNED = "assigned", _("Nouvelle formation obligatoire")
    BEFORE = "before", _("Rappel avant l'échéance")
    DUE = "due", _("Rappel le jour de l'échéance")
    OVERDUE = "overdue", _("Relance après l'échéance")
    EXPIRY = "expiry", _("Validation bientôt expirée")
    MANAGER = "manager", _("Relance par le ou la responsable")


DEFAULT_REMIND_DAYS_BEFORE = [14, 3]
DEFAULT_OVERDUE_EVERY_DAYS = 7
DEFAULT_OVERDUE_MAX = 4
DEFAULT_EXPIRY_NOTICE_DAYS = 30
