"""Mandatory training: an assignment gives modules to a population, with a due date.

An `Obligation` is one person's duty to complete one module of an assignment, with
its due date; its status (to do, overdue, up to date…) is computed from the person's
completions when read, never stored, so it is always current. Reminders sent are
recorded once each (`ReminderSent`), which makes the beat task idempotent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_EXPIRY_NOTICE_DAYS,
    DEFAULT_OVERDUE_EVERY_DAYS,
    DEFAULT_OVERDUE_MAX,
    ReminderKind,
)


def default_remind_days_before() -> list[int]:
    from .constants import DEFAULT_REMIND_DAYS_BEFORE

    return list(DEFAULT_REMIND_DAYS_BEFORE)


class Assignment(models.Model):
    title = models.CharField(_("intitulé"), max_length=255)
    modules = models.ManyToManyField(
        "courses.ModulePage", related_name="assignments", verbose_name=_("modules obligatoires")
    )
    # The population: everyone matching every criterion given (professions AND
    # arrondissements AND institutions), plus the people of the imported roster. No
    # criterion and no roster: nobody.
    professions = models.JSONField(_("professions"), default=list, blank=True)
    arrondissements = models.JSONField(_("arrondissements"), default=list, blank=True)
    institutions = models.ManyToManyField(
        "accounts.Institution",
        blank=True,
        related_name="assignments",
        verbose_name=_("structures"),
    )
    due_date = models.DateField(_("échéance fixe"), null=True, blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("échéance en jours après l'affectation"), null=True, blank=True
    )
    # Recertification follows each module's validity period (the module page says when
    # a completion expires, and the learner restarts it there): one rule everywhere.
    recertify = models.BooleanField(
        _("à renouveler"),
        default=True,
        help_text=_(
            "Coché : un module redevient dû à la fin de sa durée de validité. Décoché : "
            "l'avoir terminé une fois suffit."
        ),
    )
    remind_days_before = models.JSONField(
        _("rappels avant l'échéance (jours)"), default=default_remind_days_before, blank=True
    )
    remind_on_due_date = models.BooleanField(_("rappel le jour de l'échéance"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("relance en retard tous les (jours)"), default=DEFAULT_OVERDUE_EVERY_DAYS
    )
    overdue_max = models.PositiveSmallIntegerField(
        _("nombre maximal de relances en retard"), default=DEFAULT_OVERDUE_MAX
    )
    expiry_notice_days = models.PositiveSmallIntegerField(
        _("prévenir avant l'expiration (jours)"), default=DEFAULT_EXPIRY_NOTICE_DAYS
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    class Meta:
        verbose_name = _("affectation obligatoire")
        verbose_name_plural = _("affectations obligatoires")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (self.due_date is None) == (self.due_days is None):
            raise ValidationError(
                _(
                    "Choisissez une échéance : une date fixe, ou un nombre de jours après "
                    "l'affectation."
                )
            )
        if any(not isinstance(day, int) or day < 1 for day in self.remind_days_before or []):
            raise ValidationError(
                {"remind_days_before": _("Des nombres de jours entiers et positifs.")}
            )

    def due_on(self, assigned_at) -> "date":  # noqa: F821 - datetime.date
        """The due date of a person assigned at `assigned_at` (Europe/Paris days)."""
        from datetime import timedelta

        if self.due_date is not None:
            return self.due_date
        return timezone.localdate(assigned_at) + timedelta(days=self.due_days or 0)


class RosterEntry(models.Model):
    """A person of an imported list; linked to their account when they have one."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="roster")
    email = models.EmailField(_("adresse électronique"))
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    profession = models.CharField(_("profession"), max_length=40, blank=True)
    institution = models.CharField(_("structure"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(_("invité·e le"), null=True, blank=True)
    created_at = models.DateTimeField(_("importé·e le"), default=timezone.now)

    class Meta:
        verbose_name = _("personne de la liste")
        verbose_name_plural = _("personnes de la liste")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "email"], name="assignments_roster_once_per_email"
            )
        ]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.email


class Obligation(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="obligations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="obligations"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="obligations"
    )
    assigned_at = models.DateTimeField(_("affectée le"), default=timezone.now)
    due_on = models.DateField(_("échéance"))

    class Meta:
        verbose_name = _("formation obligatoire d'une personne")
        verbose_name_plural = _("formations obligatoires des personnes")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "module"], name="assignments_obligation_once"
            )
        ]
        indexes = [models.Index(fields=["user", "module"]), models.Index(fields=["due_on"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.module}"


class ReminderSent(models.Model):
    """One reminder sent for an obligation; its key makes a second sending impossible."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("type"), max_length=10, choices=ReminderKind.choices)
    # What the reminder is about, e.g. "2026-03-01:14" (due date, days before).
    key = models.CharField(_("clé"), max_length=40)
    sent_at = models.DateTimeField(_("envoyé le"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("envoyé par"),
    )

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "kind", "key"], name="assignments_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.obligation} — {self.kind} {self.key}"
