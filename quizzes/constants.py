from django.db import models
from django.utils.translation import gettext_lazy as _


class ExplanationTiming(models.TextChoices):
    AFTER_ANSWER = "after_answer", _("Dès la réponse envoyée")
    REVIEW = "review", _("À la relecture, selon la règle du quiz")


class ReviewTiming(models.TextChoices):
    IMMEDIATELY = "immediately", _("Dès la tentative envoyée")
    AFTER_LAST = "after_last", _("Après la dernière tentative (ou la réussite)")
    NEVER = "never", _("Jamais")


class ReviewAnswers(models.TextChoices):
    """When the review shows the right answers. Shown after a failed attempt with tries
    left, they would turn the next attempt into a copy: hence the default."""

    ONCE_SETTLED = "once_settled", _("Une fois le quiz réussi ou les tentatives épuisées")
    ALWAYS = "always", _("À chaque relecture, même après un échec")
    NEVER = "never", _("Jamais")


class GradingMethod(models.TextChoices):
    BEST = "best", _("La meilleure tentative")
    LAST = "last", _("La dernière tentative")


class Phase(models.TextChoices):
    PRE = "pre", _("Pré-test")
    MAIN = "main", _("Évaluation")


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En cours")
    SUBMITTED = "submitted", _("Envoyée")
    EXPIRED = "expired", _("Temps écoulé")


class Likert(models.IntegerChoices):
    """Four levels, no neutral middle: "mieux outillé·e" counts the two agreeing ones."""

    STRONGLY_DISAGREE = 1, _("Pas du tout d'accord")
    DISAGREE = 2, _("Plutôt pas d'accord")
    AGREE = 3, _("Plutôt d'accord")
    STRONGLY_AGREE = 4, _("Tout à fait d'accord")


AGREEING = (Likert.AGREE, Likert.STRONGLY_AGREE)

# A late submission is refused past the deadline plus this margin (network, a
# slow shared workstation); the page submits itself when the countdown ends.
SUBMISSION_GRACE_SECONDS = 30
