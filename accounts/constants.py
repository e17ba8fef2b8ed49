"""Reference lists of the accounts app: professions, territories and roles."""

import functools

from django.db import models
from django.utils.translation import gettext_lazy as _


class Profession(models.TextChoices):
    POLICE = "police_nationale", _("Police nationale")
    GENDARMERIE = "gendarmerie_nationale", _("Gendarmerie nationale")
    MEDECIN = "medecin", _("Médecin")
    SAGE_FEMME = "sage_femme", _("Sage-femme")
    INFIRMIER = "infirmier", _("Infirmier·e")
    TRAVAILLEUR_SOCIAL = "travailleur_social", _("Travailleur·se social·e")
    MAGISTRAT = "magistrat", _("Magistrat·e")
    ELU = "elu", _("Élu·e")
    AGENT_COLLECTIVITE = "agent_collectivite", _("Agent·e de collectivité")
    ASSOCIATION = "association", _("Association")
    AUTRE = "autre", _("Autre")


class InstitutionKind(models.TextChoices):
    """Kinds of institution that host cross-placements or employ professionals."""

    COMMISSARIAT = "commissariat", _("Commissariat de police")
    GENDARMERIE = "gendarmerie", _("Brigade ou compagnie de gendarmerie")
    HOPITAL = "hopital", _("Hôpital")
    CIDFF = "cidff", _("CIDFF")
    ASSOCIATION = "association", _("Association")
    JUSTICE = "justice", _("Tribunal ou parquet")
    DEPARTEMENT = "conseil_departemental", _("Service du conseil départemental")
    CAF = "caf", _("CAF")
    AUTRE = "autre", _("Autre")


# Spellings found in the lists partners send (without the inclusive dot, singular).
PROFESSION_ALIASES = {
    "infirmier": Profession.INFIRMIER,
    "infirmiere": Profession.INFIRMIER,
    "sage femme": Profession.SAGE_FEMME,
    "police": Profession.POLICE,
    "policier": Profession.POLICE,
    "policiere": Profession.POLICE,
    "gendarmerie": Profession.GENDARMERIE,
    "gendarme": Profession.GENDARMERIE,
    "magistrat": Profession.MAGISTRAT,
    "magistrate": Profession.MAGISTRAT,
    "elu": Profession.ELU,
    "elue": Profession.ELU,
}


@functools.lru_cache(maxsize=512)
def profession_from_text(text: str) -> str | None:
    """The profession code written in an imported file: its code, its French label or a
    usual spelling ("Infirmière", "Gendarme"), case and accents ignored; None if unknown.

    Cached: a list of 100,000 lines holds a handful of distinct spellings.
    """
    from core.spreadsheets import plain

    written = plain(text)
    for value, label in Profession.choices:
        if written in (plain(value), plain(str(label))):
            return value
    return PROFESSION_ALIASES.get(written.replace("-", " "))


# Professions registered in the RPPS (répertoire partagé des professionnels de santé).
HEALTH_PROFESSIONS = frozenset({Profession.MEDECIN, Profession.SAGE_FEMME, Profession.INFIRMIER})


class Role(models.TextChoices):
    """Roles are Django groups; the value is the stable code, the label the group name."""

    LEARNER = "apprenant", _("Apprenant·e")
    TRAINER = "formateur", _("Formateur·rice / organisateur·rice")
    HOST = "structure_accueil", _("Structure d'accueil")
    EDITOR = "redacteur", _("Rédacteur·rice")
    DDFE = "referent_ddfe", _("Référent·e DDFE")
    REGIONAL = "delegue_regional", _("Délégué·e régional·e (DRDFE)")
    NATIONAL = "service_national", _("Service des droits des femmes (national)")
    UNIT_MANAGER = "responsable_unite", _("Responsable d'unité")
    ADMIN = "administrateur", _("Administrateur·rice")


# Roles that must sign in with a second factor (accounts.middleware). Every role but
# the learner's sees other people's data or changes what others see: editors and
# administrators publish and manage accounts, the DDFE sees territory-wide figures
# and imported participant lists, unit managers see their staff's training status,
# trainers and organisers see learners' names, attendance and quiz results, hosts
# see applicants' names, motivation and employer contacts. Superusers hold every role.
MFA_REQUIRED_ROLES = frozenset(
    {
        Role.TRAINER,
        Role.HOST,
        Role.EDITOR,
        Role.DDFE,
        Role.REGIONAL,
        Role.NATIONAL,
        Role.UNIT_MANAGER,
        Role.ADMIN,
    }
)

# Roles that read territorial figures (indicators, roll-ups): each within the scope of
# accounts.selectors.territory_scope.
TERRITORY_ROLES = (Role.DDFE, Role.REGIONAL, Role.NATIONAL, Role.ADMIN)

# Group names are data (stored in auth_group), so they are fixed French strings
# rather than translations: renaming a group must go through a migration.
ROLE_GROUP_NAMES = {
    Role.LEARNER: "Apprenant·e",
    Role.TRAINER: "Formateur·rice / organisateur·rice",
    Role.HOST: "Structure d'accueil",
    Role.EDITOR: "Rédacteur·rice",
    Role.DDFE: "Référent·e DDFE",
    Role.REGIONAL: "Délégué·e régional·e DRDFE",
    Role.NATIONAL: "Service national des droits des femmes",
    Role.UNIT_MANAGER: "Responsable d'unité",
    Role.ADMIN: "Administrateur·rice",
}
