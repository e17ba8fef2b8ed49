"""Reads: how many people each indicator counts. One aggregated query per report."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection

from . import rollup
from .constants import COUNTING_RULES, Measure
from .models import Indicator, Plan


def people_trained_by_indicator(*, plan: Plan, start: date, end: date) -> dict[int, int]:
    """Distinct people trained per indicator of `plan` between two dates (inclusive).

    One query: each activity linked to an indicator joined to its participations;
    a person trained twice (two modules, or one module twice) counts once per
    indicator, and may count for several indicators. Periods of whole months read
    the per-person rollup instead (same result, no join: indicators.rollup).
    """
    masks = rollup.period_masks(start, end)
    if masks is not None:
        return rollup.people_by_indicator(
            plan_id=plan.pk, measure=Measure.PEOPLE_TRAINED, masks=masks
        )
    return people_trained_by_join(plan=plan, start=start, end=end)


def people_trained_by_join(*, plan: Plan, start: date, end: date) -> dict[int, int]:
    """The same count from the participations themselves (any dates)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT link.indicator_id, COUNT(DISTINCT participation.person_key)
            FROM indicators_activitylink AS link
            JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE indicator.plan_id = %s
              AND indicator.measure = %s
              AND participation.occurred_on BETWEEN %s AND %s
            GROUP BY link.indicator_id
            """,
            [plan.pk, Measure.PEOPLE_TRAINED, start, end],
        )
        return dict(cursor.fetchall())


def manual_values_by_indicator(*, plan: Plan, start: date, end: date) -> dict[int, Decimal]:
    """Sum of the figures entered for periods within [start, end], per indicator (one query)."""
    from django.db.models import Sum

    from .models import ManualValue

    return dict(
        ManualValue.objects.filter(
            indicator__plan=plan, period_start__gte=start, period_end__lte=end
        )
        .values_list("indicator_id")
        .annotate(total=Sum("value"))
        .order_by()
    )


def evaluation_figures_by_indicator(
    *, plan: Plan, start: date, end: date
) -> dict[str, dict[int, Decimal]]:
    """Average overall score (out of 5) and share of "better equipped" answers (%) from
    the satisfaction questionnaires about each indicator's activities (three queries).

    Sums are added over the linked activities before dividing, so an activity with
    many responses weighs more than one with few: the figure is per response.
    """
    from quizzes import selectors as quiz_selectors

    from .models import ActivityLink

    measures = [Measure.AVERAGE_SCORE, Measure.BETTER_EQUIPPED_SHARE]
    links = list(
        ActivityLink.objects.filter(
            indicator__plan=plan, indicator__measure__in=measures
        ).values_list("indicator_id", "indicator__measure", "activity")
    )
    if not links:
        return {}
    figures = quiz_selectors.questionnaire_figures_by_subject(
        subjects=sorted({activity for _i, _m, activity in links}), start=start, end=end
    )
    totals: dict[int, list[int]] = {}
    kinds: dict[int, str] = {}
    for indicator_id, measure, activity in links:
        kinds[indicator_id] = measure
        sums = totals.setdefault(indicator_id, [0, 0, 0, 0])
        subject = figures.get(activity)
        if subject is not None:
            sums[0] += subject.responses
            sums[1] += subject.overall_sum
            sums[2] += subject.equipped_answered
            sums[3] += subject.equipped_agreeing
    result: dict[str, dict[int, Decimal]] = {measure: {} for measure in measures}
    for indicator_id, (responses, overall, answered, agreeing) in totals.items():
        if kinds[indicator_id] == Measure.AVERAGE_SCORE and responses:
            result[Measure.AVERAGE_SCORE][indicator_id] = round(Decimal(overall) / responses, 2)
        if kinds[indicator_id] == Measure.BETTER_EQUIPPED_SHARE and answered:
            share = Decimal(100) * agreeing / answered
            result[Measure.BETTER_EQUIPPED_SHARE][indicator_id] = round(share, 1)
    return result


@dataclass
class IndicatorRow:
    indicator: Indicator
    value: int | Decimal | None
    counting_rule: str

    @property
    def gap(self) -> Decimal | None:
        """How far the figure is from the target (negative: still to reach)."""
        if self.value is None or self.indicator.target is None:
            return None
        return Decimal(self.value) - self.indicator.target


def plan_report(*, plan: Plan, start: date | None = None, end: date | None = None):
    """Every indicator of the plan with its figure for the period (the plan's by default).

    Measures not computed yet by the platform have no value (None), never a guess.
    """
    start = start or plan.period_start
    end = end or plan.period_end
    counts = people_trained_by_indicator(plan=plan, start=start, end=end)
    manual = manual_values_by_indicator(plan=plan, start=start, end=end)
    evaluations = evaluation_figures_by_indicator(plan=plan, start=start, end=end)
    rows = []
    indicators = plan.indicators.select_related("fiche__axis").order_by("fiche__rank", "rank")
    for indicator in indicators:
        value = None
        if indicator.measure == Measure.PEOPLE_TRAINED:
            value = counts.get(indicator.pk, 0)
        elif indicator.measure == Measure.MANUAL:
            value = manual.get(indicator.pk)
        elif indicator.measure in evaluations:
            value = evaluations[indicator.measure].get(indicator.pk)
        rows.append(
            IndicatorRow(
                indicator=indicator,
                value=value,
                counting_rule=str(COUNTING_RULES.get(indicator.measure, "")),
            )
        )
    return rows


@dataclass
class FicheRows:
    fiche: object  # indicators.Fiche
    axis: object  # indicators.Axis
    rows: list[IndicatorRow]


def rows_by_fiche(*, plan: Plan, rows: list[IndicatorRow]) -> list[FicheRows]:
    """Every fiche of the plan in order, with its report rows (fiches without any
    indicator included): one query."""
    by_fiche: dict[int, list[IndicatorRow]] = {}
    for row in rows:
        by_fiche.setdefault(row.indicator.fiche_id, []).append(row)
    return [
        FicheRows(fiche=fiche, axis=fiche.axis, rows=by_fiche.get(fiche.pk, []))
        for fiche in plan.fiches.select_related("axis").order_by("rank")
    ]


BREAKDOWNS = {
    "profession": "participation.profession",
    "arrondissement": "participation.arrondissement",
    "type": "participation.kind",
    "channel": "participation.channel",
    "month": None,  # depends on the database, below
}


def _breakdown_column(by: str) -> str:
    """The SQL expression grouping participations by `by` (a month needs the database's
    own date formatting)."""
    if by != "month":
        return BREAKDOWNS[by]
    if connection.vendor == "postgresql":
        return "to_char(participation.occurred_on, 'YYYY-MM')"
    return "strftime('%%Y-%%m', participation.occurred_on)"


def people_trained_breakdown(
    *, plan: Plan, start: date, end: date, by: str, indicator_id: int | None = None
) -> dict[int, dict[str, int]]:
    """Distinct people per indicator and per value of `by` (one query).

    A person counts once in each group they belong to: the groups of one indicator
    may add up to more than its total (someone trained in March and in May).
    """
    column = _breakdown_column(by)
    # A drill-down needs one indicator: no need to group the whole plan.
    only_one = "AND link.indicator_id = %s" if indicator_id is not None else ""
    filters = [indicator_id] if indicator_id is not None else []
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
            GROUP BY link.indicator_id, {column}
            """,  # noqa: S608 - the column comes from BREAKDOWNS, never from input
            [plan.pk, Measure.PEOPLE_TRAINED, start, end, *filters],
        )
        result: dict[int, dict[str, int]] = {}
        for indicator_id, value, count in cursor.fetchall():
            result.setdefault(indicator_id, {})[value or ""] = count
        return result


