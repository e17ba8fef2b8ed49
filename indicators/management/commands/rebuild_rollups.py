"""Rebuild both per-person rollups from the participations: every indicator's
(IndicatorPerson, within its plan's territory) and every territory's (TerritoryPerson).

Normally never needed — each participation updates them in its own transaction and
link or territory changes rebuild what they touch — but safe to run at any time
(after a restore, a bulk fix in SQL, or to check them): each table is rebuilt in one
transaction, so readers see the old rows or the new ones.
"""

import time

from django.core.management.base import BaseCommand

from indicators import rollup


class Command(BaseCommand):
    help = "Recalcule les agrégats par personne (indicateurs et territoires)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        indicators = rollup.rebuild(None)
        middle = time.perf_counter()
        territories = rollup.territory_rebuild(None)
        done = time.perf_counter()
        self.stdout.write(
            f"Indicateurs : {indicators} lignes en {middle - started:.1f} s ; "
            f"territoires : {territories} lignes en {done - middle:.1f} s."
        )
