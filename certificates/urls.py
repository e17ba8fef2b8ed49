from django.urls import path

from . import views, views_admin

app_name = "certificates"

urlpatterns = [
    path("", views.my_attestations, name="mine"),
    path("verifier/", views.verify_form, name="verify_form"),
    path("verifier/<str:code>/", views.verify, name="verify"),
    path("gestion/regenerer/", views_admin.regenerate, name="regenerate"),
    path("gestion/<int:attestation_id>/", views_admin.detail, name="admin_detail"),
    path("gestion/<int:attestation_id>/revoquer/", views_admin.revoke, name="revoke"),
    path("<str:code>/pdf/", views.download, name="download"),
    path("archives/", views.archive_request, name="archive_request"),
    path("archives/<int:archive_id>/", views.archive, name="archive"),
    path("archives/<int:archive_id>/zip/", views.archive_download, name="archive_download"),
]