def indicators_for_activity(activity: str) -> list[Indicator]:
    """The indicators an activity counts for, with their plan (one query)."""
    return list(
        Indicator.objects.filter(links__activity=activity)
        .select_related("plan")
        .order_by("plan__code", "code")
    )


def activity_panel_context(activity: str) -> dict | None:
    indicators = indicators_for_activity(activity)
    return {"indicators": indicators} if indicators else None


def indicator_detail(*, indicator: Indicator, start: date, end: date) -> dict:
    """Drill-down of one people-trained indicator: total, the activities that fed it,
    and breakdowns by profession, arrondissement, type, channel and month.

    A fixed number of queries (one per table), whatever the number of people.
    """
    plan = indicator.plan
    total = people_trained_by_indicator(plan=plan, start=start, end=end).get(indicator.pk, 0)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT participation.activity, MAX(participation.activity_title),
                   COUNT(DISTINCT participation.person_key)
            FROM indicators_activitylink AS link
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE link.indicator_id = %s AND participation.occurred_on BETWEEN %s AND %s
            GROUP BY participation.activity
            ORDER BY 3 DESC, 2
            """,
            [indicator.pk, start, end],
        )
        activities = [
            {"activity": key, "title": title, "count": count}
            for key, title, count in cursor.fetchall()
        ]
    breakdowns = {
        by: people_trained_breakdown(
            plan=plan, start=start, end=end, by=by, indicator_id=indicator.pk
        ).get(indicator.pk, {})
        for by in BREAKDOWNS
    }
    return {"total": total, "activities": activities, "breakdowns": breakdowns}


def plan_people_breakdown(*, plan: Plan, start: date, end: date, by: str) -> dict[str, int]:
    """Distinct people trained for any of the plan's indicators, per value of `by`."""
    column = _breakdown_column(by)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT {column}, COUNT(DISTINCT participation.person_key)
            FROM indicators_participation AS participation
            WHERE participation.occurred_on BETWEEN %s AND %s
              AND participation.activity IN (
                SELECT link.activity
                FROM indicators_activitylink AS link
                JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
                WHERE indicator.plan_id = %s AND indicator.measure = %s
              )
            GROUP BY {column}
            """,  # noqa: S608 - the column comes from BREAKDOWNS, never from input
            [start, end, plan.pk, Measure.PEOPLE_TRAINED],
        )
        return {value or "": count for value, count in cursor.fetchall()}
