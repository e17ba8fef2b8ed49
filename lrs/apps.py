from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LrsConfig(AppConfig):
    """xAPI 1.0.3 Learning Record Store for partners (statements, documents, about)."""

    name = "lrs"
    verbose_name = _("Entrepôt xAPI des partenaires")
    default_auto_field = "django.db.models.BigAutoField"
