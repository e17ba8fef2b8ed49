from django.urls import path

from . import learner_views, results_views, views

app_name = "courses"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("mes-formations/", views.my_trainings, name="my_trainings"),
    path("modules/<int:module_id>/inscription/", views.enrol, name="enrol"),
    path("modules/<int:module_id>/recommencer/", views.restart, name="restart"),
    path(
        "modules/<int:module_id>/apprenants/", learner_views.module_learners, name="module_learners"
    ),
    path("lecons/<int:lesson_id>/commencer/", views.lesson_start, name="lesson_start"),
    path("lecons/<int:lesson_id>/terminer/", views.lesson_complete, name="lesson_complete"),
    path("h5p/<int:package_id>/lecons/<int:lesson_id>/etat/", views.h5p_state, name="h5p_state"),
    path("h5p/<int:package_id>/lecons/<int:lesson_id>/xapi/", views.h5p_xapi, name="h5p_xapi"),
    path("h5p/fichiers/<path:path>", views.h5p_file, name="h5p_file"),
    path("h5p/<int:package_id>/paquet/", views.h5p_package_download, name="h5p_package_download"),
    path(
        "h5p/<int:package_id>/resultats/",
        results_views.activity_results,
        name="activity_results",
    ),
    path(
        "modules/<int:module_id>/resultats-activites/",
        results_views.module_activity_results,
        name="module_activity_results",
    ),
]
