"""Reads of the indicators app: how many people each indicator counts, a plan's report,
its breakdowns and drill-downs, and the roll-ups by territory.

The package's modules, by concern: `sql` (the counting rule's SQL condition, the
breakdown columns), `counts` (one measure per indicator), `report` (a plan's report),
`summary` (its people trained per axis), `breakdowns` (breakdowns and the drill-down of
one indicator), `rollups` and
`rollup_figures` (distinct people by territory). The names below are the ones read
through `indicators.selectors` (the app's public read surface for other apps, its views,
services and exports); anything else is imported from its module.
"""

from .breakdowns import (
    activity_counts,
    indicator_detail,
    people_trained_breakdown,
    plan_people_breakdown,
)
from .counts import people_trained_by_indicator, people_trained_by_join
from .report import activity_panel_context, plan_report, rows_by_axis, rows_by_fiche
from .rollup_figures import territory_people_by_join
from .rollups import parse_territory_key, territory_rollup
from .sql import BREAKDOWNS
from .summary import axis_figures, people_trained_by_axis

__all__ = [
    "BREAKDOWNS",
    "activity_counts",
    "activity_panel_context",
    "axis_figures",
    "indicator_detail",
    "parse_territory_key",
    "people_trained_breakdown",
    "people_trained_by_axis",
    "people_trained_by_indicator",
    "people_trained_by_join",
    "plan_people_breakdown",
    "plan_report",
    "rows_by_axis",
    "rows_by_fiche",
    "territory_people_by_join",
    "territory_rollup",
]
