"""Distinct people, fast: per person, the months in which they were trained, as bits.

Two tables, both kept up to date in the same transaction as each participation:

- IndicatorPerson (indicator, person): the months in which a person was trained for
  one indicator, *within the territory of the indicator's plan* (the counting rule:
  the person's département on the day of the training is in the plan's territory).
  A plan report for whole months counts rows whose bits meet the period's: no join,
  no DISTINCT, exact. Rebuilt for an indicator when its links or its plan's
  territory change.
- TerritoryPerson (territory, dimension, person): the months in which a person was
  trained while working in a territory, whatever the activity. `territory` is the
  key the roll-up pages use: "D59" (département), "R32" (région), "FR" (national).
  A person trained in two départements of a région has one row for the région, so
  the région's figure is distinct people, not the sum of its départements. A
  participation without département feeds "FR" only. `dimension` is "" for the
  total, "p:<profession>" and "c:<channel>" for the breakdowns: a person has one
  row per profession or channel they were trained under, so each breakdown is a
  GROUP BY over rows that are already distinct people. Nine rows at most per
  participation (3 levels × 3 dimensions); one upsert statement writes them.

Why bits rather than one row per month: a four-year period is one AND over four
integers per row instead of 48 rows to de-duplicate. Periods that do not start and
end on month boundaries, or fall outside the covered years, use the exact join.

Months are numbered from FIRST_YEAR; each of the WORDS integer columns holds
BITS of them (63, so the sign bit of a 64-bit integer is never used). Rebuilds are
one INSERT … SELECT each: the bits of a word are the SUM of the distinct powers of
two of its months (= their bitwise OR, portable to SQLite and PostgreSQL).
"""

from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import F

FIRST_YEAR = 2015
BITS = 63
WORDS = 4  # 252 months: 2015 to 2035
LAST_MONTH_INDEX = BITS * WORDS - 1
NATIONAL = "FR"
MONTH_COLUMNS = ", ".join(f"months_{i}" for i in range(WORDS))


def month_index(day: date) -> int | None:
    index = (day.year - FIRST_YEAR) * 12 + day.month - 1
    return index if 0 <= index <= LAST_MONTH_INDEX else None


def month_bit(day: date) -> tuple[int, int] | None:
    """(word, bit value) of the day's month, or None outside the covered years."""
    index = month_index(day)
    if index is None:
        return None
    return index // BITS, 1 << (index % BITS)


def period_masks(start: date, end: date) -> list[int] | None:
    """The period's month masks, one per word, or None when it is not whole months
    within the covered years (the caller then counts with the join)."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    first, last = month_index(start), month_index(end)
    if first is None or last is None or last < first:
        return None
    masks = [0] * WORDS
    for index in range(first, last + 1):
        masks[index // BITS] |= 1 << (index % BITS)
    return masks


def period_months(start: date, end: date) -> list[tuple[str, int]]:
    """("2025-03", month index) of each month of a whole-month period."""
    months, day = [], start
    while day <= end:
        months.append((f"{day:%Y-%m}", month_index(day)))
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return months


def mask_condition(masks: list[int], alias: str) -> tuple[str, list[int]]:
    """SQL keeping rows whose months meet the masks (the columns are ours)."""
    parts = [f"({alias}.months_{i} & %s) <> 0" for i, mask in enumerate(masks) if mask]
    return "(" + " OR ".join(parts) + ")", [mask for mask in masks if mask]


def territory_keys(departement: str | None) -> list[str]:
    """The TerritoryPerson territories a participation feeds."""
    if not departement:
        return [NATIONAL]
    from territories.selectors import departements_by_region

    keys = [NATIONAL, f"D{departement}"]
    for region, codes in departements_by_region().items():
        if departement in codes:
            keys.append(f"R{region}")
            break
    return keys


def _plan_counts(plan_departement: str | None, plan_region: str | None, departement) -> bool:
    """The counting rule, for one participation and one plan's territory."""
    if plan_departement:
        return departement == plan_departement
    if plan_region:
        from territories.selectors import region_departement_codes

        return departement in region_departement_codes(plan_region)
    return True  # a national plan counts everyone


