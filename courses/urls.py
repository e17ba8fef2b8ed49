from django.urls import path

from . import learner_views, results_views, scorm_views, views

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
        "scorm/<int:package_id>/lecons/<int:lesson_id>/sco/<int:sco_index>/lancer/",
        scorm_views.scorm_launch,
        name="scorm_launch",
    ),
    path("scorm/enregistrer/<str:token>/", scorm_views.scorm_commit, name="scorm_commit"),
    path(
        "scorm/<int:package_id>/paquet/",
        scorm_views.scorm_package_download,
        name="scorm_package_download",
    ),
    path("scorm/fichiers/<int:package_id>/<path:path>", scorm_views.scorm_file, name="scorm_file"),
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
