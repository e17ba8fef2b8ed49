"""Partners' xAPI statements counted for an indicator (issue 22): a DDFE maps an
activity of a partner's platform (its IRI and a verb) to an indicator of her plan."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import ParticipationKind
from .plans import Indicator


def partner_activity_key(partner_id: int, activity_iri: str, verb_iri: str) -> str:
    """The participations' `activity` for one partner activity and verb ("xapi:<hash>"):
    IRIs are too long for the column, and every mapping of the same partner activity
    shares its participations (one person counts once, whatever the number of plans)."""
    raw = f"{partner_id}|{activity_iri}|{verb_iri}".encode()
    return "xapi:" + hashlib.sha256(raw).hexdigest()[:40]


class PartnerActivityMapping(models.Model):
    """Statements of `partner` with this verb on this activity count for `indicator`."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="partner_mappings",
        verbose_name=_("indicateur"),
    )
    partner = models.ForeignKey(
        "lrs.Partner",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("partenaire"),
    )
    # Any absolute IRI (xAPI allows "urn:", "tag:"…), not only web addresses.
    activity_iri = models.CharField(_("identifiant de l'activité (IRI)"), max_length=2000)
    verb_iri = models.CharField(_("verbe"), max_length=500)
    kind = models.CharField(
        _("nature"),
        max_length=20,
        choices=ParticipationKind.choices,
        default=ParticipationKind.FORMATION,
    )
    activity = models.CharField(max_length=45, editable=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activité d'un partenaire")
        verbose_name_plural = _("activités des partenaires")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "activity"], name="indicators_partnermapping_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} ← {self.activity_iri} ({self.verb_iri})"

    def save(self, *args, **kwargs):
        self.activity = partner_activity_key(self.partner_id, self.activity_iri, self.verb_iri)
        super().save(*args, **kwargs)
