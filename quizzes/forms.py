from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import Likert

COMMENT_MAX_LENGTH = 2000
OVERALL_CHOICES = [
    (1, _("1 — très insatisfait·e")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 — très satisfait·e")),
]


class QuestionnaireForm(forms.Form):
    """A satisfaction questionnaire: one Likert answer per item, an overall score, a comment.

    Built from the questionnaire's items (pass them in, already loaded); each item's
    field is named "item_<pk>". `values()` gives {item pk: Likert value} once valid.
    """

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[self.field_name(item)] = forms.TypedChoiceField(
                label=item.text,
                choices=Likert.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Indiquez votre degré d'accord avec cette affirmation."),
                    "invalid_choice": _("Choisissez l'une des réponses proposées."),
                },
            )
        self.fields["overall"] = forms.TypedChoiceField(
            label=_("Note globale de 1 (très insatisfait·e) à 5 (très satisfait·e)"),
            choices=OVERALL_CHOICES,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Donnez une note globale."),
                "invalid_choice": _("Choisissez une note de 1 à 5."),
            },
        )
        self.fields["comment"] = forms.CharField(
            label=_("Commentaire"),
            help_text=_(
                "Ce qui vous a été utile, ce qui manque. N'y indiquez pas d'informations "
                "permettant d'identifier une personne."
            ),
            required=False,
            max_length=COMMENT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={
                "max_length": _("Le commentaire ne doit pas dépasser %(limit_value)d caractères.")
            },
        )
        for name, field in self.fields.items():
            if name != "comment":
                field.widget.inline = True

    @staticmethod
    def field_name(item) -> str:
        return f"item_{item.pk}"

    def values(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[self.field_name(item)] for item in self.items}
