"""SQL pieces the counting queries share: the counting rule's territory condition and
the breakdown columns. Only placeholders are built here: the values are parameters."""

from django.db import connection

from ..models import Plan


def in_codes(column: str, codes: list[str] | None) -> tuple[str, list]:
    """`AND column IN (…)` for a list of codes (None: no condition; empty: nothing).
    Only placeholders are built here: the codes are parameters."""
    if codes is None:
        return "", []
    if not codes:
        return "AND 1 = 0", []
    return f"AND {column} IN ({', '.join(['%s'] * len(codes))})", list(codes)


def territory_condition(
    plan: Plan, arrondissement: str, column: str = "participation.departement_id"
) -> tuple[str, list]:
    """The SQL condition keeping the participations a plan counts: THE COUNTING RULE.

    The person's département on the day of the training (Participation.departement,
    a snapshot) must be in the plan's territory, for every channel — online, in
    person, placements, partner imports; a national plan counts everyone. A move
    never shifts past figures from one territory to another, and a person trained
    online and in person counts in one territory. Placements organised are counted
    where they take place instead (column = the place's département). An
    arrondissement narrows the person's territory further.
    """
    condition, params = in_codes(column, plan.departement_codes())
    if arrondissement:
        condition += " AND participation.arrondissement_id = %s"
        params.append(arrondissement)
    return condition, params


BREAKDOWNS = {
    "profession": "participation.profession",
    "arrondissement": "participation.arrondissement_id",
    "type": "participation.kind",
    "channel": "participation.channel",
    "month": None,  # depends on the database, below
}


def breakdown_column(by: str) -> str:
    """The SQL expression grouping participations by `by` (a month needs the database's
    own date formatting)."""
    if by != "month":
        return BREAKDOWNS[by]
    if connection.vendor == "postgresql":
        return "to_char(participation.occurred_on, 'YYYY-MM')"
    return "strftime('%%Y-%%m', participation.occurred_on)"
