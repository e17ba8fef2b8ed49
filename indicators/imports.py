"""Import participants of trainings held outside the platform (CIDFF, CNFPT, hospitals…).

One row per participation, columns
`email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs`
and an optional `departement` (CSV with `;` or `,`, UTF-8 or the encoding French
Excel writes, or XLSX). Rows are checked first (`parse`: nothing is written, every
rejected line comes with its reason in French, every valid line with what the
import would do), then written in one transaction (`apply`).

A training line is identified by its email, date and activity title: importing the
same file again changes nothing, importing it with corrected indicator codes
corrects the stored participations. Lines of one file with the same identity and
different codes are one participation counted for all their codes.

Imports follow the territory (THE COUNTING RULE, indicators.constants): each line
gets the person's département, the importer feeds only the plans of her territory,
and a line that no plan of its codes would count is refused rather than lost.

People are matched to accounts by email; without an account they count under
their email, so the same person imported twice, or imported then signed up,
is still one person for an indicator's count.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.constants import profession_from_text
from core.spreadsheets import plain
from core.tables import Limits, read_table
from territories.scopes import Scope

from .constants import Channel, Measure, ParticipationKind
from .models import ActivityLink, Indicator, Participation, Plan

COLUMNS = [
    "email",
    "nom",
    "prenom",
    "profession",
    "institution",
    "arrondissement",
    "date",
    "activite",
    "type",
    "indicateurs",
]
# An optional "departement" column is read when present (files made before
# territories were data have none): read_table keeps every column of the header.
MAX_ROWS = 100_000
LIMITS = Limits(rows=MAX_ROWS, file_bytes=10 * 1024 * 1024)
PREVIEW_ROWS = 100
_CHUNK = 5000  # sources looked up per query (SQLite's limit on parameters)


class RowStatus(models.TextChoices):
    """What importing a valid line does, as the preview says it."""

    NEW = "new", gettext_lazy("Nouvelle")
    IMPORTED = "imported", gettext_lazy("Déjà importée")
    CORRECTED = "corrected", gettext_lazy("Sera corrigée")


@dataclass
class Row:
    line: int
    email: str
    last_name: str
    first_name: str
    profession: str
    employer: str
    departement: str  # "" when the line gives none and the importer is national
    arrondissement: str
    occurred_on: date
    activity_title: str
    kind: str
    indicator_codes: list[str]
    # Other lines of the file for the same training, whose codes were added here.
    merged_lines: list[int] = field(default_factory=list)
    status: str = RowStatus.NEW

    @property
    def activity(self) -> str:
        # The codes are part of the activity key: lines of one training with
        # different codes are different activities, so a code never spreads to
        # the other lines. Stable: the same codes always give the same key.
        codes = hashlib.sha256("|".join(sorted(self.indicator_codes)).encode()).hexdigest()[:8]
        return f"import:{slugify(self.activity_title)[:80]}:{codes}"

    @property
    def source(self) -> str:
        """The identity of a training line: email, date, activity (never the codes,
        so that a corrected file finds the participation it corrects)."""
        key = f"{self.email}|{self.occurred_on.isoformat()}|{slugify(self.activity_title)}"
        return "import:" + hashlib.sha256(key.encode()).hexdigest()[:40]

    @property
    def status_label(self) -> str:
        return RowStatus(self.status).label

    @property
    def arrondissement_name(self) -> str:
        from territories.selectors import arrondissement_name

        return arrondissement_name(self.arrondissement)


@dataclass
class Rejected:
    line: int
    reason: str


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    created: int = 0
    unchanged: int = 0
    corrected: int = 0
    error: str = ""  # the whole file is unreadable

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def new_count(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def imported_count(self) -> int:
        return self.count(RowStatus.IMPORTED)

    @property
    def corrected_count(self) -> int:
        return self.count(RowStatus.CORRECTED)

    @property
    def to_write(self) -> int:
        """Lines the confirmation would write: new ones and corrections."""
        return self.new_count + self.corrected_count

    @property
    def merged(self) -> list[Row]:
        return [row for row in self.rows if row.merged_lines]

    @property
    def shown(self) -> list[Row]:
        """The valid lines the preview lists: corrections first (they change figures
        already reported), then new lines, then those already imported."""
        order = {RowStatus.CORRECTED: 0, RowStatus.NEW: 1, RowStatus.IMPORTED: 2}
        return sorted(self.rows, key=lambda row: (order[row.status], row.line))[:PREVIEW_ROWS]


def _key(text: str) -> str:
    """A place name as compared: no case, accents, hyphens or apostrophes
    ("PAS DE CALAIS" is "Pas-de-Calais", "cotes d armor" is "Côtes-d'Armor")."""
    return " ".join(plain(text).replace("-", " ").replace("'", " ").replace("’", " ").split())


class _Places:
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


@dataclass(frozen=True)
class _Code:
    measure: str
    plan_code: str
    plan_territory: str
    # The départements whose people the plan counts; None for a national plan.
    counted: frozenset[str] | None
    in_scope: bool


def _codes(scope: Scope) -> dict[str, _Code]:
    """Every indicator code with what the checks need: one query for the plans, one
    for the indicators."""
    plans = {}
    for plan in Plan.objects.select_related("departement", "region"):
        counted = plan.departement_codes()
        in_scope = (
            scope.national
            or (plan.departement_id is not None and plan.departement_id in scope.departements)
            or (plan.region_id is not None and plan.region_id in scope.regions)
        )
        plans[plan.pk] = (
            plan.code,
            plan.territory,
            None if counted is None else frozenset(counted),
            in_scope,
        )
    codes = {}
    for code, measure, plan_id in Indicator.objects.values_list("code", "measure", "plan_id"):
        plan_code, territory, counted, in_scope = plans[plan_id]
        codes[code] = _Code(measure, plan_code, territory, counted, in_scope)
    return codes


class _Refused(Exception):
    """A line refused; the message is its reason, in French."""


def _territory(value: dict, places: _Places, scope: Scope) -> tuple[str, str]:
    """(département, arrondissement) of one line; _Refused with the reason."""
    written = value["arrondissement"]
    departement = ""
    if value.get("departement", ""):
        departement = places.departement(value["departement"]) or ""
        if not departement:
            raise _Refused(_("département inconnu « %(value)s »") % {"value": value["departement"]})
    arrondissement = ""
    if written:
        candidates = places.arrondissements(written)
        if not candidates:
            raise _Refused(_("arrondissement inconnu « %(value)s »") % {"value": written})
        if departement:
            candidates = [code for code in candidates if places.parent[code] == departement]
            if not candidates:
                raise _Refused(
                    _("l'arrondissement « %(value)s » n'est pas dans le département %(code)s")
                    % {"value": written, "code": departement}
                )
        elif len(candidates) > 1 and not scope.national:
            # A name repeated across France is read within the importer's territory.
            candidates = [
                code for code in candidates if places.parent[code] in scope.departements
            ] or candidates
        if len(candidates) > 1:
            raise _Refused(
                _(
                    "arrondissement « %(value)s » ambigu (départements %(codes)s) : "
                    "indiquez son code ou la colonne departement"
                )
                % {
                    "value": written,
                    "codes": ", ".join(sorted(places.parent[code] for code in candidates)),
                }
            )
        arrondissement = candidates[0]
        departement = places.parent[arrondissement]
    if not departement and not scope.national and len(scope.departements) == 1:
        # A DDFE following one département imports for it unless told otherwise.
        (departement,) = scope.departements
    if departement and not scope.covers_departement(departement):
        raise _Refused(_("département %(code)s hors de votre territoire") % {"code": departement})
    if not departement and not scope.national:
        raise _Refused(
            _("département manquant : indiquez la colonne departement ou l'arrondissement")
        )
    return departement, arrondissement


def _codes_reason(codes: list[str], known: dict[str, _Code], departement: str) -> str | None:
    """Why these codes cannot count this line, or None."""
    if not codes:
        return _("aucun code d'indicateur")
    unknown = [code for code in codes if code not in known]
    if unknown:
        return _("indicateur inconnu : %(codes)s") % {"codes": ", ".join(unknown)}
    for code in codes:
        indicator = known[code]
        if indicator.measure != Measure.PEOPLE_TRAINED:
            # Such an indicator never reads participations: the line would count nowhere.
            return _(
                "l'indicateur %(code)s ne compte pas des personnes formées (il mesure : "
                "%(measure)s)"
            ) % {"code": code, "measure": Measure(indicator.measure).label}
        if not indicator.in_scope:
            return _(
                "l'indicateur %(code)s appartient au plan %(plan)s (%(territory)s), hors de "
                "votre territoire"
            ) % {"code": code, "plan": indicator.plan_code, "territory": indicator.plan_territory}
        if indicator.counted is not None and departement not in indicator.counted:
            if not departement:
                return _(
                    "sans département, la personne ne serait pas comptée par le plan %(plan)s "
                    "(indicateur %(code)s) : indiquez le département ou l'arrondissement"
                ) % {"code": code, "plan": indicator.plan_code}
            return _(
                "la personne travaille dans le département %(departement)s, hors du territoire "
                "du plan %(plan)s (%(territory)s) : l'indicateur %(code)s ne la compterait pas"
            ) % {
                "departement": departement,
                "plan": indicator.plan_code,
                "territory": indicator.plan_territory,
                "code": code,
            }
    return None


def parse(data: bytes, filename: str, *, scope: Scope) -> Report:
    """Check every line for an importer whose territory is `scope`; write nothing.

    Valid lines say what the import would do (new, already imported, corrected).
    """
    report = Report()
    try:
        rows = read_table(data, filename, columns=COLUMNS, limits=LIMITS)
    except ValidationError as error:
        report.error = error.messages[0]
        return report
    places = _Places()
    known = _codes(scope)
    # identity → the first row kept, and the code sets already seen with their line
    kept: dict[str, Row] = {}
    seen_codes: dict[str, dict[frozenset[str], int]] = {}
    for line, value in rows:
        reason = None
        email = value["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            reason = _("adresse électronique invalide « %(value)s »") % {"value": value["email"]}
        profession = profession_from_text(value["profession"])
        if reason is None and profession is None:
            reason = _("profession inconnue « %(value)s »") % {"value": value["profession"]}
        departement = arrondissement = ""
        if reason is None:
            try:
                departement, arrondissement = _territory(value, places, scope)
            except _Refused as refused:
                reason = str(refused)
        occurred_on = None
        if reason is None:
            try:
                occurred_on = date.fromisoformat(value["date"])
            except ValueError:
                reason = _("date invalide « %(value)s » (attendu AAAA-MM-JJ)") % {
                    "value": value["date"]
                }
        kind = value["type"].lower()
        if reason is None and kind not in ParticipationKind.values:
            reason = _("type « %(value)s » : sensibilisation ou formation") % {
                "value": value["type"]
            }
        if reason is None and not value["activite"]:
            reason = _("activité manquante")
        codes = list(
            dict.fromkeys(code.strip() for code in value["indicateurs"].split("|") if code.strip())
        )
        if reason is None:
            reason = _codes_reason(codes, known, departement)
        if reason is not None:
            report.rejected.append(Rejected(line=line, reason=reason))
            continue
        row = Row(
            line=line,
            email=email,
            last_name=value["nom"],
            first_name=value["prenom"],
            profession=profession,
            employer=value["institution"],
            departement=departement,
            arrondissement=arrondissement,
            occurred_on=occurred_on,
            activity_title=value["activite"],
            kind=kind,
            indicator_codes=codes,
        )
        identity = row.source
        first = kept.get(identity)
        if first is None:
            kept[identity] = row
            seen_codes[identity] = {frozenset(codes): line}
            report.rows.append(row)
            continue
        same = seen_codes[identity].get(frozenset(codes))
        if same is not None:
            report.rejected.append(
                Rejected(line=line, reason=_("doublon de la ligne %(line)s") % {"line": same})
            )
            continue
        if (row.departement, row.arrondissement) != (first.departement, first.arrondissement):
            report.rejected.append(
                Rejected(
                    line=line,
                    reason=_(
                        "même personne, même date et même activité que la ligne %(line)s, "
                        "mais un autre territoire : corrigez l'une des deux lignes"
                    )
                    % {"line": first.line},
                )
            )
            continue
        # The same person at the same training, listed once per indicator: one
        # participation counted for every code (it used to lose all but the first).
        seen_codes[identity][frozenset(codes)] = line
        first.indicator_codes += [code for code in codes if code not in first.indicator_codes]
        first.merged_lines.append(line)
    _statuses(report.rows)
    return report


def _stored(sources: list[str]) -> dict[str, tuple[int, str, str, str]]:
    """{source: (pk, activity, département, arrondissement)} of participations already stored."""
    stored = {}
    for start in range(0, len(sources), _CHUNK):
        for pk, source, activity, departement, arrondissement in Participation.objects.filter(
            source__in=sources[start : start + _CHUNK]
        ).values_list("pk", "source", "activity", "departement_id", "arrondissement_id"):
            stored[source] = (pk, activity, departement or "", arrondissement or "")
    return stored


def _statuses(rows: list[Row]) -> dict[str, tuple[int, str, str, str]]:
    """Set each row's status from what is stored; return the stored participations."""
    stored = _stored([row.source for row in rows])
    for row in rows:
        found = stored.get(row.source)
        if found is None:
            row.status = RowStatus.NEW
        elif found[1:] == (row.activity, row.departement, row.arrondissement):
            row.status = RowStatus.IMPORTED
        else:
            row.status = RowStatus.CORRECTED
    return stored


