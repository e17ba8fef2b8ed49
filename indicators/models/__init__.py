"""The indicators' models, by concern: the plans and their indicators, what they
count, and what leaves the platform (exports, API keys)."""

from .outputs import ApiToken, ReportExport
from .partners import PartnerActivityMapping, partner_activity_key
from .people import IndicatorPerson, ManualValue, Participation, TerritoryPerson
from .plans import ActivityLink, Axis, Fiche, Indicator, Plan

__all__ = [
    "ActivityLink",
    "ApiToken",
    "Axis",
    "Fiche",
    "Indicator",
    "IndicatorPerson",
    "ManualValue",
    "Participation",
    "PartnerActivityMapping",
    "Plan",
    "ReportExport",
    "TerritoryPerson",
    "partner_activity_key",
]
