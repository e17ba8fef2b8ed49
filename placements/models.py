"""Placement offers of host institutions, their slots, requests and the journal.

A professional requests one slot of an offer; the institution's managers accept
or refuse; an accepted request consumes a seat of the slot and gets a convention
(the standard agreement, a PDF kept in the private storage); both sides confirm;
the host finally records that the placement took place. Every change goes
through placements.services and leaves a PlacementEvent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.validators import validate_single_line

from .constants import ACTIVE_STATUSES, DEFAULT_CONFIDENTIALITY, EventAction, Status
from .dates import period, period_after_of


def _private_storage():
    # Conventions carry personal data: never under MEDIA_URL, served by a view that
    # checks who asks.
    return storages["private"]


def convention_upload_to(instance, filename: str) -> str:
    return f"conventions/{timezone.now():%Y/%m}/{instance.pk}-{filename}"


class Offer(models.Model):
    institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        related_name="placement_offers",
        verbose_name=_("structure d'accueil"),
    )
    # One line: it ends up in email subjects and calendar files.
    title = models.CharField(_("intitulé"), max_length=200, validators=[validate_single_line])
    description = models.TextField(
        _("déroulement"),
        help_text=_("Ce que la personne accueillie verra et fera pendant le stage."),
    )
    objectives = models.TextField(
        _("objectifs"), help_text=_("Repris dans la convention de stage.")
    )
    professions = models.ManyToManyField(
        "courses.Audience",
        blank=True,
        related_name="placement_offers",
        verbose_name=_("professions concernées"),
        help_text=_("Laissez vide pour ouvrir l'offre à toutes les professions."),
    )
    prerequisites = models.ManyToManyField(
        "courses.ModulePage",
        blank=True,
        related_name="placement_offers",
        verbose_name=_("modules prérequis"),
        help_text=_("Modules à avoir terminés avant de demander un stage."),
    )
    practical_info = models.TextField(
        _("informations pratiques"),
        blank=True,
        help_text=_("Horaires, lieu de rendez-vous, tenue, pièce d'identité…"),
    )
    confidentiality = models.TextField(_("confidentialité"), default=DEFAULT_CONFIDENTIALITY)
    is_published = models.BooleanField(_("publiée"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    # Listed in the Wagtail admin; no page references an offer or a request.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("offre de stage")
        verbose_name_plural = _("offres de stage")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["is_published", "institution"])]

    def __str__(self) -> str:
        return self.title


class Slot(models.Model):
    """One or several consecutive days of an offer, with a number of seats."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="slots", verbose_name=_("offre")
    )
    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))
    seats = models.PositiveSmallIntegerField(_("places"), default=1)

    class Meta:
        verbose_name = _("créneau")
        verbose_name_plural = _("créneaux")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="placements_slot_end_after_start",
                violation_error_message=_("Le dernier jour doit suivre le premier jour."),
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1),
                name="placements_slot_at_least_one_seat",
                violation_error_message=_("Un créneau compte au moins une place."),
            ),
        ]
        indexes = [models.Index(fields=["offer", "start_date"])]

    def __str__(self) -> str:
        return self.dates

    @property
    def dates(self) -> str:
        """ "jeudi 1er octobre 2026", "du 1er au 3 mars 2026"."""
        return period(self.start_date, self.end_date)

    @property
    def dates_after_of(self) -> str:
        """The dates after "le créneau", "le stage": "du jeudi 1er octobre 2026"."""
        return period_after_of(self.start_date, self.end_date)

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Le dernier jour doit suivre le premier jour.")})

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def remaining(self) -> int:
        """Seats still free; needs the `taken` annotation of the selectors."""
        return max(0, self.seats - getattr(self, "taken", 0))


class PlacementRequest(models.Model):
    slot = models.ForeignKey(
        Slot, on_delete=models.PROTECT, related_name="requests", verbose_name=_("créneau")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placement_requests",
        verbose_name=_("stagiaire"),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    motivation = models.TextField(_("motivation"), max_length=2000)
    # The professional's employer, as typed in the request: printed on the convention.
    employer_name = models.CharField(_("employeur"), max_length=200)
    employer_contact_name = models.CharField(_("contact chez l'employeur"), max_length=200)
    employer_email = models.EmailField(_("adresse électronique de l'employeur"))
    employer_phone = models.CharField(_("téléphone de l'employeur"), max_length=30)

    host_message = models.TextField(_("message de la structure d'accueil"), blank=True)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    professional_confirmed_at = models.DateTimeField(
        _("confirmé par le ou la stagiaire le"), null=True, blank=True
    )
    host_confirmed_at = models.DateTimeField(
        _("confirmé par la structure le"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("réalisé le"), null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    convention = models.FileField(
        _("convention"), storage=_private_storage, upload_to=convention_upload_to, blank=True
    )
    convention_generated_at = models.DateTimeField(
        _("convention générée le"), null=True, blank=True
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("demande de stage")
        verbose_name_plural = _("demandes de stage")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "user"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="placements_request_one_active_per_slot",
                violation_error_message=_("Vous avez déjà une demande en cours pour ce créneau."),
            )
        ]
        indexes = [models.Index(fields=["status", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.slot.offer} ({self.slot})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def reference(self) -> str:
        return f"SC-{self.pk:06d}"


class PlacementEvent(models.Model):
    """Journal of a request: who did what, when, with the host's messages."""

    request = models.ForeignKey(
        PlacementRequest,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("demande"),
    )
    action = models.CharField(_("action"), max_length=30, choices=EventAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )
    message = models.TextField(_("message"), blank=True)
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("événement d'une demande de stage")
        verbose_name_plural = _("journal des demandes de stage")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id} — {self.get_action_display()}"
