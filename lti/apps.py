from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    """Égide as an LTI 1.3 tool: partner platforms (Mentor, Moodle) launch its modules,
    pick them by deep linking and receive their scores (Assignment and Grade Services).

    The protocol itself (registrations, deployments, launch validation, keys) is
    django-lti (`lti_tool`, on pylti1p3); this app joins it to accounts and modules.
    """

    name = "lti"
    verbose_name = _("LTI (plateformes partenaires)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter
        from accounts.signals import user_anonymised
        from courses.signals import module_completed

        from . import selectors, services

        module_completed.connect(services.on_module_completed, dispatch_uid="lti-module-completed")
        register_exporter("plateformes_lti", selectors.personal_data)
        user_anonymised.connect(services.on_user_anonymised, dispatch_uid="lti-user-anonymised")
