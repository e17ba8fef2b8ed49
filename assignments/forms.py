from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.constants import Profession
from core.imports.reading import upload_check
from territories.forms import arrondissement_choices
from territories.scopes import NATIONAL

from .imports import LIMITS
from .models import Assignment


class DaysListField(forms.CharField):
    """ "14, 3" → [14, 3]: the days before the due date when reminders leave."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return []
        try:
            days = sorted(
                {int(part) for part in value.replace(";", ",").split(",") if part.strip()}
            )
        except ValueError:
            raise forms.ValidationError(
                _("Indiquez des nombres de jours séparés par des virgules, par exemple « 14, 3 ».")
            ) from None
        if any(day < 1 or day > 365 for day in days):
            raise forms.ValidationError(_("Chaque nombre de jours va de 1 à 365."))
        return sorted(days, reverse=True)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(day) for day in value)
        return value


class AssignmentForm(forms.ModelForm):
    modules = forms.ModelMultipleChoiceField(
        label=_("Modules obligatoires"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    professions = forms.MultipleChoiceField(
        label=_("Professions concernées"),
        help_text=_(
            "Sans profession, arrondissement ni structure cochés, seules les personnes de la "
            "liste importée sont concernées."
        ),
        choices=Profession.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    arrondissements = forms.MultipleChoiceField(
        label=_("Arrondissements concernés"),
        help_text=_("Aucune case cochée : tout le territoire."),
        choices=arrondissement_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    institutions = forms.ModelMultipleChoiceField(
        label=_("Structures concernées"),
        help_text=_("Aucune case cochée : toutes les structures."),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    remind_days_before = DaysListField(
        label=_("Rappels avant l'échéance (jours)"),
        help_text=_("Par exemple « 14, 3 » : quatorze jours puis trois jours avant."),
        required=False,
    )

    class Meta:
        model = Assignment
        fields = [
            "title",
            "modules",
            "professions",
            "arrondissements",
            "due_date",
            "due_days",
            "institutions",
            "recertify",
            "remind_days_before",
            "remind_on_due_date",
            "overdue_every_days",
            "overdue_max",
            "expiry_notice_days",
            "active",
        ]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, scope=NATIONAL, **kwargs):
        from courses.models import ModulePage

        super().__init__(*args, **kwargs)
        from accounts.models import Institution

        # A delegate assigns within her territories: the arrondissements and structures
        # offered are those of her départements (all of them for the national service).
        self.scope = scope
        codes = scope.departement_codes()
        self.fields["modules"].queryset = ModulePage.objects.live().order_by("title")
        institutions = Institution.objects.order_by("name")
        if codes is not None:
            institutions = institutions.filter(departement_id__in=codes)
            self.fields["arrondissements"].choices = arrondissement_choices(codes)
            self.fields["arrondissements"].help_text = _(
                "Aucune case cochée : tous les arrondissements de vos départements."
            )
        self.fields["institutions"].queryset = institutions

    def clean_arrondissements(self):
        """A delegate's "whole territory" is her départements' arrondissements, written
        out: the population of her assignment stays within her territories."""
        chosen = self.cleaned_data["arrondissements"]
        codes = self.scope.departement_codes()
        if chosen or codes is None:
            return chosen
        from territories.selectors import arrondissement_codes

        return list(arrondissement_codes(codes))


class RosterFileForm(forms.Form):
    file = forms.FileField(
        label=_("Liste des personnes (CSV, XLSX ou ODS)"),
        help_text=_(
            "Colonnes email;nom;prenom;profession;institution — une ligne par personne, "
            "profession en toutes lettres (« Police nationale ») ou par son code. Un aperçu "
            "est montré avant tout enregistrement."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(upload, limits=LIMITS)
        return upload
