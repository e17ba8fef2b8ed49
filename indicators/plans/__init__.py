"""The departmental action plans shipped with Égide, loaded by `manage.py load_plans`."""

from .nord_vif_2023 import PLAN as NORD_VIF_2023
from .pdc_2019 import PLAN as PDC_2019

PLANS = [PDC_2019, NORD_VIF_2023]
