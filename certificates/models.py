"""Attestations, their audit trail, ZIP archives and who issues them in each territory.

An attestation certifies "something completed" (a title, a kind, a duration, a
date) and knows no module or session model: the caller gives a `source` (unique
per learner, e.g. "module-completion:42") and a `subject` grouping attestations
for bulk downloads (e.g. "module:7"). What it shows is copied at issue time, so a
later edit of the module never changes an attestation already delivered.
"""

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import FileJob

from . import subjects
from .constants import EventAction, Kind, RenderStatus


def _private_storage():
    # Attestations carry personal data: never under MEDIA_URL, served by views
    # that check who asks.
    return storages["private"]


def attestation_upload_to(instance, filename: str) -> str:
    return f"attestations/{instance.issued_at:%Y/%m}/{instance.code}.pdf"


class Attestation(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # an issued attestation is never silently deleted
        related_name="attestations",
        verbose_name=_("titulaire"),
    )
    source = models.CharField(_("origine"), max_length=100)
    subject = models.CharField(_("objet"), max_length=100, db_index=True)
    code = models.CharField(_("code"), max_length=20, unique=True)

    # Printed on the PDF, copied at issue time.
    holder_name = models.CharField(_("nom du titulaire"), max_length=300)
    profession = models.CharField(_("profession"), max_length=200, blank=True)
    title = models.CharField(_("intitulé"), max_length=255)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    duration_minutes = models.PositiveIntegerField(_("durée (minutes)"), null=True, blank=True)
    completed_at = models.DateTimeField(_("achevé le"))
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    valid_until = models.DateField(_("valable jusqu'au"), null=True, blank=True)
    # Who speaks for the activity's territory (certificates.selectors.issuers), copied too: a
    # later change of delegate or of settings does not rewrite a delivered attestation.
    issuer = models.CharField(_("service émetteur"), max_length=255)
    departement = models.CharField(_("territoire"), max_length=100, blank=True)
    signatory_name = models.CharField(_("nom du ou de la signataire"), max_length=200, blank=True)
    signatory_title = models.CharField(
        _("fonction du ou de la signataire"), max_length=200, blank=True
    )
    issued_in = models.CharField(_("lieu de signature"), max_length=100, blank=True)
    issued_at = models.DateTimeField(_("délivrée le"), default=timezone.now)

    # The PDF: rendered by a Celery task, again after a template change.
    render_status = models.CharField(
        _("état du PDF"),
        max_length=10,
        choices=RenderStatus.choices,
        default=RenderStatus.PENDING,
        db_index=True,
    )
    render_queued_at = models.DateTimeField(_("génération demandée le"), default=timezone.now)
    pdf = models.FileField(
        _("PDF"), storage=_private_storage, upload_to=attestation_upload_to, blank=True
    )
    rendered_at = models.DateTimeField(_("PDF généré le"), null=True, blank=True)
    render_count = models.PositiveIntegerField(_("nombre de générations"), default=0)
    render_error = models.TextField(_("erreur de génération"), blank=True)

    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("révoquée par"),
    )
    revocation_reason = models.TextField(_("motif de la révocation"), blank=True)

    # Listed in the Wagtail admin as a snippet, but no page or content references an
    # attestation: Wagtail's reference index would cost a scan of every field on
    # each save (a third of a render's overhead).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source"], name="certificates_attestation_unique_source"
            )
        ]
        permissions = [
            ("revoke_attestation", _("Peut révoquer une attestation")),
            ("regenerate_attestation", _("Peut régénérer les attestations")),
            ("export_attestation", _("Peut télécharger les attestations d'un module en ZIP")),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.holder_name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()

    @property
    def nature_display(self) -> str:
        """What it certifies, in words: the subject's own nature when its app registered
        one (a placement: "Stage croisé"), else the Kind ("Présence à une session")."""
        return subjects.nature_of(self.subject) or self.get_kind_display()

    @property
    def is_attendance(self) -> bool:
        return self.kind == Kind.ATTENDANCE

    @property
    def duration_display(self) -> str:
        minutes = self.duration_minutes or 0
        hours, rest = divmod(minutes, 60)
        if not hours:
            return ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest}
        if not rest:
            return ngettext("%(n)d heure", "%(n)d heures", hours) % {"n": hours}
        return _("%(h)d h %(m)02d") % {"h": hours, "m": rest}

    @property
    def is_ready(self) -> bool:
        return self.render_status == RenderStatus.READY and bool(self.pdf)


