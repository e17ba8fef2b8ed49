"""The people columns of an imported file, checked alike by every importer
(assignments' rosters, events' participants, indicators' partner trainings).

Built on core.imports (reading, report, preview): each function here reads one
column as a partner writes it and returns the stored value, or raises
core.imports.pipeline.Refused with the French reason. The reasons' wording is an
importer's (`Wording`): each page keeps the sentences its users know, the checks
behind them are these ones.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from core.imports.pipeline import Refused
from core.spreadsheets import plain
from territories.scopes import Scope

from .constants import profession_from_text

EMAIL, LAST_NAME, FIRST_NAME = "email", "nom", "prenom"
PROFESSION, INSTITUTION = "profession", "institution"
DEPARTEMENT, ARRONDISSEMENT = "departement", "arrondissement"


@dataclass(frozen=True)
class Wording:
    """The reasons an importer gives; %(value)s is the cell as written, %(line)s the
    earlier line of a duplicate, %(key)s its address."""

    email: str = _("adresse électronique invalide « %(value)s »")
    profession: str = _("profession inconnue « %(value)s »")
    duplicate: str = _("doublon de la ligne %(line)s")


def email(text: str, wording: Wording) -> str:
    """The address, lowercase (addresses are unique whatever their case)."""
    address = text.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        raise Refused(str(wording.email) % {"value": text.strip()}) from None
    return address


def profession(text: str, wording: Wording, *, required: bool = True) -> str:
    """The profession's code from its code, French label or a usual spelling; "" when
    the cell is empty and the column is optional."""
    if not text.strip() and not required:
        return ""
    code = profession_from_text(text)
    if code is None:
        raise Refused(str(wording.profession) % {"value": text})
    return code


def _key(text: str) -> str:
    """A place name as compared: no case, accents, hyphens or apostrophes
    ("PAS DE CALAIS" is "Pas-de-Calais", "cotes d armor" is "Côtes-d'Armor")."""
    return " ".join(plain(text).replace("-", " ").replace("'", " ").replace("’", " ").split())


class Places:
    """Départements and arrondissements as a partner writes them: code or name.
    Two queries per file."""

    def __init__(self):
        from territories.models import Arrondissement, Departement

        self.departements: dict[str, str] = {}
        for code, name in Departement.objects.values_list("code", "name"):
            self.departements[code.lower()] = code
            self.departements[_key(name)] = code
        self.parent: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        for code, name, departement in Arrondissement.objects.values_list(
            "code", "name", "departement_id"
        ):
            self.parent[code] = departement
            self.by_name.setdefault(_key(name), []).append(code)

    def departement(self, text: str) -> str | None:
        key = plain(text)
        if key.isdigit() and len(key) == 1:
            key = "0" + key  # "9" for Ariège: a spreadsheet drops the zero
        return self.departements.get(key) or self.departements.get(_key(text))

    def arrondissements(self, text: str) -> list[str]:
        """Every arrondissement `text` may name: a code, a name (names repeat across
        France: Saint-Denis, Saint-Pierre), or a "62-lens" slug of older files."""
        if text in self.parent:
            return [text]
        if _key(text) in self.by_name:
            return self.by_name[_key(text)]
        prefix, _dash, rest = plain(text).partition("-")
        departement = self.departements.get(prefix)
        if departement and rest:
            return [
                code
                for code in self.by_name.get(_key(rest), [])
                if self.parent[code] == departement
            ]
        return []


def _arrondissement(written: str, departement: str, places: Places, scope: Scope) -> str:
    """The one arrondissement `written` names, read within `departement` if given,
    else within the importer's territory when the name repeats across France."""
    candidates = places.arrondissements(written)
    if not candidates:
        raise Refused(_("arrondissement inconnu « %(value)s »") % {"value": written})
    if departement:
        candidates = [code for code in candidates if places.parent[code] == departement]
        if not candidates:
            raise Refused(
                _("l'arrondissement « %(value)s » n'est pas dans le département %(code)s")
                % {"value": written, "code": departement}
            )
    elif len(candidates) > 1 and not scope.national:
        candidates = [
            code for code in candidates if places.parent[code] in scope.departements
        ] or candidates
    if len(candidates) > 1:
        raise Refused(
            _(
                "arrondissement « %(value)s » ambigu (départements %(codes)s) : "
                "indiquez son code ou la colonne departement"
            )
            % {
                "value": written,
                "codes": ", ".join(sorted(places.parent[code] for code in candidates)),
            }
        )
    return candidates[0]


def territory(values: dict, places: Places, scope: Scope) -> tuple[str, str]:
    """(département, arrondissement) of one line, within the importer's territory
    `scope`: from the optional departement column, the arrondissement column, or
    the importer's only département."""
    departement = ""
    if values.get(DEPARTEMENT, ""):
        departement = places.departement(values[DEPARTEMENT]) or ""
        if not departement:
            raise Refused(_("département inconnu « %(value)s »") % {"value": values[DEPARTEMENT]})
    arrondissement = ""
    if values.get(ARRONDISSEMENT, ""):
        arrondissement = _arrondissement(values[ARRONDISSEMENT], departement, places, scope)
        departement = places.parent[arrondissement]
    if not departement and not scope.national and len(scope.departements) == 1:
        # A DDFE following one département imports for it unless told otherwise.
        (departement,) = scope.departements
    if departement and not scope.covers_departement(departement):
        raise Refused(_("département %(code)s hors de votre territoire") % {"code": departement})
    if not departement and not scope.national:
        raise Refused(
            _("département manquant : indiquez la colonne departement ou l'arrondissement")
        )
    return departement, arrondissement