@transaction.atomic
def apply(report: Report) -> Report:
    """Write the valid rows of a parsed file: new participations, corrections of the
    stored ones (other codes or territory), activity links; then the counts."""
    from accounts.models import User

    if report.error:
        return report
    # Statuses again: the preview may be hours old, another import may have run since.
    stored = _statuses(report.rows)
    users = {
        email.lower(): pk
        for pk, email in User.objects.filter(
            email__in=[row.email for row in report.rows]
        ).values_list("pk", "email")
    }
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    new_rows = [row for row in report.rows if row.status == RowStatus.NEW]
    corrected = [row for row in report.rows if row.status == RowStatus.CORRECTED]
    Participation.objects.bulk_create(
        [
            Participation(
                person_key=f"user:{users[row.email]}"
                if row.email in users
                else f"email:{row.email}",
                user_id=users.get(row.email),
                activity=row.activity,
                activity_title=row.activity_title[:255],
                source=row.source,
                occurred_on=row.occurred_on,
                kind=row.kind,
                channel=Channel.EXTERNAL,
                profession=row.profession,
                employer=row.employer[:200],
                departement_id=row.departement or None,
                arrondissement_id=row.arrondissement or None,
            )
            for row in new_rows
        ],
        batch_size=2000,
    )
    Participation.objects.bulk_update(
        [
            Participation(
                pk=stored[row.source][0],
                activity=row.activity,
                departement_id=row.departement or None,
                arrondissement_id=row.arrondissement or None,
            )
            for row in corrected
        ],
        ["activity", "departement", "arrondissement"],
        batch_size=2000,
    )
    links = {
        (indicators[code], row.activity) for row in report.rows for code in row.indicator_codes
    }
    ActivityLink.objects.bulk_create(
        [
            ActivityLink(indicator_id=indicator_id, activity=activity)
            for indicator_id, activity in links
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    # A corrected participation leaves the indicators of its former codes: they are
    # rebuilt too (their links stay, other lines may share the former activity).
    former = {stored[row.source][1] for row in corrected}
    rebuilt = {indicator_id for indicator_id, _activity in links} | set(
        ActivityLink.objects.filter(activity__in=former).values_list("indicator_id", flat=True)
    )
    from .services import participations_imported

    # The per-indicator counts and the territories' roll-ups (indicators.rollup) of
    # everyone written or corrected, in this transaction.
    participations_imported(
        person_keys={
            f"user:{users[row.email]}" if row.email in users else f"email:{row.email}"
            for row in (*new_rows, *corrected)
        },
        indicator_ids=rebuilt,
    )
    report.created = len(new_rows)
    report.corrected = len(corrected)
    report.unchanged = len(report.rows) - len(new_rows) - len(corrected)
    return report
