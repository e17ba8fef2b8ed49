"""SCORM 1.2 and 2004 packages uploaded by editors, extracted to the private storage."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .packages import UploadedPackage, h5p_storage


class ScormVersion(models.TextChoices):
    SCORM_12 = "1.2", "SCORM 1.2"
    SCORM_2004 = "2004", "SCORM 2004"


class ScormPackage(UploadedPackage):
    """An uploaded SCORM .zip: validated on upload, extracted by a Celery task.

    The upload and its extracted files (scorm/<pk>/) are in the private storage,
    like H5P's: never under MEDIA_URL. `manifest` keeps what imsmanifest.xml says
    that the player needs, so playing never parses the manifest again:
    {"identifier", "organization": {"identifier", "title"}, "scos": [{"identifier",
    "resource", "title", "launch_url", "mastery_score", "min_normalized_measure"}]},
    the SCOs in the organization's order; mastery_score (SCORM 1.2, 0 to 100) and
    min_normalized_measure (SCORM 2004, -1 to 1) are numbers or null.
    """

    file = models.FileField(
        _("fichier .zip"), storage=h5p_storage, upload_to="scorm/uploads/%Y/%m/", max_length=255
    )
    version = models.CharField(_("version SCORM"), max_length=8, choices=ScormVersion.choices)
    # SCORM 2004 only: 2, 3 or 4 when the manifest's schemaversion says; otherwise empty.
    edition = models.PositiveSmallIntegerField(_("édition SCORM 2004"), null=True, blank=True)
    manifest = models.JSONField(_("contenu du manifeste"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta(UploadedPackage.Meta):
        verbose_name = _("paquet SCORM")
        verbose_name_plural = _("paquets SCORM")

    @property
    def content_path(self) -> str:
        """Path, relative to the private storage, of the extracted files."""
        return f"scorm/{self.pk}"

    @property
    def scos(self) -> list[dict]:
        return list(self.manifest.get("scos", []))


class ScormAttempt(models.Model):
    """A learner's run-time data for one SCO of a SCORM package in one lesson.

    `cmi` keeps the data model as the run-time committed it (scorm-again's JSON),
    so a later launch resumes where the learner stopped; the columns beside it are
    read from it on every commit for the completion rule and the results. Scores
    and statuses come from the browser: the server cannot check them (the block
    says so, and only an editor's opt-in lets them decide a completion).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    sco = models.CharField(_("SCO"), max_length=255)
    # The latest commit of the current session, as the run-time sent it.
    cmi = models.JSONField(_("données d'exécution"), default=dict, blank=True)
    # Interactions (answers) of the earlier sessions: a new session's run-time
    # starts with none, so they are moved here when it launches.
    past_interactions = models.JSONField(_("interactions passées"), default=list, blank=True)
    # SCORM 2004's vocabularies; SCORM 1.2's lesson_status is read into both.
    completion_status = models.CharField(_("achèvement"), max_length=20, default="not attempted")
    success_status = models.CharField(_("réussite"), max_length=20, default="unknown")
    score_scaled = models.DecimalField(
        _("score déclaré"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    # Seconds of the sessions before the current one, and of the current one (its
    # session_time is cumulative within a session: it is folded in at the next launch).
    total_seconds = models.PositiveIntegerField(_("temps des sessions passées"), default=0)
    session_seconds = models.PositiveIntegerField(_("temps de la session"), default=0)
    commits = models.PositiveIntegerField(_("enregistrements"), default=0)
    launched_at = models.DateTimeField(_("dernier lancement"), null=True, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("suivi SCORM")
        verbose_name_plural = _("suivis SCORM")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "package", "sco"], name="courses_scormattempt_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.package} — {self.sco}"

    @property
    def completed(self) -> bool:
        return self.completion_status == "completed" or self.success_status == "passed"
