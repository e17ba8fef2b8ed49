"""Events (awareness evenings, training days, webinars, seminars), their sessions,
registrations with a waiting list, attendance, and personal calendar feeds.

An event is authored in the Wagtail admin as a snippet with its sessions inline;
people register to a session. Registrations are never deleted: a cancelled one
keeps its row (and may be reactivated), so the history stays true.
"""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from accounts.constants import Profession
from core.validators import validate_single_line
from core.widgets import Select as QuickSelect
from courses.constants import Kind
from territories.validators import territory_errors

from .constants import (
    CHECKIN_OPENS_MINUTES,
    Attendance,
    EventKind,
    SessionState,
    Source,
    Status,
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class EventAdminForm(WagtailAdminModelForm):
    """Audiences are professions (accounts.constants.Profession), ticked in a list."""

    audiences = forms.MultipleChoiceField(
        label=_("publics admis"),
        choices=Profession.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Aucune case cochée : ouvert à toutes les professions."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisers" in self.fields:
            # Only trainers and administrators organise; never a list of every account.
            from accounts.constants import Role
            from accounts.selectors import users_with_role

            people = users_with_role(Role.TRAINER) | users_with_role(Role.ADMIN)
            self.fields["organisers"].queryset = people.distinct().order_by(
                "last_name", "first_name"
            )


class Event(ClusterableModel):
    title = models.CharField(_("intitulé"), max_length=255, validators=[validate_single_line])
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    nature = models.CharField(
        _("nature"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.SENSIBILISATION,
        help_text=_("Sensibilisation et formation sont comptées séparément."),
    )
    description = models.TextField(_("présentation"), blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("durée (minutes)"), help_text=_("Durée portée sur l'attestation de présence.")
    )
    audiences = models.JSONField(_("publics admis"), default=list, blank=True)
    follow_up_modules = ParentalManyToManyField(
        "courses.ModulePage",
        blank=True,
        related_name="+",
        verbose_name=_("modules de suite"),
        help_text=_("Les personnes présentes y sont inscrites et invitées par courriel."),
    )
    questionnaire = models.ForeignKey(
        "quizzes.Questionnaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("questionnaire de satisfaction"),
        help_text=_("Proposé aux personnes marquées présentes."),
    )
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organisateur·rices"),
        help_text=_("Elles et ils gèrent les inscriptions et l'émargement des sessions."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("créé par"),
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)

    base_form_class = EventAdminForm
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("nature"), FieldPanel("duration_minutes")]),
        FieldPanel("description"),
        FieldPanel("audiences"),
        FieldPanel("follow_up_modules"),
        FieldPanel("questionnaire"),
        FieldPanel("organisers"),
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
    ]
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def audience_labels(self) -> list[str]:
        labels = dict(Profession.choices)
        return [str(labels[code]) for code in self.audiences if code in labels]

    def admits(self, profession: str) -> bool:
        """True when the event is open to this profession (no audience: everyone)."""
        return not self.audiences or profession in self.audiences


