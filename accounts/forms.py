from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import Select
from territories.forms import ArrondissementChoiceField, DepartementChoiceField
from territories.validators import arrondissement_required

from .models import User


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, with the person's names and a plain-text password hint.

    allauth's adapter copies first_name and last_name onto the new user. Django's
    password hint is an HTML list, which DSFR places inside the <label>: invalid
    markup that screen readers would read as the field's name.
    """

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "first_name", "last_name", "password1", "password2"])
        self.fields["password1"].help_text = _(
            "Au moins 12 caractères, pas uniquement des chiffres, ni un mot de passe courant "
            "ou proche de vos nom et adresse."
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "profession",
            "employer",
            "institution",
            "departement",
            "arrondissement",
            "rpps",
        ]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom")}
        field_classes = {
            "departement": DepartementChoiceField,
            "arrondissement": ArrondissementChoiceField,
        }
        # Hundreds of options each: written in Python, not one template per option.
        widgets = {
            name: Select for name in ("profession", "institution", "departement", "arrondissement")
        }
        help_texts = {
            "institution": _(
                "Si votre unité figure dans la liste : ses responsables suivent vos "
                "formations obligatoires (statut et dates, jamais vos réponses)."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Everything a trainer and the DDFE need is required; only the RPPS is optional,
        # and the arrondissement where the département has a single one.
        for name in ("first_name", "last_name", "profession", "employer", "departement"):
            self.fields[name].required = True
        self.fields["arrondissement"].help_text = _(
            "Obligatoire dans les départements qui en comptent plusieurs."
        )
        self.fields["institution"].empty_label = _("Aucune de la liste")
        # arrondissement-filter.js narrows the list to the chosen département.
        self.fields["arrondissement"].widget.attrs["data-filtre-departement"] = ""

    def clean(self):
        cleaned = super().clean()
        departement = cleaned.get("departement")
        arrondissement = cleaned.get("arrondissement")
        if departement and arrondissement and arrondissement.departement_id != departement.pk:
            self.add_error(
                "arrondissement", _("Cet arrondissement n'appartient pas au département choisi.")
            )
        elif departement and not arrondissement and arrondissement_required(departement.pk):
            self.add_error("arrondissement", _("Indiquez votre arrondissement."))
        return cleaned


class AccountDeleteForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Pour confirmer, saisissez SUPPRIMER"),
        max_length=20,
    )
    password = forms.CharField(
        label=_("Votre mot de passe actuel"), widget=forms.PasswordInput, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Accounts created through ProConnect have no password to ask for.
        if user.has_usable_password():
            self.fields["password"].required = True
        else:
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect."))
        return password

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip().upper()
        if value != "SUPPRIMER":
            raise forms.ValidationError(_("Saisissez le mot SUPPRIMER pour confirmer."))
        return value
