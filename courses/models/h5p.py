"""H5P packages uploaded by editors and the libraries they install (shared)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .packages import UploadedPackage, h5p_storage


class H5PLibrary(models.Model):
    """One installed H5P library version, stored once in h5p/libraries/<folder>/ (private).

    Packages of the same major.minor share it; a package with a higher patch
    version upgrades it in place (H5P guarantees patch releases are compatible).
    """

    machine_name = models.CharField(_("nom machine"), max_length=127)
    major_version = models.PositiveSmallIntegerField(_("version majeure"))
    minor_version = models.PositiveSmallIntegerField(_("version mineure"))
    patch_version = models.PositiveSmallIntegerField(_("correctif"))
    title = models.CharField(_("titre"), max_length=255)
    runnable = models.BooleanField(_("exécutable"), default=False)
    library_json = models.JSONField(_("library.json"), default=dict)
    installed_at = models.DateTimeField(_("installée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("bibliothèque H5P")
        verbose_name_plural = _("bibliothèques H5P")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="courses_h5plibrary_unique_version",
            )
        ]
        permissions = [
            ("install_h5plibrary", _("Peut installer ou mettre à jour des bibliothèques H5P")),
        ]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PPackage(UploadedPackage):
    """An uploaded .h5p file: validated on upload, extracted by a Celery task."""

    file = models.FileField(_("fichier .h5p"), storage=h5p_storage, upload_to="h5p/uploads/%Y/%m/")
    main_library = models.CharField(_("bibliothèque principale"), max_length=160, blank=True)
    h5p_json = models.JSONField(_("h5p.json"), default=dict, blank=True)
    # Kept in the database for server-side re-scoring (the answer key) without disk reads.
    content_json = models.JSONField(_("content.json"), default=dict, blank=True)
    libraries = models.ManyToManyField(
        H5PLibrary, related_name="packages", blank=True, verbose_name=_("bibliothèques")
    )

    class Meta(UploadedPackage.Meta):
        verbose_name = _("activité H5P")
        verbose_name_plural = _("activités H5P")

    @property
    def content_path(self) -> str:
        """Path, relative to the private storage, of the extracted content (h5p.json, content/)."""
        return f"h5p/content/{self.pk}"
