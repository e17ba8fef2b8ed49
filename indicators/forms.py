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
        from accounts.constants import ARRONDISSEMENTS

        self.plan = plan
        years = range(plan.period_start.year, plan.period_end.year + 1)
        self.fields["year"].choices = [("", _("Toute la période du plan"))] + [
            (year, str(year)) for year in years
        ]
        self.fields["arrondissement"].choices = [("", _("Tout le département"))] + [
            (value, _("Arrondissement de %(name)s") % {"name": name})
            for value, name in ARRONDISSEMENTS.get(plan.departement, [])
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


class IndicatorAdminForm(WagtailAdminModelForm):
    """The indicator's admin form, with the modules it counts (its activity links)."""

    modules = forms.ModelMultipleChoiceField(
        label=_("Modules comptés"),
        help_text=_(
            "Les personnes qui terminent ces modules comptent pour cet indicateur, une fois "
            "chacune. Un module peut compter pour plusieurs indicateurs, de plusieurs plans."
        ),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        from courses.models import ModulePage

        super().__init__(*args, **kwargs)
        self.fields["modules"].queryset = ModulePage.objects.order_by("title")
        if self.instance.pk:
            self.fields["modules"].initial = [
                int(activity.split(":", 1)[1])
                for activity in self.instance.links.filter(
                    activity__startswith=MODULE_PREFIX
                ).values_list("activity", flat=True)
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

        activity_links_set(
            indicator=self.instance,
            prefix=MODULE_PREFIX,
            activities=[f"{MODULE_PREFIX}{module.pk}" for module in self.cleaned_data["modules"]],
        )


MODULE_PREFIX = "module:"


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


IMPORT_MAX_BYTES = 10 * 1024 * 1024


class ParticipantsFileForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des participant·es"),
        help_text=_(
            "CSV (séparateur « ; ») ou XLSX, 10 Mo au plus, colonnes "
            "email;nom;prenom;profession;institution;arrondissement;date;activite;type;"
            "indicateurs (date AAAA-MM-JJ, type sensibilisation ou formation, codes "
            "d'indicateurs séparés par « | »)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(
                _("Format non pris en charge : envoyez un fichier .csv ou .xlsx.")
            )
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Fichier trop volumineux : 10 Mo au plus."))
        return upload
