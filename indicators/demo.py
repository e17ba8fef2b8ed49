"""Demo links: the demo module counts for the plans' training indicators."""

from .models import Indicator
from .plans import PLANS
from .services import activity_link, plan_load

# People trained through e-learning: Pas-de-Calais fiche 1.2 (participants to the
# trainings and awareness actions), Nord action 17 (co-training of professionals).
DEMO_MODULE_INDICATORS = ["PDC-2019-1.2-3", "NORD-VIF-2023-17-2"]


def load(*, module_key: str) -> list[Indicator]:
    for data in PLANS:
        plan_load(data=data)
    indicators = list(Indicator.objects.filter(code__in=DEMO_MODULE_INDICATORS))
    for indicator in indicators:
        activity_link(indicator=indicator, activity=module_key)
    return indicators
