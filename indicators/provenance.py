"""Where a plan's indicators come from, in words: each indicator is written in the plan
("issu du plan", with where) or proposed by the platform ("proposé", with the action it
follows), and a plan whose indicators are proposals says so first (the Nord roadmap
writes none). The same sentences on the plan's page, the indicator's page, the exports,
the bilan and the roll-up. No query: the indicators are already loaded.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .constants import PROVENANCE_MEANINGS, Provenance


@dataclass
class ProvenanceSummary:
    total: int
    from_plan: int
    proposed: int

    @property
    def all_proposed(self) -> bool:
        return self.total > 0 and self.proposed == self.total

    @property
    def note(self) -> str:
        """What to say before a plan's indicators: "" when the plan writes them all."""
        if not self.proposed:
            return ""
        if self.all_proposed:
            return ngettext(
                "Ce plan n'écrit aucun indicateur. L'indicateur présenté ici est une proposition "
                "de la plateforme pour suivre une action du plan : il ne figure pas dans le "
                "plan.",
                "Ce plan n'écrit aucun indicateur. Les %(count)s indicateurs présentés ici sont "
                "des propositions de la plateforme, chacun pour suivre une action du plan : ils "
                "ne figurent pas dans le plan.",
                self.total,
            ) % {"count": self.total}
        return ngettext(
            "%(proposed)s indicateur sur %(total)s est une proposition de la plateforme : "
            "le plan ne l'écrit pas. Les autres sont issus du plan.",
            "%(proposed)s indicateurs sur %(total)s sont des propositions de la plateforme : "
            "le plan ne les écrit pas. Les autres sont issus du plan.",
            self.proposed,
        ) % {"proposed": self.proposed, "total": self.total}


def summary(indicators) -> ProvenanceSummary:
    """How many of these indicators (or report rows) the plan writes, how many are
    proposals."""
    items = [getattr(item, "indicator", item) for item in indicators]
    proposed = sum(1 for item in items if item.provenance == Provenance.PROPOSED)
    return ProvenanceSummary(total=len(items), from_plan=len(items) - proposed, proposed=proposed)


def reference_text(indicator) -> str:
    """The indicator's provenance in one sentence, with where the plan writes it or the
    action it is proposed for."""
    if indicator.provenance == Provenance.PLAN:
        if indicator.plan_reference:
            return _("Issu du plan : %(reference)s.") % {"reference": indicator.plan_reference}
        return str(PROVENANCE_MEANINGS[Provenance.PLAN])
    if indicator.plan_reference:
        return _(
            "Proposé par la plateforme (le plan ne l'écrit pas) pour suivre : %(reference)s."
        ) % {"reference": indicator.plan_reference}
    return str(PROVENANCE_MEANINGS[Provenance.PROPOSED])
