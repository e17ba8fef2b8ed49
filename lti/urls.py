from django.urls import path

from . import views

app_name = "lti"

urlpatterns = [
    path("jwks/", views.jwks, name="jwks"),
    path("connexion/", views.login_initiation, name="login"),
    path("lancement/", views.launch, name="launch"),
    path("lien-profond/", views.deep_link_choose, name="deep_link_choose"),
    path(
        "inscription-dynamique/",
        views.dynamic_registration_invite,
        name="dynamic_registration_invite",
    ),
    path("inscription/<str:token>/", views.dynamic_registration, name="dynamic_registration"),
]
