from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Completion attestations (PDF) and their public verification."""

    name = "certificates"
    verbose_name = _("Attestations")
    default_auto_field = "django.db.models.BigAutoField"
