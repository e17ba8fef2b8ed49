from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.assignment_list, name="list"),
    path("mon-unite/", views.unit, name="unit"),
    path("nouvelle/", views.assignment_edit, name="create"),
    path("<int:assignment_id>/", views.assignment_detail, name="detail"),
    path("<int:assignment_id>/modifier/", views.assignment_edit, name="edit"),
    path("<int:assignment_id>/liste/", views.roster_import, name="roster_import"),
]
