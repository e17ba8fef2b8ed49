from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Cross-placements between institutions: offers, requests, conventions."""

    name = "placements"
    verbose_name = _("Stages croisés")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter
        from certificates import subjects as attestation_subjects

        from . import attestation_subjects as archive_rules
        from . import selectors

        register_exporter("stages_croises", selectors.personal_data)
        # Who may gather this app's attestations in a ZIP, and what they certify (the
        # presence Kind alone would print "Présence à une session" on a placement's).
        attestation_subjects.register(
            archive_rules.KIND, archive_rules.may_archive, nature=_("Stage croisé")
        )
