from django import forms
from django.utils.translation import gettext_lazy as _


class PeriodForm(forms.Form):
    """The report's period: the plan's by default, a calendar year or custom dates."""

    year = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False, empty_value=None)
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        years = range(plan.period_start.year, plan.period_end.year + 1)
        self.fields["year"].choices = [("", _("Toute la période du plan"))] + [
            (year, str(year)) for year in years
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("La date de fin précède la date de début."))
        return data

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
