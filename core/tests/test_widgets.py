"""core.widgets.Select writes the same options as Django's, without a template each."""

import re

from django import forms

from core.widgets import Select

CHOICES = [
    ("", "Aucune de la liste"),
    ("Pas-de-Calais (62)", [("621", "Arras"), ("622", "Béthune <& Lens>")]),
    ("Nord (59)", [("591", "Avesnes-sur-Helpe")]),
]


def _normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_same_markup_as_django_with_groups_selection_and_escaping():
    attrs = {"class": "fr-select", "data-filtre-departement": ""}
    ours = Select(attrs=attrs, choices=CHOICES).render("arrondissement", "622")
    django = forms.Select(attrs=attrs, choices=CHOICES).render("arrondissement", "622")

    assert _normalised(ours) == _normalised(django)
    assert '<option value="622" selected>Béthune &lt;&amp; Lens&gt;</option>' in ours