class AttestationEvent(models.Model):
    """Audit trail: issue, renders, revocation, who did what and why."""

    attestation = models.ForeignKey(
        Attestation, on_delete=models.CASCADE, related_name="events", verbose_name=_("attestation")
    )
    action = models.CharField(_("action"), max_length=20, choices=EventAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )
    message = models.TextField(_("détail"), blank=True)
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("événement d'une attestation")
        verbose_name_plural = _("journal des attestations")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.attestation.code} — {self.get_action_display()}"


class AttestationArchive(FileJob):
    """A ZIP of every attestation of one subject, built in the background (core.file_jobs)."""

    upload_folder = "attestations/archives"
    # The attestations carry names: the ZIP is a copy, kept a week.
    kept_for = timedelta(days=7)

    subject = models.CharField(_("objet"), max_length=100)
    title = models.CharField(_("intitulé"), max_length=255)

    class Meta(FileJob.Meta):
        verbose_name = _("archive d'attestations")
        verbose_name_plural = _("archives d'attestations")

    def __str__(self) -> str:
        return f"{self.title} ({self.created_at:%d/%m/%Y})"


class IssuerLevel(models.TextChoices):
    DEPARTEMENT = "departement", _("département")
    REGION = "region", _("région")
    NATIONAL = "national", _("national")


class IssuerProfile(models.Model):
    """Who speaks for one territory on attestations, conventions and reports.

    One profile per département, per région, and at most one national profile;
    certificates.selectors.issuers.issuer_for() picks the département's, else its région's,
    else the national one, else a text built from the territory's name. Edited by
    the territory's delegates (certificates.views_issuers), so a DDFE signs for
    her département only.
    """

    level = models.CharField(_("niveau"), max_length=12, choices=IssuerLevel.choices)
    departement = models.OneToOneField(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issuer_profile",
        verbose_name=_("département"),
    )
    region = models.OneToOneField(
        "territories.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issuer_profile",
        verbose_name=_("région"),
    )
    issuer = models.CharField(
        _("service émetteur"),
        max_length=255,
        help_text=_("Par exemple : Délégation départementale aux droits des femmes et à l'égalité"),
    )
    signatory_name = models.CharField(_("nom du ou de la signataire"), max_length=200, blank=True)
    signatory_title = models.CharField(
        _("fonction du ou de la signataire"), max_length=200, blank=True
    )
    city = models.CharField(
        _("lieu de signature"),
        max_length=100,
        blank=True,
        help_text=_("Imprimé « Fait à … » ; laissez vide pour ne pas l'imprimer."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modifié par"),
    )

    class Meta:
        verbose_name = _("service émetteur d'un territoire")
        verbose_name_plural = _("services émetteurs des territoires")
        constraints = [
            # The level says which territory column is filled, and only that one.
            models.CheckConstraint(
                condition=(
                    models.Q(level="departement", departement__isnull=False, region__isnull=True)
                    | models.Q(level="region", departement__isnull=True, region__isnull=False)
                    | models.Q(level="national", departement__isnull=True, region__isnull=True)
                ),
                name="certificates_issuerprofile_level_territory",
            ),
            models.UniqueConstraint(
                fields=["level"],
                condition=models.Q(level="national"),
                name="certificates_issuerprofile_one_national",
            ),
        ]

    def __str__(self) -> str:
        return self.issuer