class Session(Orderable):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    online_url = models.URLField(
        _("lien de connexion"), blank=True, help_text=_("Pour un webinaire ; sinon, le lieu.")
    )
    place = models.CharField(
        _("lieu"), max_length=200, blank=True, validators=[validate_single_line]
    )
    address = models.CharField(
        _("adresse"), max_length=255, blank=True, validators=[validate_single_line]
    )
    city = models.CharField(
        _("commune"), max_length=100, blank=True, validators=[validate_single_line]
    )
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département"),
    )
    arrondissement = models.ForeignKey(
        "territories.Arrondissement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("arrondissement"),
    )
    capacity = models.PositiveIntegerField(_("nombre de places"))
    registration_deadline = models.DateTimeField(
        _("date limite d'inscription"),
        null=True,
        blank=True,
        help_text=_("Vide : jusqu'au début de la session."),
    )
    registrations_open = models.BooleanField(_("inscriptions ouvertes"), default=True)
    checkin_opens_minutes = models.PositiveSmallIntegerField(
        _("ouverture de l'émargement par code QR (minutes avant le début)"),
        default=CHECKIN_OPENS_MINUTES,
    )
    checkin_token = models.CharField(
        _("jeton d'émargement"), max_length=64, unique=True, default=new_token, editable=False
    )
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)
    cancellation_reason = models.TextField(_("motif de l'annulation"), blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("departement", widget=QuickSelect)]),
                FieldPanel("arrondissement", widget=QuickSelect),
                FieldPanel("online_url"),
            ],
            heading=_("Lieu"),
        ),
        FieldRowPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_deadline"),
                FieldPanel("checkin_opens_minutes"),
            ]
        ),
        FieldPanel("registrations_open"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="events_session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.event.title} — {local:%d/%m/%Y %H:%M}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("La fin doit être après le début.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "La date limite d'inscription doit précéder le début de la session."
            )
        if not self.online_url and not self.city:
            errors["city"] = _("Indiquez la commune, ou le lien de connexion d'un webinaire.")
        errors.update(territory_errors(self))
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.city

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def deadline(self):
        return self.registration_deadline or self.starts_at

    @property
    def checkin_opens_at(self):
        return self.starts_at - timedelta(minutes=self.checkin_opens_minutes)

    def checkin_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.is_cancelled and self.checkin_opens_at <= now <= self.ends_at

    def state_at(self, now) -> SessionState:
        """The clock decides before the stored flags: a session over or under way is
        never open to registration, whatever `registrations_open` says."""
        if self.is_cancelled:
            return SessionState.CANCELLED
        if self.ends_at < now:
            return SessionState.OVER
        if self.starts_at <= now:
            return SessionState.IN_PROGRESS
        if not self.registrations_open or self.deadline < now:
            return SessionState.CLOSED
        return SessionState.OPEN

    @cached_property
    def state(self) -> SessionState:
        """The state now, for templates (one clock reading per session and request)."""
        return self.state_at(timezone.now())

    @property
    def has_started(self) -> bool:
        return self.state in (SessionState.IN_PROGRESS, SessionState.OVER)

    @property
    def is_over(self) -> bool:
        return self.state == SessionState.OVER

    @property
    def takes_registrations(self) -> bool:
        return self.state == SessionState.OPEN

    @property
    def checkin_phase(self) -> str:
        """ "open", "before" (not open yet) or "closed" (over or cancelled), for the QR
        page and the check-in page."""
        now = timezone.now()
        if self.is_cancelled or self.ends_at < now:
            return "closed"
        return "open" if self.checkin_is_open(now) else "before"

    @property
    def location_display(self) -> str:
        if self.is_online:
            return str(_("En ligne"))
        return ", ".join(part for part in (self.place, self.address, self.city) if part)


class Registration(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("participant·e"),
    )
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices)
    source = models.CharField(_("origine"), max_length=10, choices=Source.choices)
    # When the person took their place in the queue (registration, or re-registration):
    # the waiting list is served in this order.
    queued_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    promoted_at = models.DateTimeField(_("sortie de liste d'attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    attendance = models.CharField(
        _("présence"), max_length=10, choices=Attendance.choices, blank=True
    )
    attendance_marked_at = models.DateTimeField(_("présence notée le"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("présence notée par"),
    )
    checked_in_at = models.DateTimeField(_("émargement par code QR le"), null=True, blank=True)
    # Set once, the first time the person is marked present: the attestation,
    # follow-up enrolment, email and signal happen then, never twice.
    attendance_confirmed_at = models.DateTimeField(
        _("présence confirmée le"), null=True, blank=True
    )
    reminded_early_at = models.DateTimeField(_("rappel à deux jours le"), null=True, blank=True)
    reminded_eve_at = models.DateTimeField(_("rappel de la veille le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription à une session")
        verbose_name_plural = _("inscriptions aux sessions")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="events_registration_once_per_session"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.session}"

    @property
    def is_active(self) -> bool:
        return self.status in (Status.REGISTERED, Status.WAITLISTED)


class CalendarFeed(models.Model):
    """A person's secret address for their registrations as an iCalendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_calendar_feed",
        verbose_name=_("personne"),
    )
    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)

    class Meta:
        verbose_name = _("agenda personnel")
        verbose_name_plural = _("agendas personnels")

    def __str__(self) -> str:
        return str(self.user)
