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
