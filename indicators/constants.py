from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    ACTIVE = "active", _("En cours")
    CLOSED = "closed", _("Clos")


class Measure(models.TextChoices):
    """What an indicator counts; every value but MANUAL is computed by the platform."""

    PEOPLE_TRAINED = "people_trained", _("Personnes formées ou sensibilisées (distinctes)")
    SESSIONS_HELD = "sessions_held", _("Sessions tenues")
    PLACEMENTS = "placements", _("Stages organisés")
    AVERAGE_SCORE = "average_score", _("Score moyen aux évaluations")
    BETTER_EQUIPPED_SHARE = "better_equipped_share", _("Part des participant·es mieux outillé·es")
    MANUAL = "manual", _("Chiffre saisi par la DDFE")
