from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Action-plan indicators and the DDFE's reports of people trained."""

    name = "indicators"
    verbose_name = _("Indicateurs du plan d'action")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from datetime import timedelta

        from core import activity_panels, owned_files
        from courses.signals import module_completed

        from .constants import IMPORT_PREVIEWS

        owned_files.register(IMPORT_PREVIEWS, kept_for=timedelta(days=1))
        from core import file_jobs

        from . import exports, selectors, services
        from .models import ReportExport

        file_jobs.register(ReportExport, build=exports.report_export_write)

        activity_panels.register(
            activity_panels.ActivityPanel(
                key="indicators",
                template_name="indicators/activity_panel.html",
                get_context=selectors.activity_panel_context,
                order=50,
            )
        )
        from django.conf import settings
        from django.db.models.signals import post_save

        post_save.connect(
            services.on_user_saved,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="indicators-claim-participations",
        )
        module_completed.connect(
            services.on_module_completed, dispatch_uid="indicators-module-completed"
        )
        from events.signals import attendance_confirmed, attendance_withdrawn
        from placements.signals import placement_completed

        attendance_confirmed.connect(
            services.on_attendance_confirmed, dispatch_uid="indicators-attendance-confirmed"
        )
        attendance_withdrawn.connect(
            services.on_attendance_withdrawn, dispatch_uid="indicators-attendance-withdrawn"
        )
        placement_completed.connect(
            services.on_placement_completed, dispatch_uid="indicators-placement-completed"
        )
        from lrs.signals import statement_stored

        from . import partner_statements

        statement_stored.connect(
            partner_statements.on_statement_stored, dispatch_uid="indicators-xapi-statement"
        )
