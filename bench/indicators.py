"""Benchmark: the plans' reports and the territory roll-ups at national size.

Run by bench/indicators.sh (PostgreSQL on loopback): `python bench/indicators.py`.
Seeds, with bulk SQL: one plan per département (101) of 120 indicators each (40
"people trained", linked to three of 300 national modules each), 250,000 people
with a home département (one in twenty moves on 1 January 2024, one in a hundred
has no département) and 2,000,000 participations over 2022-2025 in four channels;
then builds both per-person rollups with the production code (indicators.rollup:
rebuild for the indicators, territory_rebuild for the territories). It times, in
the same run and over the same rows, five runs each (medians):
- a département's plan report (selectors.plan_report, every indicator) against the
  naive query: its participations joined to the indicator links, COUNT(DISTINCT
  person) grouped by indicator (selectors.people_trained_by_join);
- the regional roll-up (Hauts-de-France: total and breakdowns by département,
  profession, month, channel) against the naive COUNT(DISTINCT person) of the
  région's participations (selectors.territory_people_by_join);
- the national roll-up against the naive COUNT(DISTINCT person) of all participations.
Figures must be equal; target (issue 17): each at most half the naive time.
BENCH_SIZE=small (or --people/--participations) runs a tenth of the size, for a
quick check; `make bench-indicators` runs the national size.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.prod")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from indicators import rollup, selectors  # noqa: E402
from indicators.constants import Measure  # noqa: E402
from indicators.models import Plan  # noqa: E402
from territories.selectors import departements_by_region, region_departement_codes  # noqa: E402

TARGET = 0.5
START, END = "2022-01-01", "2025-12-31"
MODULES = 300
INDICATORS = 120  # per plan: 12 fiches of 10
PEOPLE_TRAINED = 40  # of which counting people (4 per fiche)
PROFESSIONS = [
    "police_nationale",
    "gendarmerie_nationale",
    "medecin",
    "infirmier",
    "travailleur_social",
    "magistrat",
    "enseignant",
    "autre",
]


def seed(*, people: int, participations: int) -> list[str]:
    codes = sorted(code for codes in departements_by_region().values() for code in codes)
    rng = random.Random(2026)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE indicators_participation, indicators_indicatorperson, "
            "indicators_territoryperson, indicators_activitylink, indicators_manualvalue, "
            "indicators_reportexport, indicators_indicator, indicators_fiche, indicators_axis, "
            "indicators_plan CASCADE"
        )
        _seed_plans(cursor, codes)
        _seed_links(cursor, rng)
        _seed_participations(cursor, codes, people=people, participations=participations)
        cursor.execute("ANALYZE")
    return codes


def _seed_plans(cursor, codes: list[str]) -> None:
    """A plan per département: one axis, INDICATORS // 10 fiches of 10 indicators."""
    plan_rows = [(f"BENCH-{code}", f"Plan du {code}", code) for code in codes]
    cursor.executemany(
        "INSERT INTO indicators_plan (code, name, departement_id, region_id, period_start,"
        " period_end, status) VALUES (%s, %s, %s, NULL, %s, %s, 'active')",
        [(*row, START, END) for row in plan_rows],
    )
    cursor.execute(
        "INSERT INTO indicators_axis (plan_id, number, title, rank) "
        "SELECT id, '1', 'Former', 1 FROM indicators_plan"
    )
    cursor.execute(
        "INSERT INTO indicators_fiche (plan_id, axis_id, number, title, objective, pilot,"
        " partners, rank) SELECT plan.id, axis.id, '1.' || f, 'Fiche ' || f, '', '', '', f"
        " FROM indicators_plan AS plan JOIN indicators_axis AS axis ON axis.plan_id = plan.id"
        " CROSS JOIN generate_series(1, %s) AS f",
        [INDICATORS // 10],
    )
    # Ranks 1-4 count people, 5 sessions, 6 placements, the rest are entered by hand.
    cursor.execute(
        """
        INSERT INTO indicators_indicator (plan_id, fiche_id, rank, code, label, measure, unit)
        SELECT fiche.plan_id, fiche.id, r, plan.code || '-' || fiche.number || '-' || r,
               'Indicateur ' || r,
               CASE WHEN r <= 4 THEN %s WHEN r = 5 THEN %s WHEN r = 6 THEN %s ELSE %s END, ''
        FROM indicators_fiche AS fiche
        JOIN indicators_plan AS plan ON plan.id = fiche.plan_id
        CROSS JOIN generate_series(1, 10) AS r
        """,
        [Measure.PEOPLE_TRAINED, Measure.SESSIONS_HELD, Measure.PLACEMENTS, Measure.MANUAL],
    )


def _seed_links(cursor, rng) -> None:
    """Counted indicators point at three modules, a session or an offer."""
    cursor.execute(
        "SELECT id, measure, rank FROM indicators_indicator WHERE measure IN (%s, %s, %s)",
        [Measure.PEOPLE_TRAINED, Measure.SESSIONS_HELD, Measure.PLACEMENTS],
    )
    links = []
    for indicator_id, measure, rank in cursor.fetchall():
        if measure == Measure.PEOPLE_TRAINED:
            for module in rng.sample(range(1, MODULES + 1), 3):
                links.append((indicator_id, f"module:{module}"))
        else:
            prefix = "event" if measure == Measure.SESSIONS_HELD else "offer"
            links.append((indicator_id, f"{prefix}:{rank}"))
    cursor.executemany(
        "INSERT INTO indicators_activitylink (indicator_id, activity) VALUES (%s, %s)", links
    )


def _seed_participations(cursor, codes: list[str], *, people: int, participations: int) -> None:
    # Each person has a home département (a fixed function of their number); one in
    # twenty moves on 1 January 2024, one in a hundred has none.
    cursor.execute("SELECT setseed(0.2026)")
    cursor.execute(
        """
        INSERT INTO indicators_participation
          (person_key, activity, activity_title, source, occurred_on, kind, channel,
           profession, employer, departement_id)
        SELECT 'user:' || p, 'module:' || m, 'Module', 'bench:' || g, d, 'formation',
               (ARRAY['elearning', 'elearning', 'event', 'placement', 'external'])[1 + g %% 5],
               (%s::text[])[1 + p %% %s], '',
               CASE WHEN p %% 100 = 1 THEN NULL
                    WHEN p %% 20 = 0 AND d >= DATE '2024-01-01'
                      THEN (%s::text[])[1 + (p::bigint * 7919 + 1) %% %s]
                    ELSE (%s::text[])[1 + (p::bigint * 7919) %% %s] END
        FROM (SELECT g, (1 + floor(random() * %s))::int AS p,
                     (1 + floor(random() * %s))::int AS m,
                     DATE %s + floor(random() * 1461)::int AS d
              FROM generate_series(1, %s) AS g) AS s
        """,
        [
            PROFESSIONS,
            len(PROFESSIONS),
            codes,
            len(codes),
            codes,
            len(codes),
            people,
            MODULES,
            START,
            participations,
        ],
    )


def median_seconds(function, runs: int = 5) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def main() -> None:
    small = os.environ.get("BENCH_SIZE") == "small"
    parser = argparse.ArgumentParser()
    parser.add_argument("--participations", type=int, default=200_000 if small else 2_000_000)
    parser.add_argument("--people", type=int, default=25_000 if small else 250_000)
    parser.add_argument("--departement", default="59")
    parser.add_argument("--region", default="32")
    args = parser.parse_args()

    _build(args)
    cases, region_total, region_sum, national_total = _cases(args)
    print(f"{'mesure':<20}{'naïve (s)':>10}{'rapide (s)':>11}{'ratio':>8}  comptes")
    failed = False
    for name, naive, fast, same in cases:
        ratio = fast / naive
        failed |= ratio > TARGET or not same
        verdict = "identiques" if same else "DIFFÉRENTS"
        print(f"{name:<20}{naive:>10.3f}{fast:>11.3f}{ratio:>7.2f}×  {verdict}")
    print(
        f"Région R{args.region} : {n(region_total)} personnes distinctes, somme des départements "
        f"{n(region_sum)} ; national : {n(national_total)}."
    )
    print(f"Cible : chaque mesure ≤ {TARGET} × la requête naïve, comptes exacts.")
    if failed:
        sys.exit("Cible non atteinte.")


def _build(args) -> None:
    """Seed, build both aggregates, and say how long each took."""
    started = time.perf_counter()
    codes = seed(people=args.people, participations=args.participations)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    indicator_rows = rollup.rebuild(None)
    indicator_built = time.perf_counter() - started
    started = time.perf_counter()
    territory_rows = rollup.territory_rebuild(None)
    territory_built = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE indicators_indicatorperson")
        cursor.execute("VACUUM ANALYZE indicators_territoryperson")
    print(
        f"Données : {len(codes)} départements, {n(Plan.objects.count())} plans de "
        f"{INDICATORS} indicateurs, {n(args.people)} personnes, {n(args.participations)} "
        f"participations ({START[:4]}-{END[:4]}), écrites en {seeded:.1f} s ; agrégat par "
        f"indicateur ({n(indicator_rows)} lignes) en {indicator_built:.1f} s, par territoire "
        f"({n(territory_rows)} lignes) en {territory_built:.1f} s."
    )


def _cases(args):
    """Each measure timed the naive way and the fast way, and whether their counts agree.

    Returns the cases, the region's distinct people and sum of its départements, and the
    national count.
    """
    from datetime import date

    start, end = date.fromisoformat(START), date.fromisoformat(END)
    plan = Plan.objects.get(departement_id=args.departement)
    cases = []

    naive, naive_counts = median_seconds(
        lambda: selectors.people_trained_by_join(plan=plan, start=start, end=end)
    )
    fast, rows = median_seconds(lambda: selectors.plan_report(plan=plan, start=start, end=end))
    fast_counts = {
        row.indicator.pk: row.value
        for row in rows
        if row.indicator.measure == Measure.PEOPLE_TRAINED and row.value
    }
    cases.append((f"plan {plan.code}", naive, fast, fast_counts == naive_counts))

    region_codes = region_departement_codes(args.region)
    naive, naive_total = median_seconds(
        lambda: selectors.territory_people_by_join(codes=region_codes, start=start, end=end)
    )
    fast, result = median_seconds(
        lambda: selectors.territory_rollup(level="region", code=args.region, start=start, end=end)
    )
    cases.append((f"région R{args.region}", naive, fast, result.total == naive_total))
    region_total, region_sum = result.total, result.parts_sum

    naive, naive_total = median_seconds(
        lambda: selectors.territory_people_by_join(codes=None, start=start, end=end)
    )
    fast, result = median_seconds(
        lambda: selectors.territory_rollup(level="national", start=start, end=end)
    )
    cases.append(("national", naive, fast, result.total == naive_total))
    return cases, region_total, region_sum, result.total


if __name__ == "__main__":
    main()
