"""H5P packages uploaded by editors and the libraries they install (shared)."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import PackageStatus


def h5p_storage():
    # Uploads and extracted files hold library code and content meant for signed-in
    # people only: never under MEDIA_URL, served by courses.views.h5p_file.
    return storages["private"]


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


class H5PPackage(models.Model):
    """An uploaded .h5p file: validated on upload, extracted by a Celery task."""

    title = models.CharField(_("titre"), max_length=255, blank=True)
    file = models.FileField(_("fichier .h5p"), storage=h5p_storage, upload_to="h5p/uploads/%Y/%m/")
    status = models.CharField(
        _("état"), max_length=20, choices=PackageStatus.choices, default=PackageStatus.PENDING
    )
    error = models.TextField(_("erreur"), blank=True)
    main_library = models.CharField(_("bibliothèque principale"), max_length=160, blank=True)
    h5p_json = models.JSONField(_("h5p.json"), default=dict, blank=True)
    # Kept in the database for server-side re-scoring (the answer key) without disk reads.
    content_json = models.JSONField(_("content.json"), default=dict, blank=True)
    libraries = models.ManyToManyField(
        H5PLibrary, related_name="packages", blank=True, verbose_name=_("bibliothèques")
    )
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
        verbose_name = _("activité H5P")
        verbose_name_plural = _("activités H5P")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title or self.file.name

    @property
    def is_ready(self) -> bool:
        return self.status == PackageStatus.READY

    @property
    def content_path(self) -> str:
        """Path, relative to the private storage, of the extracted content (h5p.json, content/)."""
        return f"h5p/content/{self.pk}"
