"""Departmental action plans: plan → axes → fiches action → indicators.

Every indicator has a stable code built from the plan's code, the fiche's number and
the indicator's rank in the fiche (`PDC-2019-1.2-3`): shown in the interface and used
by imports, exports and the API. Activities (modules, sessions, placement offers) are
linked to indicators here, on the indicators side, by their activity key
("module:12"), so no capability depends on how the report counts.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..constants import Measure, PlanStatus, Provenance
from ..forms import IndicatorAdminForm


class Plan(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        allow_unicode=False,
        help_text=_("Préfixe des codes d'indicateurs, par exemple PDC-2019 ou NORD-VIF-2023."),
    )
    name = models.CharField(_("intitulé"), max_length=255)
    # The plan's territory: a département (the usual case), a région, or neither for
    # a national plan. Its indicators count only the people of that territory
    # (selectors: the counting rule).
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("département"),
    )
    region = models.ForeignKey(
        "territories.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("région"),
        help_text=_("Pour un plan régional ; laisser vide pour un plan départemental."),
    )
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    status = models.CharField(
        _("état"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )

    class Meta:
        verbose_name = _("plan d'action")
        verbose_name_plural = _("plans d'action")
        ordering = ["-period_start", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(departement__isnull=True) | models.Q(region__isnull=True),
                name="indicators_plan_one_territory",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        """Saving a plan whose territory changed recounts its indicators (the rollup
        holds only the people of the plan's territory). Done here rather than in each
        writer (plan_load, the admin, a shell) so no path can forget it."""
        before = getattr(self, "_loaded_territory", None)
        super().save(*args, **kwargs)
        after = (self.departement_id, self.region_id)
        if before is not None and before != after:
            from ..services import plan_territory_changed

            plan_territory_changed(plan=self)
        self._loaded_territory = after

    @classmethod
    def from_db(cls, db, field_names, values):
        # Remember the territory as loaded: save() rebuilds the per-person rollup of
        # the plan's indicators only when it changes (no extra query).
        instance = super().from_db(db, field_names, values)
        instance._loaded_territory = (
            instance.__dict__.get("departement_id"),
            instance.__dict__.get("region_id"),
        )
        return instance

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("La fin de la période précède son début.")})
        if self.departement_id and self.region_id:
            raise ValidationError(
                {"region": _("Un plan couvre un département ou une région, pas les deux.")}
            )

    @property
    def territory(self) -> str:
        """What the plan covers, as printed: "Département du Nord (59)", "Région …", "France"."""
        if self.departement_id:
            return self.departement.label()
        if self.region_id:
            return self.region.label()
        return str(_("France entière"))

    def departement_codes(self) -> list[str] | None:
        """The départements whose people the plan counts; None for a national plan."""
        if self.departement_id:
            return [self.departement_id]
        if self.region_id:
            from territories.selectors import region_departement_codes

            return region_departement_codes(self.region_id)
        return None


class Axis(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="axes")
    number = models.CharField(_("numéro"), max_length=10)
    title = models.CharField(_("intitulé"), max_length=500)
    rank = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("axe")
        verbose_name_plural = _("axes")
        ordering = ["plan", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="indicators_axis_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan.code} — axe {self.number}"


class Fiche(models.Model):
    """A "fiche action" of the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="fiches")
    axis = models.ForeignKey(Axis, on_delete=models.CASCADE, related_name="fiches")
    number = models.CharField(_("numéro"), max_length=10)
    title = models.CharField(_("intitulé"), max_length=500)
    objective = models.TextField(_("objectif"), blank=True)
    pilot = models.CharField(_("pilote"), max_length=500, blank=True)
    partners = models.TextField(_("partenaires"), blank=True)
    rank = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches action")
        ordering = ["plan", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="indicators_fiche_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan.code} — fiche {self.number}"


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    fiche = models.ForeignKey(Fiche, on_delete=models.CASCADE, related_name="indicators")
    rank = models.PositiveSmallIntegerField(_("rang dans la fiche"))
    code = models.CharField(_("code"), max_length=60, unique=True, editable=False)
    label = models.CharField(_("intitulé"), max_length=500)
    measure = models.CharField(
        _("ce qui est compté"), max_length=30, choices=Measure.choices, default=Measure.MANUAL
    )
    target = models.DecimalField(
        _("valeur cible"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unité"), max_length=40, blank=True)
    # Written in the plan, or proposed by the platform (the Nord roadmap writes no
    # indicator: every one of its indicators is a proposal). Shown wherever the
    # indicator is: pages, admin, exports, bilan, API.
    provenance = models.CharField(
        _("provenance"),
        max_length=10,
        choices=Provenance.choices,
        default=Provenance.PROPOSED,
        help_text=_(
            "Issu du plan : le plan écrit cet indicateur. Proposé : le plan ne l'écrit pas, "
            "la plateforme le propose pour suivre une de ses actions."
        ),
    )
    plan_reference = models.CharField(
        _("référence dans le plan"),
        max_length=255,
        blank=True,
        help_text=_(
            "Où le plan écrit l'indicateur (page, section, fiche ou action) ; pour un "
            "indicateur proposé, l'action du plan qu'il suit, s'il y en a une."
        ),
    )

    base_form_class = IndicatorAdminForm
    panels = [
        FieldPanel("plan"),
        FieldPanel("fiche"),
        FieldPanel("rank"),
        FieldPanel("label"),
        FieldPanel("measure"),
        FieldPanel("target"),
        FieldPanel("unit"),
        FieldPanel("provenance", widget=forms.RadioSelect),
        FieldPanel("plan_reference"),
        # Form fields: the indicator's links to modules, events and placement offers.
        FieldPanel("modules"),
        FieldPanel("events"),
        FieldPanel("offers"),
    ]

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["plan", "fiche__rank", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["fiche", "rank"], name="indicators_indicator_rank")
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.label}"

    def save(self, *args, **kwargs):
        # The code is derived, never typed: imports, exports and the API rely on it.
        self.code = self.build_code(self.plan.code, self.fiche.number, self.rank)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.plan_reference = self.plan_reference.strip()
        if self.provenance == Provenance.PLAN and not self.plan_reference:
            raise ValidationError(
                {
                    "plan_reference": _(
                        "Indiquez où le plan écrit cet indicateur (page, section, fiche ou action)."
                    )
                }
            )

    @property
    def from_plan(self) -> bool:
        """Written in the plan (not a proposal of the platform)."""
        return self.provenance == Provenance.PLAN

    @staticmethod
    def build_code(plan_code: str, fiche_number: str, rank: int) -> str:
        return f"{plan_code}-{fiche_number}-{rank}"


class ActivityLink(models.Model):
    """An activity counted for an indicator: "module:12", later "session:3", "offer:5"."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links")
    activity = models.CharField(_("activité"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("activité liée")
        verbose_name_plural = _("activités liées")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "activity"], name="indicators_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} ← {self.activity}"