def record(
    *,
    person_key: str,
    activity: str,
    day: date,
    departement: str | None = None,
    profession: str = "",
    channel: str = "",
) -> None:
    """Set the month's bit for every indicator of the activity whose plan's territory
    holds the person's département, and for the person's territories (same transaction)."""
    from .models import ActivityLink, IndicatorPerson

    position = month_bit(day)
    if position is None:
        return
    word, bit = position
    column = f"months_{word}"
    # The plan's territory comes with the link (one query); a région's départements
    # from the cached territory tree.
    links = ActivityLink.objects.filter(activity=activity).values_list(
        "indicator_id", "indicator__plan__departement_id", "indicator__plan__region_id"
    )
    for indicator_id, plan_departement, plan_region in links:
        if not _plan_counts(plan_departement, plan_region, departement):
            continue
        row, created = IndicatorPerson.objects.get_or_create(
            indicator_id=indicator_id, person_key=person_key, defaults={column: bit}
        )
        if not created and not getattr(row, column) & bit:
            IndicatorPerson.objects.filter(pk=row.pk).update(**{column: F(column).bitor(bit)})
    dimensions = ["", f"p:{profession}", f"c:{channel}"]
    rows = [(key, dimension) for key in territory_keys(departement) for dimension in dimensions]
    words = [bit if i == word else 0 for i in range(WORDS)]
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    params = [value for key, dimension in rows for value in (key, dimension, person_key, *words)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO indicators_territoryperson
              (territory, dimension, person_key, {MONTH_COLUMNS})
            VALUES {values}
            ON CONFLICT (territory, dimension, person_key)
            DO UPDATE SET {column} = indicators_territoryperson.{column} | excluded.{column}
            """,  # noqa: S608 - columns are ours, values are parameters
            params,
        )


def _month_index_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return (
            f"((CAST(EXTRACT(YEAR FROM {column}) AS INTEGER) - {FIRST_YEAR}) * 12"
            f" + CAST(EXTRACT(MONTH FROM {column}) AS INTEGER) - 1)"
        )
    return (
        f"((CAST(strftime('%%Y', {column}) AS INTEGER) - {FIRST_YEAR}) * 12"
        f" + CAST(strftime('%%m', {column}) AS INTEGER) - 1)"
    )


def _words_sql(index: str) -> str:
    """The four month words of a group whose month indexes are distinct (the callers
    select DISTINCT rows first): the SUM of distinct powers of two is their bitwise
    OR. A plain SUM over distinct rows, rather than SUM(DISTINCT …), lets PostgreSQL
    aggregate by hashing instead of sorting each group four times."""
    return ", ".join(
        f"SUM(CASE WHEN {index} / {BITS} = {i} "
        f"THEN CAST(1 AS BIGINT) << ({index} %% {BITS}) ELSE 0 END)"
        for i in range(WORDS)
    )


def _participations_sql(where: str = "") -> str:
    """The participations with their month index, within the covered months (bounded
    by dates, not by the computed index, so the planner estimates the rows well)."""
    last = date(FIRST_YEAR + (LAST_MONTH_INDEX // 12), LAST_MONTH_INDEX % 12 + 1, 1)
    last = (last + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    bounds = f"occurred_on BETWEEN '{FIRST_YEAR}-01-01' AND '{last:%Y-%m-%d}'"
    where = f"{where} AND {bounds}" if where else f"WHERE {bounds}"
    return f"""
        (SELECT person_key, activity, departement_id, profession, channel,
                {_month_index_sql("occurred_on")} AS idx
         FROM indicators_participation {where})
    """


@transaction.atomic
def rebuild(indicator_ids: list[int] | None) -> int:
    """Recompute the rows of these indicators (None: all) from the participations,
    keeping only those of each plan's territory (after links or territory change).
    Two INSERT … SELECT per chunk of indicators: plans with a territory join the
    participations on (activity, département), so a national module linked by every
    département's plan is not multiplied by the number of plans; national plans on
    the activity alone."""
    if indicator_ids is None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM indicators_indicatorperson")
        return _rebuild_chunk(None)
    ids = sorted(set(indicator_ids))
    total = 0
    for offset in range(0, len(ids), 5000):
        chunk = ids[offset : offset + 5000]
        placeholders = ", ".join(["%s"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM indicators_indicatorperson WHERE indicator_id IN ({placeholders})",  # noqa: S608
                chunk,
            )
        total += _rebuild_chunk(chunk)
    return total


def _rebuild_chunk(ids: list[int] | None) -> int:
    only = f"AND link.indicator_id IN ({', '.join(['%s'] * len(ids))})" if ids else ""
    params = list(ids or [])
    participations = _participations_sql()
    words = _words_sql("x.idx")
    inserted = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO indicators_indicatorperson (indicator_id, person_key, {MONTH_COLUMNS})
            SELECT x.indicator_id, x.person_key, {words}
            FROM (
            SELECT DISTINCT target.indicator_id, p.person_key, p.idx
            FROM (
              SELECT link.indicator_id, link.activity, dep.code AS departement_id
              FROM indicators_activitylink AS link
              JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
              JOIN indicators_plan AS plan ON plan.id = indicator.plan_id
              JOIN territories_departement AS dep
                ON dep.code = plan.departement_id
                OR (plan.departement_id IS NULL AND dep.region_id = plan.region_id
                    AND dep.active)
              WHERE 1 = 1 {only}
            ) AS target
            JOIN {participations} AS p
              ON p.activity = target.activity AND p.departement_id = target.departement_id
            ) AS x
            GROUP BY x.indicator_id, x.person_key
            """,  # noqa: S608 - fixed SQL, the values are parameters
            params,
        )
        inserted += max(cursor.rowcount, 0)
        cursor.execute(
            f"""
            INSERT INTO indicators_indicatorperson (indicator_id, person_key, {MONTH_COLUMNS})
            SELECT x.indicator_id, x.person_key, {words}
            FROM (
              SELECT DISTINCT link.indicator_id, p.person_key, p.idx
              FROM indicators_activitylink AS link
              JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
              JOIN indicators_plan AS plan ON plan.id = indicator.plan_id
              JOIN {participations} AS p ON p.activity = link.activity
              WHERE plan.departement_id IS NULL AND plan.region_id IS NULL {only}
            ) AS x
            GROUP BY x.indicator_id, x.person_key
            """,  # noqa: S608 - fixed SQL, the values are parameters
            params,
        )
        inserted += max(cursor.rowcount, 0)
    return inserted


