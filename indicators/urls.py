from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plans/<slug:code>/", views.plan_report, name="plan_report"),
    path("plans/<slug:code>/saisie/", views.manual_values, name="manual_values"),
    path(
        "plans/<slug:code>/indicateurs/<str:indicator_code>/",
        views.indicator_detail,
        name="indicator_detail",
    ),
    path("import/", views.participants_import, name="participants_import"),
    path("cles-api/", views.api_tokens, name="api_tokens"),
]
