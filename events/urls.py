from django.urls import path

from . import views, views_organiser

app_name = "events"

urlpatterns = [
    path("", views.session_list, name="list"),
    path("calendrier/", views.session_calendar, name="calendar"),
    path("calendrier/<int:year>/<int:month>/", views.session_calendar, name="calendar_month"),
    path("<int:session_id>/", views.session_detail, name="detail"),
    path("<int:session_id>/inscription/", views.register, name="register"),
    path("<int:session_id>/agenda.ics", views.session_ics, name="ics"),
    path("mes-inscriptions/", views.my_sessions, name="mine"),
    path(
        "mes-inscriptions/<int:registration_id>/annuler/",
        views.cancel_registration,
        name="cancel_registration",
    ),
    path("mes-inscriptions/agenda/", views.feed_reset, name="feed_reset"),
    path("agenda/<str:token>.ics", views.feed, name="feed"),
    path("emargement/<str:token>/", views.checkin, name="checkin"),
    # Organisers
    path("organisation/", views_organiser.my_organised_sessions, name="organised"),
    path("organisation/evenements/nouveau/", views_organiser.event_create, name="event_create"),
    path(
        "organisation/evenements/<int:event_id>/modifier/",
        views_organiser.event_edit,
        name="event_edit",
    ),
    path("organisation/<int:session_id>/", views_organiser.manage, name="manage"),
    path(
        "organisation/<int:session_id>/ajouter/",
        views_organiser.add_participant,
        name="add_participant",
    ),
    path(
        "organisation/<int:session_id>/import/",
        views_organiser.import_participants,
        name="import",
    ),
    path(
        "organisation/<int:session_id>/inscriptions/",
        views_organiser.set_registrations_open,
        name="set_open",
    ),
    path("organisation/<int:session_id>/annuler/", views_organiser.cancel_session, name="cancel"),
    path(
        "organisation/<int:session_id>/inscriptions/<int:registration_id>/annuler/",
        views_organiser.cancel_registration,
        name="organiser_cancel_registration",
    ),
    path("organisation/<int:session_id>/presence/", views_organiser.attendance, name="attendance"),
    path("organisation/<int:session_id>/code-qr/", views_organiser.qr_code, name="qr"),
    path(
        "organisation/<int:session_id>/feuille-emargement.pdf",
        views_organiser.signature_sheet,
        name="signature_sheet",
    ),
]
