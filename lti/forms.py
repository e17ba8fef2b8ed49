"""The registration form of the CMS: django-lti's registration plus its deployments."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import services


class RegistrationForm(WagtailAdminModelForm):
    """A partner platform: its OAuth/OIDC endpoints and the deployments Égide accepts."""

    deployment_ids = forms.CharField(
        label=_("Identifiants de déploiement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Un par ligne, tels que la plateforme les affiche (Moodle : « Deployment ID »). "
            "Un lancement d'un autre déploiement est refusé ; il apparaît alors ici, "
            "inactif, pour être ajouté."
        ),
    )

    # django-lti's field names are English: the CMS shows them in French.
    LABELS = {
        "name": _("Nom"),
        "issuer": _("Émetteur (Platform ID)"),
        "client_id": _("Identifiant client (Client ID)"),
        "auth_url": _("URL d'authentification"),
        "token_url": _("URL du jeton d'accès"),
        "keyset_url": _("URL du jeu de clés publiques"),
        "audience": _("Audience du jeton d'accès (si la plateforme l'exige)"),
        "is_active": _("Active"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
        if self.instance.pk:
            deployments = self.instance.deployments.order_by("deployment_id")
            self.initial["deployment_ids"] = "\n".join(
                d.deployment_id for d in deployments if d.is_active
            )
            pending = [d.deployment_id for d in deployments if not d.is_active]
            if pending:
                self.fields["deployment_ids"].help_text = _(
                    "%(help)s Déploiements vus mais non activés : %(ids)s."
                ) % {"help": self.fields["deployment_ids"].help_text, "ids": ", ".join(pending)}

    def clean_deployment_ids(self) -> list[str]:
        ids = [line.strip() for line in self.cleaned_data["deployment_ids"].splitlines()]
        ids = [d for d in ids if d]
        if any(len(d) > 255 for d in ids):
            raise forms.ValidationError(_("Un identifiant de déploiement a au plus 255 signes."))
        return ids

    def save(self, commit=True):
        registration = super().save(commit=commit)
        if commit:
            services.registration_deployments_set(
                registration=registration, deployment_ids=self.cleaned_data["deployment_ids"]
            )
        return registration
