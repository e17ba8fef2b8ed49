from django.urls import path

from . import api

app_name = "indicators_api"

urlpatterns = [
    path("indicators/", api.indicators, name="indicators"),
    path("openapi.json", api.openapi, name="openapi"),
]
