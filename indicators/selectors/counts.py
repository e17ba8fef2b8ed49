"""Figures per indicator of a plan, one measure at a time (one or a few queries each)."""

from datetime import date
from decimal import Decimal

from django.db import connection

from .. import rollup
from ..constants import Channel, Measure
from ..models import Plan
from .sql import territory_condition

# Sessions are linked to indicators as "event:<id>" activities.
EVENT_PREFIX = "event:"


def people_trained_by_indicator(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[int, int]:
    """Distinct people trained per indicator of `plan` between two dates (inclusive).

    One query: each activity linked to an indicator joined to its participations;
    a person trained twice (two modules, or one module twice) counts once per
    indicator, and may count for several indicators; only the people of the plan's
    territory count (sql.territory_condition). Periods of whole months read the per-person rollup
    instead (same result, no join: indicators.rollup, which holds only the plan's
    territory); an arrondissement filter reads the participations.
    """
    masks = rollup.period_masks(start, end)
    if masks is not None and not arrondissement:
        return rollup.people_by_indicator(
            plan_id=plan.pk, measure=Measure.PEOPLE_TRAINED, masks=masks
        )
    return people_trained_by_join(plan=plan, start=start, end=end, arrondissement=arrondissement)


def people_trained_by_join(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[int, int]:
    """The same count from the participations themselves (any dates, any territory)."""
    return _participations_by_indicator(
        plan=plan,
        start=start,
        end=end,
        arrondissement=arrondissement,
        measure=Measure.PEOPLE_TRAINED,
        count="COUNT(DISTINCT participation.person_key)",
    )


def placements_by_indicator(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[int, int]:
    """Placements organised per indicator: the completed placements of the linked offers
    (each recorded once as a participation of the "placement" channel), one query."""
    return _participations_by_indicator(
        plan=plan,
        start=start,
        end=end,
        arrondissement=arrondissement,
        measure=Measure.PLACEMENTS,
        count="COUNT(DISTINCT participation.source)",
        channel=Channel.PLACEMENT,
        territory_column="participation.place_departement_id",
    )


def _participations_by_indicator(
    *,
    plan: Plan,
    start: date,
    end: date,
    arrondissement: str,
    measure: str,
    count: str,
    channel: str | None = None,
    territory_column: str = "participation.departement_id",
) -> dict[int, int]:
    territory, territory_params = territory_condition(plan, arrondissement, territory_column)
    only_channel = "AND participation.channel = %s" if channel else ""
    channel_params = [channel] if channel else []
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT link.indicator_id, {count}
            FROM indicators_activitylink AS link
            JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE indicator.plan_id = %s
              AND indicator.measure = %s
              AND participation.occurred_on BETWEEN %s AND %s
              {only_channel}
              {territory}
            GROUP BY link.indicator_id
            """,  # noqa: S608 - fixed expressions, the values are parameters
            [plan.pk, measure, start, end, *channel_params, *territory_params],
        )
        return dict(cursor.fetchall())


def sessions_held_by_indicator(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[int, int]:
    """Sessions held per indicator: the sessions of the linked events that took place in
    the period with someone present (events.selectors.sessions_held); two queries."""
    from datetime import datetime, time, timedelta

    from django.db.models import Count
    from django.utils import timezone

    from events import selectors as event_selectors

    from ..models import ActivityLink

    links = list(
        ActivityLink.objects.filter(
            indicator__plan=plan,
            indicator__measure=Measure.SESSIONS_HELD,
            activity__startswith=EVENT_PREFIX,
        ).values_list("indicator_id", "activity")
    )
    if not links:
        return {}
    event_ids = {int(activity.removeprefix(EVENT_PREFIX)) for _i, activity in links}
    sessions = event_selectors.sessions_held(
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    ).filter(event_id__in=event_ids)
    # Sessions are counted where they take place.
    codes = plan.departement_codes()
    if codes is not None:
        sessions = sessions.filter(departement_id__in=codes)
    if arrondissement:
        sessions = sessions.filter(arrondissement=arrondissement)
    per_event = dict(
        sessions.values_list("event_id")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("event_id", "n")
    )
    result: dict[int, int] = {}
    for indicator_id, activity in links:
        held = per_event.get(int(activity.removeprefix(EVENT_PREFIX)), 0)
        result[indicator_id] = result.get(indicator_id, 0) + held
    return result


def manual_values_by_indicator(*, plan: Plan, start: date, end: date) -> dict[int, Decimal]:
    """Sum of the figures entered for periods within [start, end], per indicator (one query)."""
    from django.db.models import Sum

    from ..models import ManualValue

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

    from ..models import ActivityLink

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
