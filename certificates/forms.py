from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import normalize_code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Code de l'attestation"),
        help_text=_("Il figure au bas de l'attestation, par exemple EGD-ACDE-FGHJ-KMNP."),
        max_length=40,
    )

    def clean_code(self) -> str:
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "Ce code n'a pas le bon format : trois groupes de quatre lettres ou "
                    "chiffres après « EGD », par exemple EGD-ACDE-FGHJ-KMNP."
                )
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de la révocation"),
        help_text=_("Il est conservé dans le journal et affiché au titulaire."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class IssuerProfileForm(forms.Form):
    """Who speaks for a territory on its documents (certificates.views_issuers)."""

    issuer = forms.CharField(
        label=_("Service émetteur"),
        help_text=_(
            "Imprimé en tête des attestations, des conventions de stage et des bilans, "
            "par exemple : Délégation départementale aux droits des femmes et à l'égalité "
            "du Nord."
        ),
        max_length=255,
    )
    signatory_title = forms.CharField(
        label=_("Fonction du ou de la signataire"),
        help_text=_(
            "Par exemple : La déléguée départementale aux droits des femmes et à l'égalité"
        ),
        max_length=200,
        required=False,
    )
    signatory_name = forms.CharField(
        label=_("Nom du ou de la signataire"), max_length=200, required=False
    )
    city = forms.CharField(
        label=_("Lieu de signature"),
        help_text=_("Imprimé « Fait à … » ; laissez vide pour ne pas l'imprimer."),
        max_length=100,
        required=False,
    )
