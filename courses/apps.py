from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Modules (Wagtail pages), lessons, H5P activities, progress and completion."""

    name = "courses"
    verbose_name = _("Modules de formation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter
        from core.dashboard import Panel, register_panel

        from . import selectors

        register_panel(
            Panel(
                key="courses",
                template_name="courses/includes/dashboard_panel.html",
                get_context=lambda user: selectors.my_trainings(user=user),
                order=10,
            )
        )
        register_exporter("formations", selectors.personal_data)
