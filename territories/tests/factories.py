"""Test helpers: factories may name territories by code ("59", "627"), or by the slugs
older tests used ("62-lens"); a blank value means none."""

from territories.legacy import arrondissement_code


class TerritoryCodes:
    """Mixin for factory_boy factories of models with `departement`/`arrondissement` keys."""

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs = super()._adjust_kwargs(**kwargs)
        for name in ("departement", "arrondissement", "place_departement"):
            value = kwargs.get(name)
            if isinstance(value, str):
                kwargs.pop(name)
                code = arrondissement_code(value) if name == "arrondissement" else value
                kwargs[f"{name}_id"] = code or None
        return kwargs
