from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import selectors as account_selectors
from accounts.constants import InstitutionKind, Profession
from core.widgets import Select as QuickSelect
from courses.models import ModulePage
from territories.models import Departement

from .models import Offer, PlacementRequest, Slot


def _territory_choices() -> tuple[list, list]:
    """The départements, and their arrondissements grouped by département, from one
    query (a left join: Mayotte has no arrondissement but is a département)."""
    departements: dict[str, str] = {}
    groups: dict[str, list] = {}
    rows = (
        Departement.objects.filter(active=True)
        .filter(Q(arrondissements__active=True) | Q(arrondissements=None))
        .values_list("code", "name", "arrondissements__code", "arrondissements__name")
        .order_by("code", "arrondissements__code")
    )
    for code, name, arrondissement, arrondissement_name in rows:
        label = f"{code} – {name}"
        departements[code] = label
        if arrondissement:
            groups.setdefault(label, []).append((arrondissement, arrondissement_name))
    return list(departements.items()), list(groups.items())


class CatalogueFilterForm(forms.Form):
    # Both filters: a visitor of another département looks for hers first, then
    # narrows to an arrondissement (grouped by département in the list).
    departement = forms.ChoiceField(label=_("Département"), required=False, widget=QuickSelect)
    arrondissement = forms.ChoiceField(
        label=_("Arrondissement"), required=False, widget=QuickSelect
    )
    kind = forms.ChoiceField(
        label=_("Type de structure"),
        required=False,
        choices=[("", _("Tous les types")), *InstitutionKind.choices],
    )
    day = forms.DateField(
        label=_("À partir du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    profession = forms.ChoiceField(
        label=_("Profession"),
        required=False,
        choices=[("", _("Toutes les professions")), *Profession.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        departements, arrondissements = _territory_choices()
        self.fields["departement"].choices = [("", _("Tous les départements")), *departements]
        self.fields["arrondissement"].choices = [
            ("", _("Tous les arrondissements")),
            *arrondissements,
        ]
        # accounts/static/accounts/arrondissement-filter.js narrows the list.
        self.fields["arrondissement"].widget.attrs["data-filtre-departement"] = ""


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = [
            "institution",
            "title",
            "description",
            "objectives",
            "professions",
            "prerequisites",
            "practical_info",
            "confidentiality",
            "is_published",
        ]
        widgets = {
            "professions": forms.CheckboxSelectMultiple,
            "prerequisites": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "practical_info": forms.Textarea(attrs={"rows": 3}),
            "confidentiality": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"is_published": _("Publier l'offre dans le catalogue")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = account_selectors.institutions_managed_by(user)
        self.fields["institution"].empty_label = None
        self.fields["prerequisites"].queryset = ModulePage.objects.live().order_by("title")
        self.fields["prerequisites"].required = False


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["start_date", "end_date", "seats"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Le dernier jour doit suivre le premier jour."))
        taken = getattr(self.instance, "taken", 0)
        seats = cleaned.get("seats")
        if self.instance.pk and seats is not None and seats < taken:
            self.add_error(
                "seats",
                ngettext(
                    "%(taken)s place est déjà attribuée sur ce créneau.",
                    "%(taken)s places sont déjà attribuées sur ce créneau.",
                    taken,
                )
                % {"taken": taken},
            )
        return cleaned


class BaseSlotFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.requests.exists():
                raise forms.ValidationError(
                    _("Un créneau qui a déjà des demandes ne peut pas être supprimé.")
                )


SlotFormSet = inlineformset_factory(
    Offer,
    Slot,
    form=SlotForm,
    formset=BaseSlotFormSet,
    extra=1,
    min_num=1,
    validate_min=True,
    can_delete=True,
)


class RequestForm(forms.ModelForm):
    class Meta:
        model = PlacementRequest
        fields = [
            "motivation",
            "employer_name",
            "employer_contact_name",
            "employer_email",
            "employer_phone",
        ]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "motivation": _("Votre motivation"),
            "employer_name": _("Votre employeur"),
            "employer_contact_name": _("Nom de la personne à contacter chez votre employeur"),
            "employer_email": _("Son adresse électronique"),
            "employer_phone": _("Son numéro de téléphone"),
        }
        help_texts = {
            "motivation": _(
                "Quelques lignes : ce que vous attendez de ce stage (2 000 caractères au plus)."
            ),
            "employer_name": _("Il figurera sur la convention de stage."),
        }

    def clean_employer_phone(self):
        phone = self.cleaned_data["employer_phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if len(digits) < 10 or any(c not in "0123456789 +.-()" for c in phone):
            raise forms.ValidationError(
                _("Indiquez un numéro de téléphone valide, par exemple 03 21 00 00 00.")
            )
        return phone


class MessageForm(forms.Form):
    """The host's message with a decision, or the reason of a cancellation."""

    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
