"""The figures of a territory's roll-up, from the per-person rollup (whole months) or
from the participations themselves (any period); both give the same figures."""

from datetime import date

from django.db import connection

from .. import rollup
from .sql import breakdown_column, in_codes


def territory_figures_from_rollup(*, key, level, codes, masks, start, end):
    """Two queries: the territory's rows with their dimensions and its parts' totals
    in one (a single pass over the table, even nationally), then the months."""
    condition, mask_params = rollup.mask_condition(masks, "person")
    if level == "national":
        # Every territory's total row and the country's dimension rows: one scan.
        which, which_params = "(person.territory = %s OR person.dimension = '')", [key]
    elif level == "region" and codes:
        # The région's rows with their dimensions, its départements' total rows only.
        parts = ", ".join(["%s"] * len(codes))
        which = (
            f"(person.territory = %s OR (person.territory IN ({parts}) AND person.dimension = ''))"
        )
        which_params = [key, *(f"D{dep}" for dep in codes)]
    else:
        which, which_params = "person.territory = %s", [key]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT person.territory, person.dimension, COUNT(*)
            FROM indicators_territoryperson AS person
            WHERE {which} AND {condition}
            GROUP BY person.territory, person.dimension
            """,  # noqa: S608 - columns are ours, values are parameters
            [*which_params, *mask_params],
        )
        total, dimensions, departements, regions = 0, {}, {}, {}
        for territory, dimension, count in cursor.fetchall():
            if territory == key:
                if not dimension:
                    total = count
                else:
                    kind, _sep, value = dimension.partition(":")
                    dimensions.setdefault(kind, {})[value] = count
            elif not dimension and level != "departement":
                target = departements if territory[0] == "D" else regions
                target[territory[1:]] = count
        months = rollup.period_months(start, end)
        sums = ", ".join(
            f"SUM(CASE WHEN (person.months_{index // rollup.BITS} & %s) <> 0 THEN 1 ELSE 0 END)"
            for _month, index in months
        )
        cursor.execute(
            f"""
            SELECT {sums}
            FROM indicators_territoryperson AS person
            WHERE person.territory = %s AND person.dimension = '' AND {condition}
            """,  # noqa: S608 - columns are ours, values are parameters
            [*(1 << (index % rollup.BITS) for _month, index in months), key, *mask_params],
        )
        row = cursor.fetchone() or ()
        by_month = [(month, int(n or 0)) for (month, _index), n in zip(months, row, strict=False)]
    return total, dimensions, departements, regions, [m for m in by_month if m[1]]


def territory_figures_by_join(*, level, codes, start, end):
    """The same figures from the participations (periods not made of whole months)."""
    territory, params = in_codes("participation.departement_id", codes)
    base = f"""
        FROM indicators_participation AS participation
        WHERE participation.occurred_on BETWEEN %s AND %s {territory}
    """
    base_params = [start, end, *params]
    month = breakdown_column("month")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(DISTINCT participation.person_key) {base}", base_params)  # noqa: S608
        total = cursor.fetchone()[0]
        dimensions = {}
        for kind, column in (("p", "participation.profession"), ("c", "participation.channel")):
            cursor.execute(
                f"SELECT {column}, COUNT(DISTINCT participation.person_key) {base} "  # noqa: S608
                f"GROUP BY {column}",
                base_params,
            )
            dimensions[kind] = {value or "": n for value, n in cursor.fetchall()}
        departements, regions = {}, {}
        if level != "departement":
            cursor.execute(
                f"""
                SELECT participation.departement_id, dep.region_id,
                       COUNT(DISTINCT participation.person_key)
                FROM indicators_participation AS participation
                JOIN territories_departement AS dep ON dep.code = participation.departement_id
                WHERE participation.occurred_on BETWEEN %s AND %s {territory}
                GROUP BY participation.departement_id, dep.region_id
                """,  # noqa: S608 - fixed SQL, the values are parameters
                base_params,
            )
            for dep, _region, n in cursor.fetchall():
                departements[dep] = n
            if level == "national":
                cursor.execute(
                    """
                    SELECT dep.region_id, COUNT(DISTINCT participation.person_key)
                    FROM indicators_participation AS participation
                    JOIN territories_departement AS dep
                      ON dep.code = participation.departement_id
                    WHERE participation.occurred_on BETWEEN %s AND %s
                    GROUP BY dep.region_id
                    """,
                    [start, end],
                )
                regions = dict(cursor.fetchall())
        cursor.execute(
            f"SELECT {month}, COUNT(DISTINCT participation.person_key) {base} "  # noqa: S608
            f"GROUP BY {month} ORDER BY 1",
            base_params,
        )
        months = [(value, n) for value, n in cursor.fetchall()]
    return total, dimensions, departements, regions, months


def territory_people_by_join(*, codes: list[str] | None, start: date, end: date) -> int:
    """The naive count: distinct people of the participations of these départements
    (None: everyone) over the period (the benchmark's reference)."""
    territory, params = in_codes("participation.departement_id", codes)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT COUNT(DISTINCT participation.person_key)
            FROM indicators_participation AS participation
            WHERE participation.occurred_on BETWEEN %s AND %s {territory}
            """,  # noqa: S608 - fixed SQL, the values are parameters
            [start, end, *params],
        )
        return cursor.fetchone()[0]