@transaction.atomic
def territory_rebuild(person_keys: list[str] | None = None) -> int:
    """Recompute the TerritoryPerson rows of these people (None: everyone) from their
    participations: after a participation is removed, people are merged, or rows are
    imported in bulk. One DELETE and one INSERT … SELECT per chunk of people."""
    if person_keys is None:
        chunks: list[list[str] | None] = [None]
    else:
        keys = sorted(set(person_keys))
        if not keys:
            return 0
        chunks = [keys[offset : offset + 5000] for offset in range(0, len(keys), 5000)]
    inserted = 0
    for chunk in chunks:
        placeholders = ", ".join(["%s"] * len(chunk or []))
        where = f"WHERE person_key IN ({placeholders})" if chunk else ""
        params = list(chunk or [])
        words = _words_sql("x.idx")
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM indicators_territoryperson {where}", params)  # noqa: S608
            cursor.execute(
                f"""
                INSERT INTO indicators_territoryperson
                  (territory, dimension, person_key, {MONTH_COLUMNS})
                SELECT x.territory, x.dimension, x.person_key, {words}
                FROM (
                  SELECT DISTINCT CASE level.n WHEN 1 THEN '{NATIONAL}'
                                      WHEN 2 THEN 'D' || p.departement_id
                                      ELSE 'R' || dep.region_id END AS territory,
                         CASE dimension.n WHEN 1 THEN ''
                                          WHEN 2 THEN 'p:' || p.profession
                                          ELSE 'c:' || p.channel END AS dimension,
                         p.person_key, p.idx
                  FROM {_participations_sql(where)} AS p
                  LEFT JOIN territories_departement AS dep ON dep.code = p.departement_id
                  CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS level
                  CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS dimension
                ) AS x
                WHERE x.territory IS NOT NULL
                GROUP BY x.territory, x.dimension, x.person_key
                """,  # noqa: S608 - fixed SQL, the values are parameters
                params,
            )
            inserted += max(cursor.rowcount, 0)
    return inserted


def people_by_indicator(*, plan_id: int, measure: str, masks: list[int]) -> dict[int, int]:
    """Rows of the plan's indicators whose months meet the masks, per indicator (one query)."""
    conditions, params = mask_condition(masks, "person")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT person.indicator_id, COUNT(*)
            FROM indicators_indicatorperson AS person
            JOIN indicators_indicator AS indicator ON indicator.id = person.indicator_id
            WHERE indicator.plan_id = %s AND indicator.measure = %s AND {conditions}
            GROUP BY person.indicator_id
            """,  # noqa: S608 - columns are ours, values are parameters
            [plan_id, measure, *params],
        )
        return dict(cursor.fetchall())
