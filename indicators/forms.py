from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class PeriodForm(forms.Form):
    """The report's period: the plan's by default, a calendar year or custom dates."""

    year = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False, empty_value=None)
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    arrondissement = forms.ChoiceField(label=_("Territoire"), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        from territories.selectors import arrondissement_codes, arrondissement_name

        self.plan = plan
        years = range(plan.period_start.year, plan.period_end.year + 1)
        self.fields["year"].choices = [("", _("Toute la période du plan"))] + [
            (year, str(year)) for year in years
        ]
        self.fields["arrondissement"].choices = [("", _("Tout le territoire du plan"))] + [
            (code, _("Arrondissement : %(name)s") % {"name": arrondissement_name(code)})
            for code in arrondissement_codes(plan.departement_codes() or [])
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("La date de fin précède la date de début."))
        return data

    def territory(self) -> str:
        """The territory chosen ("" for the whole département, or when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return ""
        return self.cleaned_data.get("arrondissement") or ""

    def query(self) -> str:
        """The chosen period and territory as a query string, for links and exports."""
        from django.http import QueryDict

        start, end = self.period()
        query = QueryDict(mutable=True)
        query["start"], query["end"] = start.isoformat(), end.isoformat()
        if self.territory():
            query["arrondissement"] = self.territory()
        return query.urlencode()

    def period(self):
        """(start, end) chosen, or the plan's period when nothing (valid) was chosen."""
        from datetime import date

        plan = self.plan
        if not self.is_bound or not self.is_valid():
            return plan.period_start, plan.period_end
        data = self.cleaned_data
        if data.get("start") or data.get("end"):
            return data.get("start") or plan.period_start, data.get("end") or plan.period_end
        if data.get("year"):
            return date(data["year"], 1, 1), date(data["year"], 12, 31)
        return plan.period_start, plan.period_end


class ActivityKind:
    """A kind of activity an indicator can count, as a field of the indicator's form."""

    def __init__(self, field: str, prefix: str, label, help_text, queryset):
        self.field, self.prefix, self.label, self.help_text = field, prefix, label, help_text
        self.queryset = queryset  # called when the form is built: apps load after this one

    def form_field(self) -> forms.ModelMultipleChoiceField:
        # The queryset is set by the form's __init__: models of the apps are not
        # loaded yet when the form class is built.
        return forms.ModelMultipleChoiceField(
            label=self.label,
            help_text=self.help_text,
            queryset=None,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


def _modules():
    from courses.models import ModulePage

    return ModulePage.objects.order_by("title")


def _events():
    from events.models import Event

    return Event.objects.order_by("title")


def _offers():
    from placements.models import Offer

    return Offer.objects.select_related("institution").order_by("title")


ACTIVITY_KINDS = [
    ActivityKind(
        "modules",
        "module:",
        _("Modules comptés"),
        _(
            "Les personnes qui terminent ces modules comptent pour cet indicateur, une fois "
            "chacune. Un module peut compter pour plusieurs indicateurs, de plusieurs plans."
        ),
        _modules,
    ),
    ActivityKind(
        "events",
        "event:",
        _("Événements en présentiel comptés"),
        _(
            "Les personnes notées présentes à une session de ces événements comptent pour "
            "cet indicateur ; pour un indicateur « sessions tenues », chaque session tenue."
        ),
        _events,
    ),
    ActivityKind(
        "offers",
        "offer:",
        _("Offres de stage croisé comptées"),
        _(
            "Les stages réalisés au titre de ces offres comptent pour cet indicateur (les "
            "personnes accueillies, ou les stages pour un indicateur « stages organisés »)."
        ),
        _offers,
    ),
]


class IndicatorAdminForm(WagtailAdminModelForm):
    """The indicator's admin form, with the modules, events and placement offers it counts
    (its activity links)."""

    # Declared on the class: Wagtail's panels name them like model fields.
    modules = ACTIVITY_KINDS[0].form_field()
    events = ACTIVITY_KINDS[1].form_field()
    offers = ACTIVITY_KINDS[2].form_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = (
            list(self.instance.links.values_list("activity", flat=True)) if self.instance.pk else []
        )
        for kind in ACTIVITY_KINDS:
            self.fields[kind.field].queryset = kind.queryset()
            self.fields[kind.field].initial = [
                int(activity.removeprefix(kind.prefix))
                for activity in linked
                if activity.startswith(kind.prefix)
            ]

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            self._save_links()
        else:
            previous = self.save_m2m

            def save_m2m():
                previous()
                self._save_links()

            self.save_m2m = save_m2m
        return instance

    def _save_links(self) -> None:
        from .services import activity_links_set

        for kind in ACTIVITY_KINDS:
            activity_links_set(
                indicator=self.instance,
                prefix=kind.prefix,
                activities=[f"{kind.prefix}{item.pk}" for item in self.cleaned_data[kind.field]],
            )


class ManualValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicateur"), queryset=None)
    period_start = forms.DateField(label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Au"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Chiffre"), max_digits=12, decimal_places=2, min_value=0)
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Source du chiffre, précisions utiles au comité de pilotage."),
    )

    def __init__(self, *args, plan, **kwargs):
        from .constants import Measure
        from .models import Indicator

        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(
            plan=plan, measure=Measure.MANUAL
        ).order_by("fiche__rank", "rank")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} — {i.label}"[:150]

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            raise forms.ValidationError(_("La date de fin précède la date de début."))
        return data


class ParticipantsFileForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des participant·es"),
        help_text=_(
            "CSV (séparateur « ; »), XLSX ou ODS, 10 Mo au plus, colonnes "
            "email;nom;prenom;profession;institution;arrondissement;date;activite;type;"
            "indicateurs (date AAAA-MM-JJ, type sensibilisation ou formation, codes "
            "d'indicateurs séparés par « | »)."
        ),
    )

    def clean_file(self):
        from core.imports.reading import upload_check

        from .imports import LIMITS

        upload = self.cleaned_data["file"]
        upload_check(upload, limits=LIMITS)
        return upload


# Verbs a partner's platform sends when a person finished a training (ADL's registry).
PARTNER_VERBS = [
    ("http://adlnet.gov/expapi/verbs/completed", _("a terminé (completed)")),
    ("http://adlnet.gov/expapi/verbs/passed", _("a réussi (passed)")),
    ("http://adlnet.gov/expapi/verbs/attended", _("a assisté (attended)")),
]


class PartnerMappingForm(forms.Form):
    """Count a partner's activity (its IRI and a verb) for an indicator of the plan."""

    indicator = forms.ModelChoiceField(label=_("Indicateur"), queryset=None)
    partner = forms.ModelChoiceField(label=_("Partenaire"), queryset=None)
    activity_iri = forms.CharField(
        label=_("Identifiant de l'activité chez le partenaire (IRI)"),
        max_length=2000,
        help_text=_(
            "Tel qu'il figure dans les déclarations xAPI du partenaire, par exemple "
            "https://formation.partenaire.fr/modules/vif-accueil."
        ),
    )
    verb_iri = forms.ChoiceField(label=_("Verbe"), choices=PARTNER_VERBS)
    kind = forms.ChoiceField(label=_("Nature"))

    def __init__(self, *args, plan, **kwargs):
        from lrs.models import Partner

        from .constants import Measure, ParticipationKind
        from .models import Indicator

        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(
            plan=plan, measure=Measure.PEOPLE_TRAINED
        ).order_by("fiche__rank", "rank")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} — {i.label}"[:150]
        self.fields["partner"].queryset = Partner.objects.filter(is_active=True).order_by("name")
        self.fields["kind"].choices = ParticipationKind.choices
        self.fields["kind"].initial = ParticipationKind.FORMATION

    def clean_activity_iri(self):
        from lrs.selectors import is_iri

        value = self.cleaned_data["activity_iri"].strip()
        if not is_iri(value):
            raise forms.ValidationError(
                _("Saisissez l'identifiant complet, par exemple https://… ou urn:…")
            )
        return value

    def clean(self):
        from .models import PartnerActivityMapping, partner_activity_key

        data = super().clean()
        if data.get("indicator") and data.get("partner") and data.get("activity_iri"):
            key = partner_activity_key(
                data["partner"].pk, data["activity_iri"], data.get("verb_iri", "")
            )
            if PartnerActivityMapping.objects.filter(
                indicator=data["indicator"], activity=key
            ).exists():
                raise forms.ValidationError(
                    _("Cette activité du partenaire compte déjà pour cet indicateur.")
                )
        return data
