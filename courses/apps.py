from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Modules (Wagtail pages), lessons, H5P activities, progress and completion."""

    name = "courses"
    verbose_name = _("Modules de formation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts.privacy import register_exporter
        from certificates import subjects as attestation_subjects
        from core import page_cache
        from core.dashboard import Panel, register_panel
        from quizzes import contexts as quiz_contexts
        from quizzes.signals import attempt_graded

        from . import attestation_subjects as archive_rules
        from . import quiz_contexts as module_contexts
        from .h5p.packages import h5p_package_files_delete
        from .models import H5PPackage, ScormPackage
        from .scorm.packages import scorm_package_files_delete
        from .selectors import learners, records

        quiz_contexts.register(module_contexts.KIND, module_contexts.provider)
        # Who may gather this app's attestations in a ZIP.
        attestation_subjects.register(archive_rules.KIND, archive_rules.may_archive)
        attempt_graded.connect(
            module_contexts.on_attempt_graded, dispatch_uid="courses-attempt-graded"
        )

        # Lesson bodies are cached with their H5P and SCORM blocks (title, status): a package
        # that becomes ready, or is renamed, shows at once.
        for signal in (post_save, post_delete):
            signal.connect(page_cache.bump, sender=H5PPackage, weak=False)
            signal.connect(page_cache.bump, sender=ScormPackage, weak=False)
        # A deleted package's upload and extracted files go once committed.
        post_delete.connect(
            h5p_package_files_delete,
            sender=H5PPackage,
            dispatch_uid="courses-h5p-package-files-delete",
        )
        post_delete.connect(
            scorm_package_files_delete,
            sender=ScormPackage,
            dispatch_uid="courses-scorm-package-files-delete",
        )

        register_panel(
            Panel(
                key="courses",
                template_name="courses/includes/dashboard_panel.html",
                get_context=lambda user: learners.my_trainings(user=user),
                order=10,
            )
        )
        register_exporter("formations", records.personal_data)
