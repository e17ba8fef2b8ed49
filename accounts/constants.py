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
    UNIT_MANAGER = "responsable_unite", _("Responsable d'unité")
    ADMIN = "administrateur", _("Administrateur·rice")


# Roles that must sign in with a second factor (accounts.middleware). Every role but
# the learner's sees other people's data or changes what others see: editors and
# administrators publish and manage accounts, the DDFE sees territory-wide figures
# and imported participant lists, unit managers see their staff's training status,
# trainers and organisers see learners' names, attendance and quiz results, hosts
# see applicants' names, motivation and employer contacts. Superusers hold every role.
MFA_REQUIRED_ROLES = frozenset(
    {Role.TRAINER, Role.HOST, Role.EDITOR, Role.DDFE, Role.UNIT_MANAGER, Role.ADMIN}
)

# Group names are data (stored in auth_group), so they are fixed French strings
# rather than translations: renaming a group must go through a migration.
ROLE_GROUP_NAMES = {
    Role.LEARNER: "Apprenant·e",
    Role.TRAINER: "Formateur·rice / organisateur·rice",
    Role.HOST: "Structure d'accueil",
    Role.EDITOR: "Rédacteur·rice",
    Role.DDFE: "Référent·e DDFE",
    Role.UNIT_MANAGER: "Responsable d'unité",
    Role.ADMIN: "Administrateur·rice",
}

DEPARTEMENTS = [
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("976", "Mayotte"),
]
DEPARTEMENT_CHOICES = [(code, f"{code} – {name}") for code, name in DEPARTEMENTS]

# Arrondissements are listed for the départements whose action plans the platform
# reports on; elsewhere the field stays optional.
ARRONDISSEMENTS = {
    "59": [
        ("59-avesnes-sur-helpe", "Avesnes-sur-Helpe"),
        ("59-cambrai", "Cambrai"),
        ("59-douai", "Douai"),
        ("59-dunkerque", "Dunkerque"),
        ("59-lille", "Lille"),
        ("59-valenciennes", "Valenciennes"),
    ],
    "62": [
        ("62-arras", "Arras"),
        ("62-bethune", "Béthune"),
        ("62-boulogne-sur-mer", "Boulogne-sur-Mer"),
        ("62-calais", "Calais"),
        ("62-lens", "Lens"),
        ("62-montreuil", "Montreuil"),
        ("62-saint-omer", "Saint-Omer"),
    ],
}
DEPARTEMENT_NAMES = dict(DEPARTEMENTS)
ARRONDISSEMENT_CHOICES = [
    (f"{code} – {DEPARTEMENT_NAMES[code]}", entries) for code, entries in ARRONDISSEMENTS.items()
]
ARRONDISSEMENT_NAMES = {
    value: name for entries in ARRONDISSEMENTS.values() for value, name in entries
}
