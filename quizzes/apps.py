from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """Server-graded quizzes, pre/post tests and satisfaction questionnaires."""

    name = "quizzes"
    verbose_name = _("Quiz et évaluations")
    default_auto_field = "django.db.models.BigAutoField"
