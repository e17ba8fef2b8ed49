"""What the printed bilan says, before it is printed (indicators.exports.bilan_pdf):
a summary that fits on the first page (people trained per axis and in all, the
indicators with a target, how many indicators the plan writes and how many the
platform proposes), then the figures of the period fiche by fiche, the
indicators without a figure grouped in one list, and each counting rule once.

Reads only: two queries on top of the plan's report rows (selectors.plan_report).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import provenance
from .charts import Bar, bar_chart_svg
from .constants import COUNTING_RULES, Measure
from .models import Plan
from .selectors.report import FicheRows, IndicatorRow


@dataclass
class AxisPeople:
    axis: object  # indicators.Axis
    people: int
    # Sum of the targets of the axis's "people trained" indicators that have one
    # (the plan page's rule); None when none has.
    target: Decimal | None = None


def _people_targets(rows: list[IndicatorRow]) -> dict[int, Decimal]:
    """The targets of the "people trained" indicators added up per axis id (no query)."""
    targets: dict[int, Decimal] = {}
    for row in rows:
        target = row.indicator.target
        if row.indicator.measure == Measure.PEOPLE_TRAINED and target is not None:
            axis_id = row.indicator.fiche.axis_id
            targets[axis_id] = targets.get(axis_id, 0) + target
    return targets


@dataclass
class TargetRow:
    row: IndicatorRow
    code: str  # without the plan's prefix: "1.2-3"

    @property
    def percent(self) -> int:
        """Share of the target reached, in whole percent (0 without a figure)."""
        target = self.row.indicator.target
        if not target or self.row.value is None:
            return 0
        return round(100 * Decimal(self.row.value) / target)


@dataclass
class AxisEmpty:
    """An axis's indicators at zero or without a figure for the period, in plan order."""

    axis: object  # indicators.Axis
    rows: list[IndicatorRow] = field(default_factory=list)


def has_figure(row: IndicatorRow) -> bool:
    return row.value is not None and row.value != 0


def people_text(count: int) -> str:
    # French: "0 personne", "1 personne", "2 personnes".
    return ngettext("%(count)s personne", "%(count)s personnes", count) % {"count": count}


def _figure_text(value, unit: str = "") -> str:
    from django.template.defaultfilters import floatformat

    text = str(floatformat(value, "-2"))
    return f"{text} {unit}".strip()


def _people_figure(item: AxisPeople) -> str:
    if item.target is None:
        return str(item.people)
    return f"{item.people} / {_figure_text(item.target)}"


def _short_code(plan: Plan, row: IndicatorRow) -> str:
    return row.indicator.code.removeprefix(f"{plan.code}-")


def summary(*, plan: Plan, rows: list[IndicatorRow], per_axis: dict[int, int], total: int):
    """The first page: people per axis (chart and table; the axes nobody was trained
    for named in one line), then the indicators with a target (chart and table)."""
    targets_of = _people_targets(rows)
    axes = [
        AxisPeople(axis, per_axis.get(axis.pk, 0), targets_of.get(axis.pk))
        for axis in plan.axes.order_by("rank")
    ]
    # An axis with a target stays in the chart at 0: that it was missed is the news.
    trained = [item for item in axes if item.people or item.target]
    targets = [TargetRow(row, _short_code(plan, row)) for row in rows if row.indicator.target]
    description = str(_("Diagramme en barres ; ses chiffres sont dans le tableau voisin."))
    return {
        "total": total,
        "total_text": people_text(total),
        "axes": trained,
        "axes_without": [item.axis.number for item in axes if item not in trained],
        "axis_chart": trained
        and bar_chart_svg(
            [
                Bar(
                    label=str(_("Axe %(number)s — %(title)s"))
                    % {"number": item.axis.number, "title": item.axis.title},
                    value=item.people,
                    text=_people_figure(item),
                    target=item.target,
                )
                for item in trained
            ],
            chart_id="chart-axes",
            title=str(_("Personnes formées ou sensibilisées par axe")),
            description=description,
        ),
        "targets": targets,
        "target_chart": targets
        and bar_chart_svg(
            [
                Bar(
                    label=f"{item.code} {item.row.indicator.label}",
                    value=min(item.percent, 100),
                    text=f"{item.percent} %" if item.row.value is not None else _("sans chiffre"),
                )
                for item in targets
            ],
            chart_id="chart-targets",
            title=str(_("Part de la cible atteinte, par indicateur")),
            description=description,
            width=516,  # the page's width: the table goes below
            maximum=100,
            track=True,
        ),
        "targets_reached": sum(1 for item in targets if item.percent >= 100),
        "with_figure": sum(1 for row in rows if has_figure(row)),
        "indicators": len(rows),
        # Written in the plan or proposed by the platform: a note on the first page,
        # a mark on each indicator.
        "provenance": provenance.summary(rows),
    }


def details(fiches: list[FicheRows]) -> dict:
    """The fiches with a figure for the period, the others' indicators grouped by axis,
    and each counting rule used once."""
    shown = [
        FicheRows(fiche=group.fiche, axis=group.axis, rows=[r for r in group.rows if has_figure(r)])
        for group in fiches
    ]
    empty: dict[int, AxisEmpty] = {}
    for group in fiches:
        for row in group.rows:
            if not has_figure(row):
                empty.setdefault(group.axis.pk, AxisEmpty(group.axis)).rows.append(row)
    rows = [row for group in fiches for row in group.rows]
    measures = {row.indicator.measure for row in rows}
    return {
        "shown": [group for group in shown if group.rows],
        "empty": list(empty.values()),
        "zero_count": sum(1 for row in rows if row.value == 0),
        "missing_count": sum(1 for row in rows if row.value is None),
        "rules": [
            (label, COUNTING_RULES[value])
            for value, label in Measure.choices
            if value in measures and value in COUNTING_RULES
        ],
    }
