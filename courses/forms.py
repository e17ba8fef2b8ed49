from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.constants import Profession

from .constants import DURATION_BUCKETS, Kind
from .models import Topic


class CatalogueFilterForm(forms.Form):
    """Filters of the catalogue (GET). Invalid values are ignored rather than failing."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    audience = forms.ChoiceField(
        label=_("Public"),
        required=False,
        choices=[("", _("Tous les publics")), *Profession.choices],
    )
    topic = forms.ChoiceField(label=_("Thème"), required=False)
    kind = forms.ChoiceField(
        label=_("Nature"), required=False, choices=[("", _("Toutes")), *Kind.choices]
    )
    duration = forms.ChoiceField(
        label=_("Durée"),
        required=False,
        choices=[
            ("", _("Toutes les durées")),
            *[(v, label) for v, label, _a, _b in DURATION_BUCKETS],
        ],
    )
    mandatory = forms.ChoiceField(
        label=_("Obligatoire"),
        required=False,
        choices=[
            ("", _("Indifférent")),
            ("oui", _("Obligatoire pour au moins un public")),
            ("non", _("Facultatif")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [
            ("", _("Tous les thèmes")),
            *Topic.objects.values_list("slug", "name"),
        ]
