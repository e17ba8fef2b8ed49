"""Demo links: the demo modules, sessions and placement offers count for the indicators
of the two plans' training fiches (Pas-de-Calais 1.2 and 4.10, Nord 8, 17, 19 and 42).

Run by `manage.py load_demo` after the capabilities' demo data; idempotent. Activities
are found by their demo slug or title, so nothing created by hand is linked.
"""

from courses.models import ModulePage
from demo.loaders import events as events_demo
from demo.loaders import placements as placements_demo
from events.models import Event
from indicators.models import Indicator
from indicators.plans import PLANS
from indicators.services import activity_link, plan_load
from placements.models import Offer

# E-learning: participants to trainings and awareness actions (PDC 1.2), professionals
# of the Nord trained on intra-family violence (Nord 19), their evaluation (PDC 1.2-4).
MODULE_LINKS = {
    "continuum-des-violences": ["PDC-2019-1.2-3", "PDC-2019-1.2-4", "NORD-VIF-2023-17-2"],
    "psychotraumatisme-accueil": ["PDC-2019-1.2-3", "PDC-2019-1.2-4", "NORD-VIF-2023-19-1"],
    "prostitution-des-mineurs": ["PDC-2019-1.2-3", "PDC-2019-1.2-4", "NORD-VIF-2023-19-1"],
    "certificat-medical-itt": ["PDC-2019-1.2-3", "PDC-2019-1.2-4", "NORD-VIF-2023-19-1"],
}
# In-person sessions in the Nord: interinstitutional trainings organised and people
# trained (Nord 17), professionals trained (Nord 19).
EVENT_LINKS = ["NORD-VIF-2023-17-1", "NORD-VIF-2023-17-2", "NORD-VIF-2023-19-1"]
# Cross-placements: PDC fiche 4.10 in the Pas-de-Calais, Nord actions 8 and 42.
OFFER_LINKS = {"62": ["PDC-2019-4.10-1"], "59": ["NORD-VIF-2023-8-1", "NORD-VIF-2023-42-1"]}


def load() -> list[Indicator]:
    """Load both plans and link the demo activities; return the indicators linked."""
    for data in PLANS:
        plan_load(data=data)
    codes = {code for codes in MODULE_LINKS.values() for code in codes}
    codes |= set(EVENT_LINKS) | {code for codes in OFFER_LINKS.values() for code in codes}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    for slug, module_codes in MODULE_LINKS.items():
        module = ModulePage.objects.filter(slug=slug).first()
        for code in module_codes if module else []:
            activity_link(indicator=indicators[code], activity=f"module:{module.pk}")
    for event in Event.objects.filter(title__in=events_demo.TITLES):
        for code in EVENT_LINKS:
            activity_link(indicator=indicators[code], activity=f"event:{event.pk}")
    offer_titles = [entry["offer"]["title"] for entry in placements_demo.INSTITUTIONS]
    for offer in Offer.objects.filter(title__in=offer_titles).select_related("institution"):
        for code in OFFER_LINKS.get(offer.institution.departement_id, []):
            activity_link(indicator=indicators[code], activity=f"offer:{offer.pk}")
    return sorted(indicators.values(), key=lambda indicator: indicator.code)
