from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("offres/<int:offer_id>/", views.offer_detail, name="offer"),
    path("creneaux/<int:slot_id>/demander/", views.request_new, name="request_new"),
    path("mes-stages/", views.my_placements, name="mine"),
    path("demandes/<int:request_id>/", views.request_detail, name="request"),
    path("demandes/<int:request_id>/accepter/", views.request_accept, name="accept"),
    path("demandes/<int:request_id>/refuser/", views.request_refuse, name="refuse"),
    path("demandes/<int:request_id>/confirmer/", views.request_confirm, name="confirm"),
    path("demandes/<int:request_id>/realise/", views.request_complete, name="complete"),
    path("demandes/<int:request_id>/annuler/", views.request_cancel, name="cancel"),
    path("demandes/<int:request_id>/convention/", views.convention_download, name="convention"),
    path(
        "demandes/<int:request_id>/convention/generer/",
        views.convention_generate,
        name="convention_generate",
    ),
    path("mes-offres/", views.host_offers, name="host_offers"),
    path("mes-offres/nouvelle/", views.offer_edit, name="offer_new"),
    path("mes-offres/<int:offer_id>/modifier/", views.offer_edit, name="offer_edit"),
]
