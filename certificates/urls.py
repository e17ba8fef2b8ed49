from django.urls import path

from . import views, views_admin, views_issuers

app_name = "certificates"

urlpatterns = [
    path("", views.my_attestations, name="mine"),
    path("verifier/", views.verify_form, name="verify_form"),
    path("verifier/<str:code>/", views.verify, name="verify"),
    path("signataires/", views_issuers.issuer_list, name="issuers"),
    path(
        "signataires/national/",
        views_issuers.issuer_edit,
        {"level": "national"},
        name="issuer_national",
    ),
    path(
        "signataires/national/reinitialiser/",
        views_issuers.issuer_reset,
        {"level": "national"},
        name="issuer_national_reset",
    ),
    path("signataires/<slug:level>/<str:code>/", views_issuers.issuer_edit, name="issuer_edit"),
    path(
        "signataires/<slug:level>/<str:code>/reinitialiser/",
        views_issuers.issuer_reset,
        name="issuer_reset",
    ),
    path("gestion/regenerer/", views_admin.regenerate, name="regenerate"),
    path("gestion/<int:attestation_id>/", views_admin.detail, name="admin_detail"),
    path("gestion/<int:attestation_id>/revoquer/", views_admin.revoke, name="revoke"),
    path("<str:code>/pdf/", views.download, name="download"),
    path("archives/", views.archive_request, name="archive_request"),
    path("archives/<int:archive_id>/", views.archive, name="archive"),
    path("archives/<int:archive_id>/zip/", views.archive_download, name="archive_download"),
]
