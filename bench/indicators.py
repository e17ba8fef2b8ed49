"""Benchmark: the DDFE's report at national scale against the naive query.

Run by bench/indicators.sh (PostgreSQL on loopback): `python bench/indicators.py`.
Loads both shipped plans, links 200 activities to their "people trained"
indicators, writes 1,000,000 participations of 250,000 people over 2019-2026,
builds the per-person rollup (indicators.rollup.rebuild, the production code), then
times, for each plan's four-year period:
- the naive query: participations joined to the indicator links,
  COUNT(DISTINCT person) grouped by indicator (selectors.people_trained_by_join);
- the full report (selectors.plan_report: every indicator with its figure).
Both are run five times; the medians are compared. Counts must be equal.
Target (issue 6): the report in at most half the time of the naive query.
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

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from indicators import rollup, selectors  # noqa: E402
from indicators.constants import Measure  # noqa: E402
from indicators.models import ActivityLink, Indicator, IndicatorPerson, Participation, Plan  # noqa: E402

TARGET = 0.5


def seed(participations: int, people: int, activities: int) -> None:
    Participation.objects.all().delete()
    IndicatorPerson.objects.all().delete()
    ActivityLink.objects.all().delete()
    call_command("load_plans", stdout=open(os.devnull, "w"))
    trained = list(Indicator.objects.filter(measure=Measure.PEOPLE_TRAINED))
    rng = random.Random(2026)
    ActivityLink.objects.bulk_create(
        [
            ActivityLink(indicator=indicator, activity=f"module:{number}")
            for number in range(1, activities + 1)
            for indicator in rng.sample(trained, k=min(len(trained), rng.randint(1, 3)))
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.2026)")
        cursor.execute(
            """
            INSERT INTO indicators_participation
              (person_key, activity, activity_title, source, occurred_on, kind, channel,
               profession, employer, departement, arrondissement)
            SELECT 'user:' || (1 + floor(random() * %s))::int,
                   'module:' || (1 + floor(random() * %s))::int,
                   'Module', 'bench:' || g,
                   DATE '2019-01-01' + floor(random() * 2922)::int,
                   'formation', 'elearning', 'police_nationale', '', '59', '59-lille'
            FROM generate_series(1, %s) AS g
            """,
            [people, activities, participations],
        )
        cursor.execute("VACUUM ANALYZE indicators_participation")


def median_seconds(function, runs: int = 5) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participations", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--activities", type=int, default=200)
    args = parser.parse_args()

    started = time.perf_counter()
    seed(args.participations, args.people, args.activities)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    rows = rollup.rebuild(list(Indicator.objects.values_list("pk", flat=True)))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE indicators_indicatorperson")
    built = time.perf_counter() - started

    def n(value: int) -> str:
        return f"{value:,}".replace(",", "\u202f")

    print(
        f"Données : {n(args.participations)} participations de {n(args.people)} personnes, "
        f"{n(ActivityLink.objects.count())} liens activité → indicateur ; écrites en "
        f"{seeded:.1f} s, agrégat par personne ({n(rows)} lignes) construit en {built:.1f} s."
    )
    print(f"{'plan':<16}{'période':<24}{'naïve (s)':>10}{'rapport (s)':>12}{'rapport':>9}  comptes")
    for plan in Plan.objects.order_by("code"):
        naive, naive_counts = median_seconds(
            lambda plan=plan: selectors.people_trained_by_join(
                plan=plan, start=plan.period_start, end=plan.period_end
            )
        )
        report, report_rows = median_seconds(lambda plan=plan: selectors.plan_report(plan=plan))
        report_counts = {
            row.indicator.pk: row.value
            for row in report_rows
            if row.indicator.measure == Measure.PEOPLE_TRAINED and row.value
        }
        same = "identiques" if report_counts == naive_counts else "DIFFÉRENTS"
        period = f"{plan.period_start:%Y-%m-%d} → {plan.period_end:%Y-%m-%d}"
        ratio = report / naive
        print(f"{plan.code:<16}{period:<24}{naive:>10.3f}{report:>12.3f}{ratio:>8.2f}×  {same}")
    print(f"Cible : rapport ≤ {TARGET} × la requête naïve, comptes exacts.")


if __name__ == "__main__":
    main()
