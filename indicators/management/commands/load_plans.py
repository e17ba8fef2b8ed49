"""Load the departmental action plans shipped with Égide (idempotent).

`make run` runs it; run it again after editing indicators/plans/*.py.
"""

from django.core.management.base import BaseCommand

from indicators import services
from indicators.plans import PLANS


class Command(BaseCommand):
    help = "Charge les plans d'action départementaux (idempotent)."

    def handle(self, *args, **options):
        for data in PLANS:
            plan = services.plan_load(data=data)
            self.stdout.write(
                f"{plan.code} : {plan.axes.count()} axes, {plan.fiches.count()} fiches action, "
                f"{plan.indicators.count()} indicateurs"
            )
