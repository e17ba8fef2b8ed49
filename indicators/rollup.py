"""Distinct people per indicator, fast: one row per (indicator, person) with the months
in which that person was trained for it, as bits.

For a period made of whole months, counting the people of an indicator is counting
its rows whose bits meet the period's: no join, no DISTINCT, exact. The rows are
kept up to date in the same transaction as each participation, and rebuilt for an
indicator when its links change. Periods that do not start and end on month
boundaries, or fall outside the covered years, use the exact join instead
(selectors.people_trained_by_indicator).

Months are numbered from FIRST_YEAR; each of the WORDS integer columns holds
BITS of them (63, so the sign bit of a 64-bit integer is never used).
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import F

FIRST_YEAR = 2015
BITS = 63
WORDS = 4  # 252 months: 2015 to 2035
LAST_MONTH_INDEX = BITS * WORDS - 1


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


def record(*, person_key: str, activity: str, day: date) -> None:
    """Set the month's bit for every indicator the activity counts for (same transaction)."""
    from .models import ActivityLink, IndicatorPerson

    position = month_bit(day)
    if position is None:
        return
    word, bit = position
    column = f"months_{word}"
    for indicator_id in ActivityLink.objects.filter(activity=activity).values_list(
        "indicator_id", flat=True
    ):
        row, created = IndicatorPerson.objects.get_or_create(
            indicator_id=indicator_id, person_key=person_key, defaults={column: bit}
        )
        if not created and not getattr(row, column) & bit:
            IndicatorPerson.objects.filter(pk=row.pk).update(**{column: F(column).bitor(bit)})


@transaction.atomic
def rebuild(indicator_ids: list[int]) -> int:
    """Recompute the rows of these indicators from the participations (after links change)."""
    from .models import ActivityLink, IndicatorPerson, Participation

    IndicatorPerson.objects.filter(indicator_id__in=indicator_ids).delete()
    activities = defaultdict(list)
    for indicator_id, activity in ActivityLink.objects.filter(
        indicator_id__in=indicator_ids
    ).values_list("indicator_id", "activity"):
        activities[activity].append(indicator_id)
    masks: dict[tuple[int, str], list[int]] = {}
    participations = Participation.objects.filter(activity__in=list(activities)).values_list(
        "activity", "person_key", "occurred_on"
    )
    for activity, person_key, day in participations.iterator(chunk_size=20000):
        position = month_bit(day)
        if position is None:
            continue
        word, bit = position
        for indicator_id in activities[activity]:
            masks.setdefault((indicator_id, person_key), [0] * WORDS)[word] |= bit
    IndicatorPerson.objects.bulk_create(
        [
            IndicatorPerson(
                indicator_id=indicator_id,
                person_key=person_key,
                **{f"months_{i}": value for i, value in enumerate(words)},
            )
            for (indicator_id, person_key), words in masks.items()
        ],
        batch_size=5000,
    )
    return len(masks)


def people_by_indicator(*, plan_id: int, measure: str, masks: list[int]) -> dict[int, int]:
    """Rows of the plan's indicators whose months meet the masks, per indicator (one query)."""
    conditions = " OR ".join(
        f"(person.months_{i} & %s) <> 0" for i, mask in enumerate(masks) if mask
    )
    params = [mask for mask in masks if mask]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT person.indicator_id, COUNT(*)
            FROM indicators_indicatorperson AS person
            JOIN indicators_indicator AS indicator ON indicator.id = person.indicator_id
            WHERE indicator.plan_id = %s AND indicator.measure = %s AND ({conditions})
            GROUP BY person.indicator_id
            """,  # noqa: S608 - columns are ours, values are parameters
            [plan_id, measure, *params],
        )
        return dict(cursor.fetchall())
