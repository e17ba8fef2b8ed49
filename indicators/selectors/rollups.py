"""Roll-ups by territory: distinct people trained while working in a territory."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .. import rollup
from .rollup_figures import territory_figures_by_join, territory_figures_from_rollup

LEVELS = ("national", "region", "departement")


@dataclass
class RollupLine:
    code: str
    label: str
    count: int


@dataclass
class TerritoryRollup:
    """Distinct people trained in a territory over a period, with its breakdowns.

    `parts` are the territory's sub-territories (a région's départements, the
    country's régions); their sum (`parts_sum`) exceeds `total` when people trained
    in two of them: the total counts each person once.
    """

    level: str
    code: str
    key: str  # "FR", "R32", "D59": the page's `territoire` parameter
    label: str
    start: date
    end: date
    total: int
    parts: list[RollupLine]
    departements: list[RollupLine]
    by_profession: list[RollupLine]
    by_channel: list[RollupLine]
    by_month: list[RollupLine]
    from_rollup: bool

    @property
    def parts_sum(self) -> int:
        return sum(line.count for line in self.parts)

    @property
    def parts_differ(self) -> bool:
        return bool(self.parts) and self.parts_sum != self.total


def territory_key(level: str, code: str = "") -> str:
    if level == "national":
        return rollup.NATIONAL
    return ("R" if level == "region" else "D") + code


def parse_territory_key(key: str) -> tuple[str, str] | None:
    """("region", "32") for "R32", ("national", "") for "FR"; None when malformed."""
    key = (key or "").strip().upper()
    if key == rollup.NATIONAL:
        return "national", ""
    if len(key) >= 2 and key[0] in "RD" and key[1:].isalnum():
        return ("region" if key[0] == "R" else "departement"), key[1:]
    return None


def _territory_names() -> tuple[dict[str, str], dict[str, str]]:
    """Names of the régions and départements, cached like the territory tree (the COG
    changes once a year): the roll-ups need no query for their labels."""
    from django.core.cache import cache

    from territories.models import Departement, Region

    def names():
        return (
            dict(Region.objects.values_list("code", "name")),
            dict(Departement.objects.values_list("code", "name")),
        )

    return cache.get_or_set("egide:indicators:territory-names:v1", names, 24 * 3600)


def _territory_extent(level: str, code: str, region_names, departement_names):
    """(label, the départements counted (None: all), the parts' keys: régions nationally)."""
    from territories.selectors import departements_by_region

    by_region = departements_by_region()
    if level == "national":
        return str(_("France entière")), None, sorted(by_region)
    if level == "region":
        return region_names.get(code, code), sorted(by_region.get(code, [])), []
    return departement_names.get(code, code), [code], []


def _lines(counts: dict[str, int], names: dict[str, str]) -> list[RollupLine]:
    """One line per value, largest first (a value without a name keeps its code)."""
    return sorted(
        (
            RollupLine(
                code=value,
                label=str(names.get(value) or value or _("Non renseigné")),
                count=count,
            )
            for value, count in counts.items()
        ),
        key=lambda line: (-line.count, line.label),
    )


def _departement_lines(departements: dict[str, int], names: dict[str, str]) -> list[RollupLine]:
    return sorted(
        (
            RollupLine(code=dep, label=f"{names.get(dep, dep)} ({dep})", count=n)
            for dep, n in departements.items()
        ),
        key=lambda line: line.code,
    )


def territory_rollup(*, level: str, code: str = "", start: date, end: date) -> TerritoryRollup:
    """The roll-up of one territory (level in LEVELS; code "32" or "59", "" nationally).

    Whole months read indicators.rollup.TerritoryPerson (one query for the figures, no join, no
    DISTINCT; one more query for the months); other periods count the participations
    themselves (exact join, five or six queries). Both give the same figures (tests).
    Labels come from the cache.
    """
    from accounts.constants import Profession

    from ..constants import Channel

    if level not in LEVELS:
        raise ValueError(level)
    region_names, departement_names = _territory_names()
    label, codes, part_keys = _territory_extent(level, code, region_names, departement_names)
    key = territory_key(level, code)
    masks = rollup.period_masks(start, end)
    if masks is not None:
        figures = territory_figures_from_rollup(
            key=key, level=level, codes=codes, masks=masks, start=start, end=end
        )
    else:
        figures = territory_figures_by_join(level=level, codes=codes, start=start, end=end)
    total, dimensions, departements, regions, months = figures
    departement_lines = (
        _departement_lines(departements, departement_names) if level != "departement" else []
    )
    parts = []
    if level == "national":
        parts = [
            RollupLine(code=region, label=region_names.get(region, region), count=regions[region])
            for region in part_keys
            if regions.get(region)
        ]
    elif level == "region":
        parts = departement_lines
    return TerritoryRollup(
        level=level,
        code=code,
        key=key,
        label=str(label),
        start=start,
        end=end,
        total=total,
        parts=parts,
        departements=departement_lines,
        by_profession=_lines(dimensions.get("p", {}), dict(Profession.choices)),
        by_channel=_lines(dimensions.get("c", {}), dict(Channel.choices)),
        by_month=[RollupLine(code=month, label=month, count=n) for month, n in months],
        from_rollup=masks is not None,
    )
