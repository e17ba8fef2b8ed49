"""Breakdowns of the people trained (by profession, arrondissement, type, channel, month)
and the drill-down of one indicator."""

from datetime import date

from django.db import connection

from ..constants import Measure
from ..models import Indicator, Plan
from .counts import people_trained_by_indicator
from .sql import BREAKDOWNS, breakdown_column, territory_condition


def people_trained_breakdown(
    *,
    plan: Plan,
    start: date,
    end: date,
    by: str,
    indicator_id: int | None = None,
    arrondissement: str = "",
) -> dict[int, dict[str, int]]:
    """Distinct people per indicator and per value of `by` (one query).

    A person counts once in each group they belong to: the groups of one indicator
    may add up to more than its total (someone trained in March and in May).
    """
    column = breakdown_column(by)
    # A drill-down needs one indicator: no need to group the whole plan.
    only_one = "AND link.indicator_id = %s" if indicator_id is not None else ""
    filters = [indicator_id] if indicator_id is not None else []
    territory, territory_params = territory_condition(plan, arrondissement)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT link.indicator_id, {column}, COUNT(DISTINCT participation.person_key)
            FROM indicators_activitylink AS link
            JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE indicator.plan_id = %s
              AND indicator.measure = %s
              AND participation.occurred_on BETWEEN %s AND %s
              {only_one}
              {territory}
            GROUP BY link.indicator_id, {column}
            """,  # noqa: S608 - the column comes from BREAKDOWNS, never from input
            [plan.pk, Measure.PEOPLE_TRAINED, start, end, *filters, *territory_params],
        )
        result: dict[int, dict[str, int]] = {}
        for indicator_id, value, count in cursor.fetchall():
            result.setdefault(indicator_id, {})[value or ""] = count
        return result


def activity_counts(
    *,
    plan: Plan,
    start: date,
    end: date,
    arrondissement: str = "",
    indicator_id: int | None = None,
) -> dict[int, list[dict]]:
    """Per indicator, the activities that fed it with their own distinct people, largest
    first (one query; one indicator only when `indicator_id` is given)."""
    territory, territory_params = territory_condition(plan, arrondissement)
    only_one = "AND link.indicator_id = %s" if indicator_id is not None else ""
    filters = [indicator_id] if indicator_id is not None else []
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT link.indicator_id, participation.activity,
                   MAX(participation.activity_title), COUNT(DISTINCT participation.person_key)
            FROM indicators_activitylink AS link
            JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE indicator.plan_id = %s
              AND indicator.measure = %s
              AND participation.occurred_on BETWEEN %s AND %s
              {only_one}
              {territory}
            GROUP BY link.indicator_id, participation.activity
            ORDER BY 1, 4 DESC, 3
            """,  # noqa: S608 - fixed conditions, the values are parameters
            [plan.pk, Measure.PEOPLE_TRAINED, start, end, *filters, *territory_params],
        )
        result: dict[int, list[dict]] = {}
        for key, activity, title, count in cursor.fetchall():
            result.setdefault(key, []).append(
                {"activity": activity, "title": title, "count": count}
            )
        return result


def indicator_detail(
    *, indicator: Indicator, start: date, end: date, arrondissement: str = ""
) -> dict:
    """Drill-down of one people-trained indicator: total, the activities that fed it,
    and breakdowns by profession, arrondissement, type, channel and month.

    A fixed number of queries (one per table), whatever the number of people.
    """
    plan = indicator.plan
    total = people_trained_by_indicator(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    ).get(indicator.pk, 0)
    activities = activity_counts(
        plan=plan,
        start=start,
        end=end,
        arrondissement=arrondissement,
        indicator_id=indicator.pk,
    ).get(indicator.pk, [])
    breakdowns = {
        by: people_trained_breakdown(
            plan=plan,
            start=start,
            end=end,
            by=by,
            indicator_id=indicator.pk,
            arrondissement=arrondissement,
        ).get(indicator.pk, {})
        for by in BREAKDOWNS
    }
    return {"total": total, "activities": activities, "breakdowns": breakdowns}


def plan_people_breakdown(
    *, plan: Plan, start: date, end: date, by: str, arrondissement: str = ""
) -> dict[str, int]:
    """Distinct people trained for any of the plan's indicators, per value of `by`."""
    column = breakdown_column(by)
    territory, territory_params = territory_condition(plan, arrondissement)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT {column}, COUNT(DISTINCT participation.person_key)
            FROM indicators_participation AS participation
            WHERE participation.occurred_on BETWEEN %s AND %s
              {territory}
              AND participation.activity IN (
                SELECT link.activity
                FROM indicators_activitylink AS link
                JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
                WHERE indicator.plan_id = %s AND indicator.measure = %s
              )
            GROUP BY {column}
            """,  # noqa: S608 - the column comes from BREAKDOWNS, never from input
            [start, end, *territory_params, plan.pk, Measure.PEOPLE_TRAINED],
        )
        return {value or "": count for value, count in cursor.fetchall()}
