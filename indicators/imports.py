"""Import participants of trainings held outside the platform (CIDFF, CNFPT, hospitals…).

One row per participation, columns
`email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs`
and an optional `departement` (CSV with `;` or `,`, UTF-8 or the encoding French
Excel writes, XLSX or ODS: core.imports). Rows are checked first (`parse`: nothing
is written, every rejected line comes with its reason in French, every valid line
with what the import would do; the people columns by accounts.people_files), then
written in one transaction (`apply`).

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

from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import people_files as people
from core.imports.pipeline import SHOWN, Refused, lines_check
from core.imports.pipeline import Report as FileReport
from core.imports.reading import Limits
from territories.scopes import Scope

from .constants import Channel, ParticipationKind
from .import_codes import Code, codes_known, codes_reason
from .models import ActivityLink, Indicator, Participation

COLUMNS = [
    people.EMAIL,
    people.LAST_NAME,
    people.FIRST_NAME,
    people.PROFESSION,
    people.INSTITUTION,
    people.ARRONDISSEMENT,
    "date",
    "activite",
    "type",
    "indicateurs",
]
# An optional "departement" column is read when present (files made before
# territories were data have none): read_table keeps every column of the header.
MAX_ROWS = 100_000
LIMITS = Limits(rows=MAX_ROWS, file_bytes=10 * 1024 * 1024)
_CHUNK = 5000  # sources looked up per query (SQLite's limit on parameters)
WORDING = people.Wording()  # the lowercase reasons of this page


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
class Report(FileReport[Row]):
    created: int = 0
    unchanged: int = 0
    corrected: int = 0

    @property
    def rows(self) -> list[Row]:
        return self.accepted

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
        return sorted(self.rows, key=lambda row: (order[row.status], row.line))[:SHOWN]


class _Lines:
    """The check of one line of a file, with what the file's lines share: the places,
    the indicator codes, and the trainings already kept (to merge or refuse repeats)."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.places = people.Places()
        self.known: dict[str, Code] = codes_known(scope)
        # identity → the first row kept, and the code sets already seen with their line
        self.kept: dict[str, Row] = {}
        self.seen_codes: dict[str, dict[frozenset[str], int]] = {}

    def __call__(self, line: int, value: dict) -> Row | None:
        email = people.email(value[people.EMAIL], WORDING)
        profession = people.profession(value[people.PROFESSION], WORDING)
        departement, arrondissement = people.territory(value, self.places, self.scope)
        try:
            occurred_on = date.fromisoformat(value["date"])
        except ValueError:
            raise Refused(
                _("date invalide « %(value)s » (attendu AAAA-MM-JJ)") % {"value": value["date"]}
            ) from None
        kind = value["type"].lower()
        if kind not in ParticipationKind.values:
            raise Refused(
                _("type « %(value)s » : sensibilisation ou formation") % {"value": value["type"]}
            )
        if not value["activite"]:
            raise Refused(_("activité manquante"))
        codes = list(
            dict.fromkeys(code.strip() for code in value["indicateurs"].split("|") if code.strip())
        )
        reason = codes_reason(codes, self.known, departement)
        if reason is not None:
            raise Refused(reason)
        row = Row(
            line=line,
            email=email,
            last_name=value[people.LAST_NAME],
            first_name=value[people.FIRST_NAME],
            profession=profession,
            employer=value[people.INSTITUTION],
            departement=departement,
            arrondissement=arrondissement,
            occurred_on=occurred_on,
            activity_title=value["activite"],
            kind=kind,
            indicator_codes=codes,
        )
        return self._first(row)

    def _first(self, row: Row) -> Row | None:
        """The row if its training is new in the file; None when merged into the first
        line of the same training (other codes); Refused for a repeat."""
        identity, codes = row.source, frozenset(row.indicator_codes)
        first = self.kept.get(identity)
        if first is None:
            self.kept[identity] = row
            self.seen_codes[identity] = {codes: row.line}
            return row
        same = self.seen_codes[identity].get(codes)
        if same is not None:
            raise Refused(str(WORDING.duplicate) % {"line": same, "key": row.email})
        if (row.departement, row.arrondissement) != (first.departement, first.arrondissement):
            raise Refused(
                _(
                    "même personne, même date et même activité que la ligne %(line)s, "
                    "mais un autre territoire : corrigez l'une des deux lignes"
                )
                % {"line": first.line}
            )
        # The same person at the same training, listed once per indicator: one
        # participation counted for every code (it used to lose all but the first).
        self.seen_codes[identity][codes] = row.line
        first.indicator_codes += [
            code for code in row.indicator_codes if code not in first.indicator_codes
        ]
        first.merged_lines.append(row.line)
        return None


def parse(data: bytes, filename: str, *, scope: Scope) -> Report:
    """Check every line for an importer whose territory is `scope`; write nothing.

    Valid lines say what the import would do (new, already imported, corrected).
    """
    report = Report()
    lines_check(report, data, filename, columns=COLUMNS, limits=LIMITS, check=_Lines(scope))
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


def _person_key(row: Row, users: dict[str, int]) -> str:
    return f"user:{users[row.email]}" if row.email in users else f"email:{row.email}"


def _write(new_rows: list[Row], corrected: list[Row], stored: dict, users: dict) -> None:
    """New participations, and the stored ones corrected (other codes or territory)."""
    Participation.objects.bulk_create(
        [
            Participation(
                person_key=_person_key(row, users),
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


def _link(rows: list[Row], corrected: list[Row], stored: dict) -> set[int]:
    """Link each activity to its indicators; return the indicators to count again."""
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    links = {(indicators[code], row.activity) for row in rows for code in row.indicator_codes}
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
    return {indicator_id for indicator_id, _activity in links} | set(
        ActivityLink.objects.filter(activity__in=former).values_list("indicator_id", flat=True)
    )


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
    new_rows = [row for row in report.rows if row.status == RowStatus.NEW]
    corrected = [row for row in report.rows if row.status == RowStatus.CORRECTED]
    _write(new_rows, corrected, stored, users)
    rebuilt = _link(report.rows, corrected, stored)
    from .services import participations_imported

    # The per-indicator counts and the territories' roll-ups (indicators.rollup) of
    # everyone written or corrected, in this transaction.
    participations_imported(
        person_keys={_person_key(row, users) for row in (*new_rows, *corrected)},
        indicator_ids=rebuilt,
    )
    report.created = len(new_rows)
    report.corrected = len(corrected)
    report.unchanged = len(report.rows) - len(new_rows) - len(corrected)
    return report
