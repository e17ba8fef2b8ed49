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


class ExportFormat(models.TextChoices):
    """What a report export built by Celery contains."""

    PDF = "pdf", _("Bilan PDF pour le comité de pilotage")
    XLSX = "xlsx", _("Classeur détaillé XLSX")
    ODS = "ods", _("Classeur détaillé ODS")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("En préparation")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")


class Channel(models.TextChoices):
    """How a person was trained: reported separately by the plans."""

    ELEARNING = "elearning", _("Formation en ligne")
    EVENT = "event", _("Session en présentiel")
    PLACEMENT = "placement", _("Stage croisé")
    EXTERNAL = "external", _("Formation d'un partenaire (import)")


class ParticipationKind(models.TextChoices):
    SENSIBILISATION = "sensibilisation", _("Sensibilisation")
    FORMATION = "formation", _("Formation")


# How each measure is counted, shown beside every figure.
COUNTING_RULES = {
    Measure.PEOPLE_TRAINED: _(
        "Personnes distinctes ayant terminé un module, assisté à une session ou suivi un stage "
        "liés à l'indicateur pendant la période (ou importées d'une formation partenaire) ; "
        "une personne comptée une seule fois par indicateur, avec son profil à la date de sa "
        "formation."
    ),
    Measure.SESSIONS_HELD: _(
        "Sessions en présentiel des événements liés, non annulées, ayant commencé pendant "
        "la période, avec au moins une personne notée présente ; sur un territoire, le lieu "
        "de la session."
    ),
    Measure.PLACEMENTS: _(
        "Stages croisés des offres liées dont la structure d'accueil a confirmé la "
        "réalisation, comptés à leur dernier jour ; sur un territoire, l'arrondissement de "
        "la personne accueillie."
    ),
    Measure.AVERAGE_SCORE: _(
        "Moyenne des notes globales (sur 5) données dans les questionnaires de satisfaction "
        "des activités liées, remplis pendant la période ; chaque réponse pèse autant."
    ),
    Measure.BETTER_EQUIPPED_SHARE: _(
        "Part des réponses « d'accord » ou « tout à fait d'accord » aux affirmations « mieux "
        "outillé·e » des questionnaires de satisfaction des activités liées, remplis pendant "
        "la période."
    ),
    Measure.MANUAL: _(
        "Somme des chiffres saisis par la DDFE pour des périodes comprises dans la période "
        "affichée."
    ),
}

# Measures known for the whole département only: the DDFE's figures are entered for
# it, and questionnaire answers are anonymous (no territory to filter on).
DEPARTEMENT_WIDE = frozenset({Measure.MANUAL, Measure.AVERAGE_SCORE, Measure.BETTER_EQUIPPED_SHARE})
NOT_BY_TERRITORY = _("Chiffre départemental : non ventilé par arrondissement.")

# Folder of core.owned_files where a previewed participants file waits for its
# confirmation (registered in IndicatorsConfig.ready, kept a day).
IMPORT_PREVIEWS = "participant-imports"

# The territorial counting rule printed at the top of every report. Helper A owns this
# constant (issue 17); this is the same sentence so that the report works before A's
# branch is merged: on a conflict, keep A's wording.
TERRITORY_RULE = _(
    "Les personnes sont comptées dans le territoire de leur département le jour de la "
    "formation, quel que soit le lieu de l'activité ; les sessions et les stages sont "
    "comptés là où ils ont lieu. Une personne sans département ne compte que dans les "
    "chiffres nationaux."
)
