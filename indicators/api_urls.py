from django.urls import path

from . import api, api_rollup

app_name = "indicators_api"

urlpatterns = [
    path("indicators/", api.indicators, name="indicators"),
    path("territoires/", api_rollup.territories, name="territories"),
    path("openapi.json", api.openapi, name="openapi"),
]
