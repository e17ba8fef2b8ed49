"""What every uploaded package (H5P, SCORM) has: who sent it, its state, its error."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import PackageStatus


def h5p_storage():
    # Uploads and extracted files (H5P and SCORM) hold code and content meant for
    # signed-in people only: never under MEDIA_URL, served by courses.views.h5p_file
    # and courses.views.scorm_file. The name stays: migrations refer to it.
    return storages["private"]


class UploadedPackage(models.Model):
    """An editor's upload, validated at once and extracted by a Celery task.

    Subclasses declare `file` (its label and folder differ) and `content_path`.
    """

    title = models.CharField(_("titre"), max_length=255, blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=PackageStatus.choices, default=PackageStatus.PENDING
    )
    error = models.TextField(_("erreur"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("téléversé par"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    extracted_at = models.DateTimeField(_("extrait le"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title or self.file.name

    @property
    def is_ready(self) -> bool:
        return self.status == PackageStatus.READY
