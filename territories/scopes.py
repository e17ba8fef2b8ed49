"""Which territories a person's figures cover: the reading side of delegations.

A scope is computed once per request from the person's roles and delegations
(accounts.selectors.territory_scope) and passed to every selector that counts or
lists territorial data, so no view filters on its own.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scope:
    """National, or a set of régions and départements (a région brings its départements)."""

    national: bool = False
    regions: frozenset[str] = field(default_factory=frozenset)
    departements: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.national or self.regions or self.departements)

    def covers_departement(self, code: str | None) -> bool:
        return self.national or (code is not None and code in self.departements)

    def covers_region(self, code: str | None) -> bool:
        return self.national or (code is not None and code in self.regions)

    def departement_codes(self) -> list[str] | None:
        """The départements covered, sorted; None when the scope is national (all of them)."""
        return None if self.national else sorted(self.departements)


NATIONAL = Scope(national=True)
NOBODY = Scope()
