"""Offers and their slots, saved by the institution's managers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import selectors as account_selectors

from .. import selectors
from ..models import Offer, Slot


def check_manager(*, user, institution_id: int) -> None:
    if not account_selectors.is_institution_manager(user=user, institution_id=institution_id):
        raise PermissionDenied(_("Vous ne gérez pas cette structure."))


@transaction.atomic
def offer_save(
    *,
    by,
    offer: Offer,
    professions=(),
    prerequisites=(),
    slots: list[Slot] = (),
    deleted_slots: list[Slot] = (),
) -> Offer:
    """Create or update an offer of an institution the author manages, with its slots.

    A slot that already has requests cannot be deleted, and its seats cannot go
    below the seats already given.
    """
    check_manager(user=by, institution_id=offer.institution_id)
    if offer.pk is None:
        offer.created_by = by
    offer.full_clean()
    offer.save()
    offer.professions.set(professions)
    offer.prerequisites.set(prerequisites)
    for slot in deleted_slots:
        if slot.pk is None:
            continue
        if slot.requests.exists():
            raise ValidationError(
                _("Le créneau %(slot)s a déjà des demandes : il ne peut pas être supprimé.")
                % {"slot": slot.dates_after_of}
            )
        slot.delete()
    for slot in slots:
        slot.offer = offer
        slot.full_clean()
        if slot.pk is not None:
            taken = selectors.seats_taken(slot=slot)
            if slot.seats < taken:
                raise ValidationError(
                    ngettext(
                        "Le créneau %(slot)s a déjà %(taken)s place attribuée.",
                        "Le créneau %(slot)s a déjà %(taken)s places attribuées.",
                        taken,
                    )
                    % {"slot": slot.dates_after_of, "taken": taken}
                )
        slot.save()
    return offer
