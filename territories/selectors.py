"""Reads of the territory tables: lists for forms, labels, a région's départements."""

from django.core.cache import cache

from .models import Arrondissement, Departement, Region

_CACHE_KEY = "egide:territories:tree:v2"


def _tree() -> dict:
    """The territory tree as plain dicts, cached: the COG changes once a year, and
    load_territories clears the cache. Saves a query on every profile check."""
    tree = cache.get(_CACHE_KEY)
    if tree is None:
        by_region: dict[str, list[str]] = {}
        for code, region in Departement.objects.filter(active=True).values_list(
            "code", "region_id"
        ):
            by_region.setdefault(region, []).append(code)
        parent: dict[str, str] = {}
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for code, departement, active, name in Arrondissement.objects.values_list(
            "code", "departement_id", "active", "name"
        ):
            parent[code] = departement
            names[code] = name
            counts[departement] = counts.get(departement, 0) + active
        tree = {"by_region": by_region, "parent": parent, "counts": counts, "names": names}
        cache.set(_CACHE_KEY, tree, 24 * 3600)
    return tree


def departements_by_region() -> dict[str, list[str]]:
    """{région code: [its départements' codes]} for the territories in force."""
    return _tree()["by_region"]


def arrondissement_departement(code: str) -> str | None:
    """The département of an arrondissement, by code."""
    return _tree()["parent"].get(code)


def arrondissement_counts() -> dict[str, int]:
    """{département code: number of its arrondissements in force}."""
    return _tree()["counts"]


def arrondissement_name(code: str | None) -> str:
    """The arrondissement's name ("Lens"), or "" for an unknown code."""
    return _tree()["names"].get(code or "", "")


def arrondissement_codes(departement_codes) -> list[str]:
    """The arrondissements (in force or not) of these départements, sorted by code."""
    wanted = set(departement_codes)
    return sorted(code for code, parent in _tree()["parent"].items() if parent in wanted)


def forget_cache() -> None:
    cache.delete(_CACHE_KEY)


def region_departement_codes(region_code: str) -> list[str]:
    return sorted(departements_by_region().get(region_code, []))


def regions():
    return Region.objects.filter(active=True).order_by("code")


def departements():
    return Departement.objects.filter(active=True).order_by("code")


def arrondissements(departement_codes=None):
    queryset = Arrondissement.objects.filter(active=True).select_related("departement")
    if departement_codes is not None:
        queryset = queryset.filter(departement_id__in=departement_codes)
    return queryset.order_by("code")
