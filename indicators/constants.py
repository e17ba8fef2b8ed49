from django.db import models
from django.utils.translation import gettext_lazy as _

from core.constants import FileJobStatus


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


class Provenance(models.TextChoices):
    """Where an indicator comes from: written in the plan, or proposed by the platform
    (the plan does not write it; the platform suggests it to follow one of its actions)."""

    PLAN = "plan", _("Issu du plan")
    PROPOSED = "proposed", _("Proposé")


# What each provenance means, beside its badge (detail page, admin, exports, bilan).
PROVENANCE_MEANINGS = {
    Provenance.PLAN: _("Le plan écrit cet indicateur."),
    Provenance.PROPOSED: _(
        "Le plan n'écrit pas cet indicateur : la plateforme le propose pour suivre une de "
        "ses actions."
    ),
}


class ExportFormat(models.TextChoices):
    """What a report export built by Celery contains."""

    PDF = "pdf", _("Bilan PDF pour le comité de pilotage")
    XLSX = "xlsx", _("Classeur détaillé XLSX")
    ODS = "ods", _("Classeur détaillé ODS")


# A report export is a file job: its states are core's.
ExportStatus = FileJobStatus


class Channel(models.TextChoices):
    """How a person was trained: reported separately by the plans."""

    ELEARNING = "elearning", _("Formation en ligne")
    EVENT = "event", _("Session en présentiel")
    PLACEMENT = "placement", _("Stage croisé")
    EXTERNAL = "external", _("Formation d'un partenaire (import)")


class ParticipationKind(models.TextChoices):
    SENSIBILISATION = "sensibilisation", _("Sensibilisation")
    FORMATION = "formation", _("Formation")


# The counting rule by territory, printed once at the top of every report (page,
# exports, API, PDF): the same sentence everywhere.
TERRITORY_RULE = _(
    "Un plan compte les personnes de son territoire : une participation compte si le "
    "département de la personne à la date de sa formation (celui de son profil ce jour-là, "
    "ou celui indiqué par le partenaire pour un import) est dans le territoire du plan, "
    "quelle que soit la modalité (en ligne, en présentiel, stage, import). Une personne qui "
    "déménage reste comptée là où elle travaillait ce jour-là ; une participation sans "
    "département ne compte que dans les chiffres nationaux. Les sessions et les stages "
    "organisés sont comptés là où ils ont lieu."
)

# How each measure is counted, shown beside every figure (with its territorial rule).
COUNTING_RULES = {
    Measure.PEOPLE_TRAINED: _(
        "Personnes distinctes ayant terminé un module, assisté à une session ou suivi un stage "
        "liés à l'indicateur pendant la période (ou importées d'une formation partenaire) ; "
        "une personne comptée une seule fois par indicateur, avec son profil à la date de sa "
        "formation. Territoire : seules comptent les personnes dont le département, à la date "
        "de la formation, est dans le territoire du plan, quel que soit le lieu de l'activité."
    ),
    Measure.SESSIONS_HELD: _(
        "Sessions en présentiel des événements liés, non annulées, ayant commencé pendant "
        "la période, avec au moins une personne notée présente. Territoire : sessions tenues "
        "dans un département du territoire du plan (lieu de la session ; filtrées par "
        "arrondissement, celui de la session)."
    ),
    Measure.PLACEMENTS: _(
        "Stages croisés des offres liées dont la structure d'accueil a confirmé la "
        "réalisation, comptés à leur dernier jour. Territoire : stages dont la structure "
        "d'accueil est dans un département du territoire du plan (filtrés par "
        "arrondissement, celui de la personne accueillie)."
    ),
    Measure.AVERAGE_SCORE: _(
        "Moyenne des notes globales (sur 5) données dans les questionnaires de satisfaction "
        "des activités liées, remplis pendant la période ; chaque réponse pèse autant. "
        "Territoire : réponses anonymes, non rattachées à un territoire."
    ),
    Measure.BETTER_EQUIPPED_SHARE: _(
        "Part des réponses « d'accord » ou « tout à fait d'accord » aux affirmations « mieux "
        "outillé·e » des questionnaires de satisfaction des activités liées, remplis pendant "
        "la période. Territoire : réponses anonymes, non rattachées à un territoire."
    ),
    Measure.MANUAL: _(
        "Somme des chiffres saisis par la DDFE pour des périodes comprises dans la période "
        "affichée. Territoire : chiffres saisis pour le territoire du plan."
    ),
}

# The roll-ups (région, national): distinct people, not a sum.
ROLLUP_RULE = _(
    "Personnes distinctes formées pendant la période alors qu'elles travaillaient dans le "
    "territoire (département de leur profil à la date de la formation), toutes activités "
    "et modalités confondues. Le chiffre d'une région ou national n'est pas la somme de "
    "ses parties : une personne formée dans deux départements y compte une seule fois. "
    "Les personnes sans département ne comptent que dans le chiffre national."
)

# Measures known for the whole département only: the DDFE's figures are entered for
# it, and questionnaire answers are anonymous (no territory to filter on).
DEPARTEMENT_WIDE = frozenset({Measure.MANUAL, Measure.AVERAGE_SCORE, Measure.BETTER_EQUIPPED_SHARE})
NOT_BY_TERRITORY = _("Chiffre départemental : non ventilé par arrondissement.")

# Folder of core.owned_files where a previewed participants file waited for its
# confirmation before every import kept its previews in core.imports.previews: no
# longer written, still registered (IndicatorsConfig.ready) so that the hourly purge
# deletes what is left there. Remove a day after the deployment.
IMPORT_PREVIEWS = "participant-imports"
