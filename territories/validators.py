"""Checks shared by every model that records a place: no query (the tree is cached)."""

from django.utils.translation import gettext_lazy as _


def arrondissement_required(departement_code: str | None) -> bool:
    """A département split into several arrondissements asks for one."""
    from .selectors import arrondissement_counts

    return bool(departement_code) and arrondissement_counts().get(departement_code, 0) > 1


def territory_errors(instance) -> dict:
    """The instance's arrondissement must belong to its département."""
    from .selectors import arrondissement_departement

    code = instance.arrondissement_id
    if code and arrondissement_departement(code) != instance.departement_id:
        return {"arrondissement": _("Cet arrondissement n'appartient pas au département choisi.")}
    return {}
