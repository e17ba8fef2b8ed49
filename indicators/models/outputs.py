"""What leaves the platform: report exports built in the background and the keys of
the read-only API."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import FileJob

from ..constants import ExportFormat
from .plans import Plan


class ApiToken(models.Model):
    """A DDFE's key for the read-only API (scripts, the prefecture's dashboards).

    Only a SHA-256 digest is stored: the key is shown once, when it is created.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="indicator_api_tokens"
    )
    name = models.CharField(_("nom"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("début de la clé"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("clé d'API")
        verbose_name_plural = _("clés d'API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ReportExport(FileJob):
    """A report export (PDF bilan, detailed workbook) built in the background
    (core.file_jobs). Aggregates, but of named plans for a period: only their
    requester downloads them."""

    upload_folder = "indicators/exports"
    kept_for = timedelta(days=30)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    period_start = models.DateField(_("du"))
    period_end = models.DateField(_("au"))
    arrondissement = models.ForeignKey(
        "territories.Arrondissement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("arrondissement"),
    )

    class Meta(FileJob.Meta):
        verbose_name = _("export de rapport")
        verbose_name_plural = _("exports de rapports")

    def __str__(self) -> str:
        return f"{self.plan.code} {self.get_format_display()} ({self.created_at:%d/%m/%Y})"
