"""The answer a plan's page leads with: distinct people trained per axis and in total,
against the targets of the "people trained" indicators."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection

from .. import rollup
from ..constants import Measure
from ..models import Plan
from .report import IndicatorRow
from .sql import territory_condition

TOTAL = "total"


@dataclass
class AxisFigure:
    axis: object  # indicators.Axis, or None for the plan's total
    people: int
    # Sum of the targets of the axis's "people trained" indicators that have one;
    # None when none has.
    target: Decimal | None

    @property
    def percent(self) -> int | None:
        """Share of the target reached, capped at 100 for the bar (the figure says more)."""
        if not self.target:
            return None
        return min(100, round(100 * self.people / self.target))


def people_trained_by_axis(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[object, int]:
    """Distinct people trained for any "people trained" indicator of each axis (keyed by
    axis id) and of the whole plan (key TOTAL): a person trained for two indicators of an
    axis counts once in it. Two queries whatever the number of indicators: the monthly
    rollup for whole months (indicators.rollup), the participations otherwise."""
    masks = rollup.period_masks(start, end)
    if masks is not None and not arrondissement:
        condition, params = rollup.mask_condition(masks, "person")
        source = """
            FROM indicators_indicatorperson AS person
            JOIN indicators_indicator AS indicator ON indicator.id = person.indicator_id
            JOIN indicators_fiche AS fiche ON fiche.id = indicator.fiche_id
            WHERE indicator.plan_id = %s AND indicator.measure = %s AND """
        params = [plan.pk, Measure.PEOPLE_TRAINED, *params]
        source += condition
        person = "person.person_key"
    else:
        territory, territory_params = territory_condition(plan, arrondissement)
        source = f"""
            FROM indicators_activitylink AS link
            JOIN indicators_indicator AS indicator ON indicator.id = link.indicator_id
            JOIN indicators_fiche AS fiche ON fiche.id = indicator.fiche_id
            JOIN indicators_participation AS participation
              ON participation.activity = link.activity
            WHERE indicator.plan_id = %s
              AND indicator.measure = %s
              AND participation.occurred_on BETWEEN %s AND %s
              {territory}"""
        params = [plan.pk, Measure.PEOPLE_TRAINED, start, end, *territory_params]
        person = "participation.person_key"
    result: dict[object, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT fiche.axis_id, COUNT(DISTINCT {person}) {source} GROUP BY fiche.axis_id",  # noqa: S608 - fixed SQL, values are parameters
            params,
        )
        result.update(cursor.fetchall())
        cursor.execute(f"SELECT COUNT(DISTINCT {person}) {source}", params)  # noqa: S608
        result[TOTAL] = cursor.fetchone()[0]
    return result


def axis_figures(
    *, plan: Plan, rows: list[IndicatorRow], people: dict[object, int]
) -> list[AxisFigure]:
    """One figure per axis that has a "people trained" indicator, in order, then the
    plan's total (axis None); the axes come with the rows' indicators (no query)."""
    axes: dict[int, object] = {}  # the axes with a "people trained" indicator
    targets: dict[object, Decimal] = {}
    for row in rows:
        if row.indicator.measure != Measure.PEOPLE_TRAINED:
            continue
        axis = row.indicator.fiche.axis
        axes.setdefault(axis.pk, axis)
        target = row.indicator.target
        if target is not None:
            targets[axis.pk] = targets.get(axis.pk, 0) + target
            targets[TOTAL] = targets.get(TOTAL, 0) + target
    figures = [
        AxisFigure(axis=axis, people=people.get(pk, 0), target=targets.get(pk))
        for pk, axis in sorted(axes.items(), key=lambda item: (item[1].rank, item[1].number))
    ]
    figures.append(AxisFigure(axis=None, people=people.get(TOTAL, 0), target=targets.get(TOTAL)))
    return figures
