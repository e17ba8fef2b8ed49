"""Offers as subjects of attestations (see certificates.subjects).

Registered in PlacementsConfig.ready: the placement attestations of an offer are
its institution's business; only its managers (and administrators) may gather
them, never a trainer or an editor.
"""

from accounts import selectors as account_selectors

KIND = "offer"


def may_archive(user, offer_id: int) -> bool:
    from .models import Offer

    offer = Offer.objects.filter(pk=offer_id).only("institution_id").first()
    return offer is not None and account_selectors.is_institution_manager(
        user=user, institution_id=offer.institution_id
    )
