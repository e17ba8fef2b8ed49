"""SCORM 1.2 and 2004 packages uploaded by editors, extracted to the private storage."""

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
