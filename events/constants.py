"""Reference lists and settings of the events app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.imports.reading import Limits


class EventKind(models.TextChoices):
    EVENING = "soiree", _("Soirée de sensibilisation")
    TRAINING_DAY = "journee", _("Journée de formation")
    WEBINAR = "webinaire", _("Webinaire")
    SEMINAR = "seminaire", _("Séminaire")


class Status(models.TextChoices):
    """Where a person stands for a session."""

    REGISTERED = "inscrit", _("Inscrit·e")
    WAITLISTED = "attente", _("Liste d'attente")
    CANCELLED = "annule", _("Inscription annulée")


class SessionState(models.TextChoices):
    """Where a session stands now, from the clock first: every page shows this, so a
    session over never reads "Inscriptions ouvertes" whatever its stored flags say."""

    CANCELLED = "annulee", _("Session annulée")
    OVER = "passee", _("Session passée")
    IN_PROGRESS = "en_cours", _("Session en cours")
    CLOSED = "fermee", _("Inscriptions fermées")
    OPEN = "ouverte", _("Inscriptions ouvertes")


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Non renseignée")
    PRESENT = "present", _("Présent·e")
    PARTIAL = "partiel", _("Présence partielle")
    ABSENT = "absent", _("Absent·e")


class Source(models.TextChoices):
    """How the registration was made."""

    SELF = "self", _("Inscription personnelle")
    ORGANISER = "organiser", _("Ajout par l'organisateur·rice")
    IMPORT = "import", _("Import CSV")


class Reminder(models.TextChoices):
    """Reminder emails before a session: two days before, then the day before."""

    EARLY = "early", _("Rappel à deux jours")
    EVE = "eve", _("Rappel la veille")


# (reminder, hours before the start under which it is due). The early reminder is
# skipped when the eve one is already due (a late registration gets one email).
REMINDER_HOURS = {Reminder.EARLY: 48, Reminder.EVE: 24}

# The QR check-in opens this many minutes before the start (default per session)
# and closes at the end of the session.
CHECKIN_OPENS_MINUTES = 30

# Participants' CSV import.
CSV_MAX_BYTES = 2 * 1024 * 1024
CSV_MAX_ROWS = 2000
CSV_REQUIRED_COLUMNS = ["email", "nom", "prenom", "profession"]
CSV_LIMITS = Limits(rows=CSV_MAX_ROWS, file_bytes=CSV_MAX_BYTES)

# Context kind of satisfaction questionnaires answered after a session (quizzes.contexts).
CONTEXT_KIND = "session"
