from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Completion attestations (PDF) and their public verification."""

    name = "certificates"
    verbose_name = _("Attestations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter
        from accounts.signals import user_anonymised
        from core import file_jobs

        from . import selectors, services
        from .models import AttestationArchive

        file_jobs.register(AttestationArchive, build=services.archive_write)
        register_exporter("attestations", selectors.personal_data)
        user_anonymised.connect(
            lambda sender, user, **kwargs: services.attestations_erase_holder(user=user),
            dispatch_uid="certificates-erase-holder",
            weak=False,
        )
