"""The partner credential form of the CMS (administrators only, lrs.wagtail_hooks)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .constants import Scope


class PartnerForm(WagtailAdminModelForm):
    """A partner's name, rights and territory; the secret is made by the platform and
    shown once (lrs.services.partner_secret_new)."""

    scopes = forms.MultipleChoiceField(
        label=_("Droits"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "« Écrire des déclarations » suffit à une plateforme qui envoie ses achèvements ; "
            "« Lire toutes les déclarations » donne aussi celles des autres partenaires."
        ),
    )
    new_secret = forms.BooleanField(
        label=_("Générer un nouveau secret"),
        required=False,
        help_text=_("L'ancien cesse aussitôt de fonctionner ; le nouveau s'affiche une fois."),
    )

    class Meta:
        fields = ["name", "key", "scopes", "departement", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["key"].help_text = _(
            "Identifiant de l'authentification Basic ; laissé vide, la plateforme en crée un."
        )
        if not self.instance.pk:
            del self.fields["new_secret"]

    def save(self, commit=True):
        from . import services

        instance = super().save(commit=False)
        self.clear_secret = ""
        if not instance.pk or self.cleaned_data.get("new_secret"):
            self.clear_secret = services.partner_secret_new(partner=instance)
        if commit:
            instance.save()
        return instance

    def _post_clean(self):
        import secrets

        if not self.cleaned_data.get("key"):
            self.cleaned_data["key"] = self.instance.key or secrets.token_hex(12)
            self.instance.key = self.cleaned_data["key"]
        # The digest is set on save; a new row has none yet (full_clean needs a value).
        if not self.instance.secret_digest:
            self.instance.secret_digest = "0" * 64
        super()._post_clean()
