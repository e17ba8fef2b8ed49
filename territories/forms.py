"""Form fields choosing a territory: labels with their code, arrondissements grouped by
département (one query each, whatever the form)."""

from itertools import groupby

from django import forms

from .models import Arrondissement, Departement


class DepartementChoiceField(forms.ModelChoiceField):
    def __init__(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = Departement.objects.filter(active=True)
        super().__init__(queryset=queryset, **kwargs)


class ArrondissementChoiceIterator(forms.models.ModelChoiceIterator):
    """Arrondissements as <optgroup>s, one per département."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        queryset = self.queryset.select_related("departement").order_by("departement_id", "code")
        for departement, items in groupby(queryset, key=lambda item: item.departement):
            yield (str(departement), [self.choice(item) for item in items])

    def __len__(self):
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class ArrondissementChoiceField(forms.ModelChoiceField):
    iterator = ArrondissementChoiceIterator

    def __init__(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = Arrondissement.objects.filter(active=True)
        super().__init__(queryset=queryset, **kwargs)


class ArrondissementMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = ArrondissementChoiceIterator

    def __init__(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = Arrondissement.objects.filter(active=True)
        super().__init__(queryset=queryset, **kwargs)


def arrondissement_choices(departement_codes=None) -> list:
    """Arrondissement codes grouped by département, for plain ChoiceFields (one query)."""
    from .selectors import arrondissements

    return [
        (str(departement), [(item.code, item.name) for item in items])
        for departement, items in groupby(
            arrondissements(departement_codes).order_by("departement_id", "code"),
            key=lambda item: item.departement,
        )
    ]


def departement_choices() -> list:
    from .selectors import departements

    return [(item.code, str(item)) for item in departements()]
