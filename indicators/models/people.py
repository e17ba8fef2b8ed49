"""What the indicators count: participations (one person trained by one activity on
one day), figures entered by hand, and the per-person roll-ups (indicators.rollup)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import Channel, ParticipationKind
from .plans import Indicator


class Participation(models.Model):
    """One person trained by one activity on one day: what indicators count.

    Written when a module is completed (later: attendance, placements, imports of
    partners' trainings). The person's profile is copied as it was that day, so
    counts do not move when someone changes profession or arrondissement, and the
    row stays when an account is anonymised (the user is kept, without identity).
    """

    # "user:12" for a platform account; imported people without an account get
    # their own key. Distinct people are distinct keys.
    person_key = models.CharField(_("personne"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activity = models.CharField(_("activité"), max_length=100)
    activity_title = models.CharField(_("intitulé de l'activité"), max_length=255)
    # Unique: recording the same completion twice keeps one row.
    source = models.CharField(_("origine"), max_length=150, unique=True)
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("nature"), max_length=20, choices=ParticipationKind.choices)
    channel = models.CharField(_("modalité"), max_length=20, choices=Channel.choices)
    profession = models.CharField(_("profession"), max_length=40, blank=True)
    employer = models.CharField(_("employeur"), max_length=200, blank=True)
    # The person's territory that day: what the territories' counts read.
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,  # in the (departement, occurred_on) index below
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
    # Where an in-person activity took place (the session's département, the host
    # institution's); empty online. Counts of sessions and placements read it.
    place_departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département du lieu"),
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        indexes = [
            models.Index(fields=["activity", "occurred_on"]),
            models.Index(fields=["occurred_on"]),
            models.Index(fields=["person_key"]),
            models.Index(fields=["departement", "occurred_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.person_key} — {self.activity} ({self.occurred_on})"


class ManualValue(models.Model):
    """A figure the platform cannot measure, entered by the DDFE for a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="manual_values")
    period_start = models.DateField(_("du"))
    period_end = models.DateField(_("au"))
    value = models.DecimalField(_("chiffre"), max_digits=12, decimal_places=2)
    comment = models.TextField(_("commentaire"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("saisi par"),
    )
    entered_at = models.DateTimeField(_("saisi le"), auto_now_add=True)

    class Meta:
        verbose_name = _("chiffre saisi")
        verbose_name_plural = _("chiffres saisis")
        ordering = ["-entered_at"]

    def __str__(self) -> str:
        return f"{self.indicator.code} : {self.value}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("La fin de la période précède son début.")})


class IndicatorPerson(models.Model):
    """The months in which one person was trained for one indicator (indicators.rollup)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    person_key = models.CharField(max_length=100)
    months_0 = models.BigIntegerField(default=0)
    months_1 = models.BigIntegerField(default=0)
    months_2 = models.BigIntegerField(default=0)
    months_3 = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "person_key"], name="indicators_indicatorperson_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} — {self.person_key}"


class TerritoryPerson(models.Model):
    """The months in which one person was trained while working in one territory
    ("D59", "R32", "FR"), in total (dimension "") or under one profession ("p:…") or
    channel ("c:…"): what the regional and national roll-ups count (indicators.rollup)."""

    territory = models.CharField(max_length=4)
    dimension = models.CharField(max_length=60, blank=True)
    person_key = models.CharField(max_length=100)
    months_0 = models.BigIntegerField(default=0)
    months_1 = models.BigIntegerField(default=0)
    months_2 = models.BigIntegerField(default=0)
    months_3 = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "dimension", "person_key"],
                name="indicators_territoryperson_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.territory} {self.dimension} — {self.person_key}"
