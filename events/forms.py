from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.constants import Profession, Role
from accounts.selectors import users_with_role
from core.imports.reading import upload_check
from core.widgets import Select as QuickSelect
from courses.constants import Kind
from courses.models import ModulePage
from territories.forms import (
    ArrondissementChoiceField,
    DepartementChoiceField,
    departement_choices,
)

from .constants import CSV_LIMITS, EventKind
from .models import Event, Session


class SessionFilterForm(forms.Form):
    """Filters of the public listing (GET)."""

    departement = forms.ChoiceField(
        label=_("Département"),
        choices=lambda: [("", _("Tous les départements")), *departement_choices()],
        required=False,
    )
    public = forms.ChoiceField(
        label=_("Public"),
        choices=[("", _("Toutes les professions")), *Profession.choices],
        required=False,
    )
    type = forms.ChoiceField(
        label=_("Type de session"),
        choices=[("", _("Tous les types")), *EventKind.choices],
        required=False,
    )
    nature = forms.ChoiceField(
        label=_("Nature"),
        choices=[("", _("Sensibilisation et formation")), *Kind.choices],
        required=False,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "departement": data["departement"],
            "profession": data["public"],
            "kind": data["type"],
            "nature": data["nature"],
        }


class AddParticipantForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse électronique de la personne"),
        help_text=_("Elle doit déjà avoir un compte Égide."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des participant·es (CSV, XLSX ou ODS)"),
        help_text=_(
            "Colonnes email;nom;prenom;profession (CSV séparé par des points-virgules, "
            "UTF-8 ou tel qu'Excel l'enregistre). Taille maximale : 2 Mo. Un aperçu est "
            "montré avant toute inscription."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused by its size before it is read; .xlsx and .ods are read as workbooks,
        # any other name as CSV.
        upload_check(upload, limits=CSV_LIMITS, extensions=())
        return upload


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        help_text=_("Il figure dans le courriel envoyé aux personnes inscrites."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    """The event as organisers write it; sessions come in SessionFormSet."""

    audiences = forms.MultipleChoiceField(
        label=_("Publics admis"),
        choices=Profession.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Aucune case cochée : ouvert à toutes les professions."),
    )
    follow_up_modules = forms.ModelMultipleChoiceField(
        label=_("Modules de suite"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Les personnes présentes y sont inscrites et invitées par courriel."),
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=_("Autres organisateur·rices"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Elles et ils pourront gérer les inscriptions et l'émargement."),
    )

    class Meta:
        model = Event
        fields = ["title", "kind", "nature", "duration_minutes", "description", "questionnaire"]
        labels = {
            "title": _("Intitulé"),
            "kind": _("Type"),
            "nature": _("Nature"),
            "duration_minutes": _("Durée (minutes)"),
            "description": _("Présentation"),
            "questionnaire": _("Questionnaire de satisfaction"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organiser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up_modules"].queryset = ModulePage.objects.live().order_by("title")
        people = users_with_role(Role.TRAINER) | users_with_role(Role.ADMIN)
        self.fields["co_organisers"].queryset = (
            people.exclude(pk=organiser.pk).distinct().order_by("last_name", "first_name")
        )
        if self.instance.pk:
            self.initial["audiences"] = self.instance.audiences
            self.initial["follow_up_modules"] = list(self.instance.follow_up_modules.all())
            self.initial["co_organisers"] = [
                user for user in self.instance.organisers.all() if user.pk != organiser.pk
            ]


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("Lien de connexion (webinaire)"),
        required=False,
        assume_scheme="https",
        help_text=_("Pour un webinaire ; sinon, le lieu."),
    )

    class Meta:
        model = Session
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "address",
            "city",
            "departement",
            "arrondissement",
            "online_url",
            "capacity",
            "registration_deadline",
            "checkin_opens_minutes",
            "registrations_open",
        ]
        labels = {
            "starts_at": _("Début"),
            "ends_at": _("Fin"),
            "place": _("Lieu"),
            "address": _("Adresse"),
            "city": _("Commune"),
            "departement": _("Département"),
            "arrondissement": _("Arrondissement"),
            "online_url": _("Lien de connexion (webinaire)"),
            "capacity": _("Nombre de places"),
            "registration_deadline": _("Date limite d'inscription (facultative)"),
            "checkin_opens_minutes": _("Émargement par code QR : ouverture (minutes avant)"),
            "registrations_open": _("Inscriptions ouvertes"),
        }
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "registration_deadline": DATETIME_WIDGET,
            "departement": QuickSelect,
            "arrondissement": QuickSelect,
        }
        field_classes = {
            "departement": DepartementChoiceField,
            "arrondissement": ArrondissementChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # accounts/static/accounts/arrondissement-filter.js narrows the list to the
        # chosen département (the select keeps every optgroup without JavaScript).
        self.fields["arrondissement"].widget.attrs["data-filtre-departement"] = ""


class BaseSessionFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        """Give every session form (and the empty model form) the same territory
        choices, read once: without this each form would query both lists again."""
        super().add_fields(form, index)
        if not hasattr(self, "_territory_choices"):
            self._territory_choices = {
                name: list(form.fields[name].choices) for name in ("departement", "arrondissement")
            }
        for name, choices in self._territory_choices.items():
            form.fields[name].choices = choices

    def clean(self):
        super().clean()
        for form in self.forms:
            if form.cleaned_data.get("DELETE") and form.instance.pk:
                if form.instance.registrations.exists():
                    raise forms.ValidationError(
                        _(
                            "Une session qui a des inscrit·es ne peut pas être supprimée : "
                            "annulez-la depuis sa page de gestion."
                        )
                    )


def session_formset(*, extra: int):
    return forms.inlineformset_factory(
        Event,
        Session,
        form=SessionForm,
        formset=BaseSessionFormSet,
        extra=extra,
        min_num=1,
        validate_min=True,
        can_delete=True,
    )
