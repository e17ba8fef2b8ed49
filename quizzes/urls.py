from django.urls import path

from . import views, views_questionnaires

app_name = "quizzes"

urlpatterns = [
    path("quiz/<int:quiz_id>/", views.quiz_detail, name="quiz_detail"),
    path("quiz/<int:quiz_id>/commencer/", views.quiz_start, name="quiz_start"),
    path("quiz/<int:quiz_id>/statistiques/", views.quiz_statistics, name="quiz_statistics"),
    path("quiz/<int:quiz_id>/import-gift/", views.gift_import, name="gift_import"),
    path("quiz/<int:quiz_id>/export-gift/", views.gift_export, name="gift_export"),
    path("tentatives/<int:attempt_id>/", views.attempt, name="attempt"),
    path(
        "questionnaires/<int:questionnaire_id>/<slug:kind>/<int:object_id>/",
        views_questionnaires.answer,
        name="questionnaire_answer",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/resultats/",
        views_questionnaires.results,
        name="questionnaire_results",
    ),
]
