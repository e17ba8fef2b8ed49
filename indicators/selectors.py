"""Reads: how many people each indicator counts. One aggregated query per report."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.utils.translation import gettext as _

from . import rollup
from .constants import COUNTING_RULES, DEPARTEMENT_WIDE, NOT_BY_TERRITORY, Channel, Measure
from .models import Indicator, Plan


def _in(column: str, codes: list[str] | None) -> tuple[str, list]:
    """`AND column IN (…)` for a list of codes (None: no condition; empty: nothing).
    Only placeholders are built here: the codes are parameters."""
    if codes is None:
        return "", []
    if not codes:
        return "AND 1 = 0", []
    return f"AND {column} IN ({', '.join(['%s'] * len(codes))})", list(codes)


def _territory(
    plan: Plan, arrondissement: str, column: str = "participation.departement_id"
) -> tuple[str, list]:
    """The SQL condition keeping the participations a plan counts: THE COUNTING RULE.

    The person's département on the day of the training (Participation.departement,
    a snapshot) must be in the plan's territory, for every channel — online, in
    person, placements, partner imports; a national plan counts everyone. A move
    never shifts past figures from one territory to another, and a person trained
    online and in person counts in one territory. Placements organised are counted
    where they take place instead (column = the place's département). An
    arrondissement narrows the person's territory further.
    """
    condition, params = _in(column, plan.departement_codes())
    if arrondissement:
        condition += " AND participation.arrondissement_id = %s"
        params.append(arrondissement)
    return condition, params


def people_trained_by_indicator(
    *, plan: Plan, start: date, end: date, arrondissement: str = ""
) -> dict[int, int]:
    """Distinct people trained per indicator of `plan` between two dates (inclusive).

    One query: each activity linked to an indicator joined to its participations;
    a person trained twice (two modules, or one module twice) counts once per
    indicator, and may count for several indicators; only the people of the plan's
    territory count (_territory). Periods of whole months read the per-person rollup
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
    territory, territory_params = _territory(plan, arrondissement, territory_column)
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

    from .models import ActivityLink

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


EVENT_PREFIX = "event:"


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


BREAKDOWNS = {
    "profession": "participation.profession",
    "arrondissement": "participation.arrondissement_id",
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
    column = _breakdown_column(by)
    # A drill-down needs one indicator: no need to group the whole plan.
    only_one = "AND link.indicator_id = %s" if indicator_id is not None else ""
    filters = [indicator_id] if indicator_id is not None else []
    territory, territory_params = _territory(plan, arrondissement)
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
    territory, territory_params = _territory(plan, arrondissement)
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
    column = _breakdown_column(by)
    territory, territory_params = _territory(plan, arrondissement)
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


# ---------------------------------------------------------------------------
# Roll-ups by territory: distinct people trained while working in a territory.

LEVELS = ("national", "region", "departement")


@dataclass
class RollupLine:
    code: str
    label: str
    count: int


@dataclass
class TerritoryRollup:
    """Distinct people trained in a territory over a period, with its breakdowns.

    `parts` are the territory's sub-territories (a région's départements, the
    country's régions); their sum (`parts_sum`) exceeds `total` when people trained
    in two of them: the total counts each person once.
    """

    level: str
    code: str
    key: str  # "FR", "R32", "D59": the page's `territoire` parameter
    label: str
    start: date
    end: date
    total: int
    parts: list[RollupLine]
    departements: list[RollupLine]
    by_profession: list[RollupLine]
    by_channel: list[RollupLine]
    by_month: list[RollupLine]
    from_rollup: bool

    @property
    def parts_sum(self) -> int:
        return sum(line.count for line in self.parts)

    @property
    def parts_differ(self) -> bool:
        return bool(self.parts) and self.parts_sum != self.total


def territory_key(level: str, code: str = "") -> str:
    if level == "national":
        return rollup.NATIONAL
    return ("R" if level == "region" else "D") + code


def parse_territory_key(key: str) -> tuple[str, str] | None:
    """("region", "32") for "R32", ("national", "") for "FR"; None when malformed."""
    key = (key or "").strip().upper()
    if key == rollup.NATIONAL:
        return "national", ""
    if len(key) >= 2 and key[0] in "RD" and key[1:].isalnum():
        return ("region" if key[0] == "R" else "departement"), key[1:]
    return None


def _territory_names() -> tuple[dict[str, str], dict[str, str]]:
    """Names of the régions and départements, cached like the territory tree (the COG
    changes once a year): the roll-ups need no query for their labels."""
    from django.core.cache import cache

    from territories.models import Departement, Region

    def names():
        return (
            dict(Region.objects.values_list("code", "name")),
            dict(Departement.objects.values_list("code", "name")),
        )

    return cache.get_or_set("egide:indicators:territory-names:v1", names, 24 * 3600)


def territory_rollup(*, level: str, code: str = "", start: date, end: date) -> TerritoryRollup:
    """The roll-up of one territory (level in LEVELS; code "32" or "59", "" nationally).

    Whole months read indicators.rollup.TerritoryPerson (one query for the figures, no join, no
    DISTINCT; one more query for the months); other periods count the participations
    themselves (exact join, five or six queries). Both give the same figures (tests).
    Labels come from the cache.
    """
    from accounts.constants import Profession
    from territories.selectors import departements_by_region

    from .constants import Channel

    if level not in LEVELS:
        raise ValueError(level)
    region_names, departement_names = _territory_names()
    by_region = departements_by_region()
    if level == "national":
        label, codes, part_keys = str(_("France entière")), None, sorted(by_region)
    elif level == "region":
        label = region_names.get(code, code)
        codes, part_keys = sorted(by_region.get(code, [])), []
    else:
        label, codes, part_keys = departement_names.get(code, code), [code], []
    key = territory_key(level, code)
    masks = rollup.period_masks(start, end)
    if masks is not None:
        figures = _territory_figures_from_rollup(
            key=key, level=level, codes=codes, masks=masks, start=start, end=end
        )
    else:
        figures = _territory_figures_by_join(level=level, codes=codes, start=start, end=end)
    total, dimensions, departements, regions, months = figures
    professions = dict(Profession.choices)
    channels = dict(Channel.choices)

    def lines(counts: dict[str, int], names: dict[str, str]) -> list[RollupLine]:
        return sorted(
            (
                RollupLine(
                    code=value,
                    label=str(names.get(value) or value or _("Non renseigné")),
                    count=count,
                )
                for value, count in counts.items()
            ),
            key=lambda line: (-line.count, line.label),
        )

    departement_lines = (
        sorted(
            (
                RollupLine(code=dep, label=f"{departement_names.get(dep, dep)} ({dep})", count=n)
                for dep, n in departements.items()
            ),
            key=lambda line: line.code,
        )
        if level != "departement"
        else []
    )
    if level == "national":
        parts = [
            RollupLine(
                code=region, label=region_names.get(region, region), count=regions.get(region, 0)
            )
            for region in part_keys
            if regions.get(region)
        ]
    elif level == "region":
        parts = departement_lines
    else:
        parts = []
    return TerritoryRollup(
        level=level,
        code=code,
        key=key,
        label=str(label),
        start=start,
        end=end,
        total=total,
        parts=parts,
        departements=departement_lines,
        by_profession=lines(dimensions.get("p", {}), professions),
        by_channel=lines(dimensions.get("c", {}), channels),
        by_month=[RollupLine(code=month, label=month, count=n) for month, n in months],
        from_rollup=masks is not None,
    )


def _territory_figures_from_rollup(*, key, level, codes, masks, start, end):
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


def _territory_figures_by_join(*, level, codes, start, end):
    """The same figures from the participations (periods not made of whole months)."""
    territory, params = _in("participation.departement_id", codes)
    base = f"""
        FROM indicators_participation AS participation
        WHERE participation.occurred_on BETWEEN %s AND %s {territory}
    """
    base_params = [start, end, *params]
    month = _breakdown_column("month")
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
    territory, params = _in("participation.departement_id", codes)
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
