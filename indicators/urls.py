from django.urls import path

from . import views, views_api, views_imports, views_rollup

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plans/<slug:code>/", views.plan_report, name="plan_report"),
    path("plans/<slug:code>/saisie/", views.manual_values, name="manual_values"),
    path("plans/<slug:code>/partenaires-xapi/", views.partner_mappings, name="partner_mappings"),
    path(
        "plans/<slug:code>/partenaires-xapi/<int:mapping_id>/supprimer/",
        views.partner_mapping_delete,
        name="partner_mapping_delete",
    ),
    path("plans/<slug:code>/exports/", views.report_export_request, name="report_export_request"),
    path("exports/<int:export_id>/", views.report_export, name="report_export"),
    path(
        "exports/<int:export_id>/fichier/",
        views.report_export_download,
        name="report_export_download",
    ),
    path(
        "plans/<slug:code>/indicateurs/<str:indicator_code>/",
        views.indicator_detail,
        name="indicator_detail",
    ),
    path("import/", views_imports.participants_import, name="participants_import"),
    path("cles-api/", views.api_tokens, name="api_tokens"),
    path("api/", views_api.api_guide, name="api_guide"),
    path("synthese/", views_rollup.rollup, name="rollup"),
]
