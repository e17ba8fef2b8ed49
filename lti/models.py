"""What Égide keeps about launches beyond django-lti's tables: where to send a score.

django-lti (`lti_tool`) stores registrations, deployments, platform users (with the
Égide account they were matched to), contexts and resource links. A grade target is
the Assignment and Grade Services endpoint a launch handed over for one person and
one module: the module's completion is posted there (tasks.score_send).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GradeTarget(models.Model):
    """The line item of a resource link a person launched a module from."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lti_grade_targets",
        verbose_name=_("personne"),
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="lti_grade_targets",
        verbose_name=_("module"),
    )
    registration = models.ForeignKey(
        "lti_tool.LtiRegistration",
        on_delete=models.CASCADE,
        related_name="grade_targets",
        verbose_name=_("plateforme"),
    )
    deployment_id = models.CharField(_("déploiement"), max_length=255)
    # The platform's identifier of the person ("sub"): the score's userId.
    platform_user_id = models.CharField(_("identifiant sur la plateforme"), max_length=255)
    resource_link_id = models.CharField(_("lien de ressource"), max_length=255)
    # The AGS claim as the launch gave it (scopes, lineitem or lineitems URL).
    ags_claim = models.JSONField(_("service des notes"))
    launched_at = models.DateTimeField(_("dernier lancement"), auto_now=True)
    score_sent_at = models.DateTimeField(_("note envoyée le"), null=True, blank=True)
    score_error = models.TextField(_("dernière erreur d'envoi"), blank=True)

    class Meta:
        verbose_name = _("destination de note LTI")
        verbose_name_plural = _("destinations de notes LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "platform_user_id", "resource_link_id"],
                name="lti_gradetarget_unique_link",
            )
        ]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.module_id} ({self.resource_link_id})"
