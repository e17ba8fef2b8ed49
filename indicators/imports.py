"""Import participants of trainings held outside the platform (CIDFF, CNFPT, hospitals…).

One row per participation, columns
`email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs`
(CSV with `;` or `,`, UTF-8 with or without BOM, or XLSX). Rows are checked first
(`parse`: nothing is written, every rejected line comes with its reason in
French), then written in one transaction (`apply`). A row is identified by its
email, date and activity: importing the same file again changes nothing.

People are matched to accounts by email; without an account they count under
their email, so the same person imported twice, or imported then signed up,
is still one person for an indicator's count.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.constants import profession_from_text
from core.tables import Limits, read_table

from .constants import Channel, ParticipationKind
from .models import ActivityLink, Indicator, Participation

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
MAX_ROWS = 100_000
LIMITS = Limits(rows=MAX_ROWS, file_bytes=10 * 1024 * 1024)


@dataclass
class Row:
    line: int
    email: str
    last_name: str
    first_name: str
    profession: str
    employer: str
    arrondissement: str
    occurred_on: date
    activity_title: str
    kind: str
    indicator_codes: list[str]

    @property
    def activity(self) -> str:
        # Codes are given per row: rows of one training with different codes are
        # different activities, so a code never spreads to the other rows.
        codes = hashlib.sha256("|".join(sorted(self.indicator_codes)).encode()).hexdigest()[:8]
        return f"import:{slugify(self.activity_title)[:80]}:{codes}"

    @property
    def source(self) -> str:
        key = f"{self.email}|{self.occurred_on.isoformat()}|{slugify(self.activity_title)}"
        return "import:" + hashlib.sha256(key.encode()).hexdigest()[:40]


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
    error: str = ""  # the whole file is unreadable


def _arrondissements() -> dict[str, str]:
    from territories.models import Arrondissement

    lookup = {}
    for code, name in Arrondissement.objects.values_list("code", "name"):
        lookup[code.lower()] = code
        lookup[name.lower()] = code
    return lookup


def parse(data: bytes, filename: str) -> Report:
    """Check every line; write nothing."""
    report = Report()
    try:
        rows = read_table(data, filename, columns=COLUMNS, limits=LIMITS)
    except ValidationError as error:
        report.error = error.messages[0]
        return report
    arrondissements = _arrondissements()
    known_codes = set(Indicator.objects.values_list("code", flat=True))
    seen: dict[str, int] = {}
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
        arrondissement = ""
        if reason is None and value["arrondissement"]:
            arrondissement = arrondissements.get(value["arrondissement"].lower())
            if arrondissement is None:
                reason = _("arrondissement inconnu « %(value)s »") % {
                    "value": value["arrondissement"]
                }
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
        codes = [code.strip() for code in value["indicateurs"].split("|") if code.strip()]
        if reason is None and not codes:
            reason = _("aucun code d'indicateur")
        unknown = [code for code in codes if code not in known_codes]
        if reason is None and unknown:
            reason = _("indicateur inconnu : %(codes)s") % {"codes": ", ".join(unknown)}
        if reason is None:
            row = Row(
                line=line,
                email=email,
                last_name=value["nom"],
                first_name=value["prenom"],
                profession=profession,
                employer=value["institution"],
                arrondissement=arrondissement,
                occurred_on=occurred_on,
                activity_title=value["activite"],
                kind=kind,
                indicator_codes=codes,
            )
            if row.source in seen:
                reason = _("doublon de la ligne %(line)s") % {"line": seen[row.source]}
            else:
                seen[row.source] = line
                report.rows.append(row)
        if reason is not None:
            report.rejected.append(Rejected(line=line, reason=reason))
    return report


@transaction.atomic
def apply(report: Report) -> Report:
    """Write the valid rows of a parsed file: participations and activity links."""
    from accounts.models import User
    from territories.selectors import arrondissement_departement

    if report.error:
        return report
    users = {
        email.lower(): pk
        for pk, email in User.objects.filter(
            email__in=[row.email for row in report.rows]
        ).values_list("pk", "email")
    }
    existing = set(
        Participation.objects.filter(source__in=[row.source for row in report.rows]).values_list(
            "source", flat=True
        )
    )
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    new_rows = [row for row in report.rows if row.source not in existing]
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
                departement_id=arrondissement_departement(row.arrondissement)
                if row.arrondissement
                else None,
                arrondissement_id=row.arrondissement or None,
            )
            for row in new_rows
        ],
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
    from . import rollup

    rollup.rebuild(sorted({indicator_id for indicator_id, _activity in links}))
    report.created = len(new_rows)
    report.unchanged = len(report.rows) - len(new_rows)
    return report
