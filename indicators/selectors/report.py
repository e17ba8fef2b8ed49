"""A plan's report: every indicator with its figure, grouped by fiche; and the
indicators an activity counts for."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..constants import COUNTING_RULES, DEPARTEMENT_WIDE, NOT_BY_TERRITORY, Measure
from ..models import Indicator, Plan
from .counts import (
    evaluation_figures_by_indicator,
    manual_values_by_indicator,
    people_trained_by_indicator,
    placements_by_indicator,
    sessions_held_by_indicator,
)


@dataclass
class IndicatorRow:
    indicator: Indicator
    value: int | Decimal | None
    counting_rule: str
    # A département-wide figure left out because the report is filtered on a territory.
    not_by_territory: bool = False

    @property
    def gap(self) -> Decimal | None:
        """How far the figure is from the target (negative: still to reach)."""
        if self.value is None or self.indicator.target is None:
            return None
        return Decimal(self.value) - self.indicator.target


def plan_report(
    *, plan: Plan, start: date | None = None, end: date | None = None, arrondissement: str = ""
):
    """Every indicator of the plan with its figure for the period (the plan's by default)
    and territory (the whole département by default).

    Measures not computed yet by the platform have no value (None), never a guess.
    Figures entered by the DDFE and questionnaire answers are département-wide: under a
    territory filter they have no value rather than the département's.
    """
    start = start or plan.period_start
    end = end or plan.period_end
    counts = people_trained_by_indicator(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    sessions = sessions_held_by_indicator(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    placements = placements_by_indicator(
        plan=plan, start=start, end=end, arrondissement=arrondissement
    )
    if arrondissement:
        manual, evaluations = {}, {}
    else:
        manual = manual_values_by_indicator(plan=plan, start=start, end=end)
        evaluations = evaluation_figures_by_indicator(plan=plan, start=start, end=end)
    rows = []
    indicators = plan.indicators.select_related("fiche__axis").order_by("fiche__rank", "rank")
    for indicator in indicators:
        value = None
        if indicator.measure == Measure.PEOPLE_TRAINED:
            value = counts.get(indicator.pk, 0)
        elif indicator.measure == Measure.SESSIONS_HELD:
            value = sessions.get(indicator.pk, 0)
        elif indicator.measure == Measure.PLACEMENTS:
            value = placements.get(indicator.pk, 0)
        elif indicator.measure == Measure.MANUAL:
            value = manual.get(indicator.pk)
        elif indicator.measure in evaluations:
            value = evaluations[indicator.measure].get(indicator.pk)
        rule = str(COUNTING_RULES.get(indicator.measure, ""))
        not_by_territory = bool(arrondissement) and indicator.measure in DEPARTEMENT_WIDE
        if not_by_territory:
            rule = f"{rule} {NOT_BY_TERRITORY}"
        rows.append(
            IndicatorRow(
                indicator=indicator,
                value=value,
                counting_rule=rule,
                not_by_territory=not_by_territory,
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


@dataclass
class AxisRows:
    axis: object  # indicators.Axis
    fiches: list[FicheRows]
    # Distinct people trained for the axis's "people trained" indicators; None when
    # it has none.
    people: int | None

    @property
    def indicator_count(self) -> int:
        return sum(len(group.rows) for group in self.fiches)


def rows_by_axis(
    *, plan: Plan, rows: list[IndicatorRow], people: dict[object, int]
) -> list[AxisRows]:
    """The fiches of rows_by_fiche grouped by axis, in order, each axis with its distinct
    people trained (`people`, from summary.people_trained_by_axis): one query."""
    counting = {
        row.indicator.fiche.axis_id
        for row in rows
        if row.indicator.measure == Measure.PEOPLE_TRAINED
    }
    axes: list[AxisRows] = []
    for group in rows_by_fiche(plan=plan, rows=rows):
        if not axes or axes[-1].axis.pk != group.axis.pk:
            people_of_axis = people.get(group.axis.pk, 0) if group.axis.pk in counting else None
            axes.append(AxisRows(axis=group.axis, fiches=[], people=people_of_axis))
        axes[-1].fiches.append(group)
    return axes
