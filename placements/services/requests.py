"""Every step of a placement request: create, accept or refuse, convention, confirm, cancel.

Each transition checks the request's current state and who acts, records a
PlacementEvent and emails the other party. Seats are consumed by accepted
requests only; the acceptance locks the slot row so that simultaneous
acceptances never give more seats than the slot has.
"""

import logging
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates import services as certificate_services
from certificates.constants import Kind

from .. import rendering, selectors
from ..constants import CANCELLABLE_STATUSES, HOURS_PER_DAY, SEAT_STATUSES, EventAction, Status
from ..models import PlacementEvent, PlacementRequest, Slot
from ..signals import placement_completed
from .notifications import host_emails, notify
from .offers import check_manager

# The name of the module before it was split by concern: log filters keep working.
logger = logging.getLogger("placements.services")


def _event(placement, action, *, actor=None, message: str = "") -> None:
    PlacementEvent.objects.create(request=placement, action=action, actor=actor, message=message)


def request_create(
    *,
    user,
    slot: Slot,
    motivation: str,
    employer_name: str,
    employer_contact_name: str,
    employer_email: str,
    employer_phone: str,
    today: date | None = None,
) -> PlacementRequest:
    """Ask for a slot of an offer; the institution's managers are told by email."""
    obstacles = selectors.request_obstacles(user=user, slot=slot, today=today)
    if obstacles:
        raise ValidationError(obstacles)
    placement = PlacementRequest(
        slot=slot,
        user=user,
        motivation=(motivation or "").strip(),
        employer_name=(employer_name or "").strip(),
        employer_contact_name=(employer_contact_name or "").strip(),
        employer_email=(employer_email or "").strip(),
        employer_phone=(employer_phone or "").strip(),
    )
    placement.full_clean()
    with transaction.atomic():
        placement.save()
        _event(placement, EventAction.REQUESTED, actor=user)
        notify(
            to=host_emails(slot.offer),
            subject=_("Nouvelle demande de stage : %(title)s") % {"title": slot.offer.title},
            lines=[
                _("%(name)s (%(profession)s, %(employer)s) demande à être accueilli·e.")
                % {
                    "name": user.get_full_name(),
                    "profession": user.get_profession_display(),
                    "employer": placement.employer_name,
                },
                _("Acceptez ou refusez la demande depuis « Mes offres »."),
            ],
            placement=placement,
            message=placement.motivation,
        )
    logger.info("placement request %s created by user %s", placement.pk, user.pk)
    return placement


def _lock(request_id: int) -> tuple[PlacementRequest, Slot]:
    """Lock the slot, then the request (always in this order: no deadlock)."""
    slot_id = PlacementRequest.objects.values_list("slot_id", flat=True).get(pk=request_id)
    slot = Slot.objects.select_for_update().get(pk=slot_id)
    placement = (
        PlacementRequest.objects.select_for_update()
        .select_related("slot__offer__institution", "user")
        .get(pk=request_id)
    )
    return placement, slot


def _expect(placement: PlacementRequest, *statuses: Status, error: str) -> None:
    if placement.status not in statuses:
        raise ValidationError(error)


def _lock_undecided(*, request_id: int, by) -> tuple[PlacementRequest, Slot]:
    """Lock a request still waiting for the host's answer, for one of its managers."""
    placement, slot = _lock(request_id)
    check_manager(user=by, institution_id=placement.slot.offer.institution_id)
    _expect(
        placement,
        Status.REQUESTED,
        error=_("Cette demande a déjà reçu une réponse (%(status)s).")
        % {"status": placement.get_status_display()},
    )
    return placement, slot


def _decide(placement: PlacementRequest, status: Status, action, *, by, message: str) -> None:
    """Record the host's answer (accepted or refused) and its journal entry."""
    placement.status = status
    placement.decided_at = timezone.now()
    placement.host_message = message
    placement.save(update_fields=["status", "decided_at", "host_message"])
    _event(placement, action, actor=by, message=message)


def request_accept(*, request_id: int, by, message: str = "") -> PlacementRequest:
    """Accept a request on behalf of the host: it takes one seat of the slot, then
    the convention is generated and the professional is told by email.

    Raise ValidationError when the slot has no seat left (another request was
    accepted first): the request stays pending.
    """
    message = (message or "").strip()
    with transaction.atomic():
        placement, slot = _lock_undecided(request_id=request_id, by=by)
        offer = placement.slot.offer
        taken = slot.requests.filter(status__in=SEAT_STATUSES).count()
        if taken >= slot.seats:
            raise ValidationError(
                ngettext(
                    "Impossible d'accepter cette demande : la place du créneau %(slot)s est "
                    "déjà attribuée.",
                    "Impossible d'accepter cette demande : les %(seats)s places du créneau "
                    "%(slot)s sont déjà attribuées.",
                    slot.seats,
                )
                % {"seats": slot.seats, "slot": slot.dates_after_of}
            )
        _decide(placement, Status.ACCEPTED, EventAction.ACCEPTED, by=by, message=message)
        notify(
            to=[placement.user.email],
            subject=_("Votre demande de stage est acceptée : %(title)s") % {"title": offer.title},
            lines=[
                _("%(institution)s accepte de vous accueillir.")
                % {"institution": offer.institution.name},
                _(
                    "La convention de stage est disponible sur la page de votre demande : "
                    "relisez-la, faites-la signer par votre employeur, puis confirmez."
                ),
            ],
            placement=placement,
            message=message,
        )
    logger.info("placement request %s accepted by user %s", placement.pk, by.pk)
    # After the commit, so the slot is not kept locked while printing the PDF; a
    # failure leaves the request accepted and the host generates it again.
    try:
        convention_generate(request_id=placement.pk)
    except Exception:
        logger.exception("convention of placement request %s could not be generated", placement.pk)
    placement.refresh_from_db()
    return placement


def request_refuse(*, request_id: int, by, message: str) -> PlacementRequest:
    """Refuse a request with a message to the professional (required)."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Expliquez votre refus en quelques mots.")})
    with transaction.atomic():
        placement, _slot = _lock_undecided(request_id=request_id, by=by)
        offer = placement.slot.offer
        _decide(placement, Status.REFUSED, EventAction.REFUSED, by=by, message=message)
        notify(
            to=[placement.user.email],
            subject=_("Votre demande de stage n'est pas retenue : %(title)s")
            % {"title": offer.title},
            lines=[
                _("%(institution)s ne peut pas donner suite à votre demande.")
                % {"institution": offer.institution.name}
            ],
            placement=placement,
            message=message,
        )
    return placement


def convention_generate(*, request_id: int) -> str:
    """Print the convention of an accepted request to PDF, once; return what happened."""
    with transaction.atomic():
        placement = (
            PlacementRequest.objects.select_for_update()
            .select_related("slot__offer__institution", "user")
            .get(pk=request_id)
        )
        if placement.status not in (Status.ACCEPTED, Status.CONFIRMED, Status.COMPLETED):
            return "not-accepted"
        if placement.convention:
            return "already"
        pdf = rendering.convention_pdf(placement)
        placement.convention.save(
            f"convention-{placement.reference}.pdf", ContentFile(pdf), save=False
        )
        placement.convention_generated_at = timezone.now()
        placement.save(update_fields=["convention", "convention_generated_at"])
        _event(placement, EventAction.CONVENTION)
    return "generated"


def request_confirm(*, request_id: int, by) -> PlacementRequest:
    """Confirm the placement, as the professional or as a host manager; once both
    sides have confirmed, the placement is confirmed."""
    with transaction.atomic():
        placement, _slot = _lock(request_id)
        offer = placement.slot.offer
        is_professional = placement.user_id == by.pk
        if not is_professional:
            check_manager(user=by, institution_id=offer.institution_id)
        _expect(
            placement,
            Status.ACCEPTED,
            error=_("Cette demande ne peut pas être confirmée (%(status)s).")
            % {"status": placement.get_status_display()},
        )
        if not placement.convention:
            raise ValidationError(_("La convention n'est pas encore générée."))
        now = timezone.now()
        if is_professional:
            if placement.professional_confirmed_at:
                raise ValidationError(_("Vous avez déjà confirmé ce stage."))
            placement.professional_confirmed_at = now
            action = EventAction.CONFIRMED_PROFESSIONAL
            others = host_emails(offer)
        else:
            if placement.host_confirmed_at:
                raise ValidationError(_("La structure d'accueil a déjà confirmé ce stage."))
            placement.host_confirmed_at = now
            action = EventAction.CONFIRMED_HOST
            others = [placement.user.email]
        both = placement.professional_confirmed_at and placement.host_confirmed_at
        if both:
            placement.status = Status.CONFIRMED
        placement.save(update_fields=["professional_confirmed_at", "host_confirmed_at", "status"])
        _event(placement, action, actor=by)
        if both:
            notify(
                to=[placement.user.email, *host_emails(offer)],
                subject=_("Stage confirmé : %(title)s") % {"title": offer.title},
                lines=[
                    _("Le stage est confirmé par les deux parties."),
                    _("Stagiaire : %(name)s.") % {"name": placement.user.get_full_name()},
                ],
                placement=placement,
            )
        else:
            notify(
                to=others,
                subject=_("Confirmation en attente : %(title)s") % {"title": offer.title},
                lines=[
                    _("%(name)s a confirmé le stage.") % {"name": by.get_full_name()},
                    _("Il vous reste à le confirmer à votre tour."),
                ],
                placement=placement,
            )
    return placement


def request_complete(*, request_id: int, by, today: date | None = None) -> PlacementRequest:
    """Record, as a host manager, that a confirmed placement took place.

    Sends placements.signals.placement_completed in the transaction and issues a
    presence attestation to the professional.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        placement, slot = _lock(request_id)
        offer = placement.slot.offer
        check_manager(user=by, institution_id=offer.institution_id)
        _expect(
            placement,
            Status.CONFIRMED,
            error=_("Seul un stage confirmé par les deux parties peut être déclaré réalisé."),
        )
        if slot.start_date > today:
            raise ValidationError(_("Ce stage n'a pas encore commencé."))
        placement.status = Status.COMPLETED
        placement.completed_at = timezone.now()
        placement.save(update_fields=["status", "completed_at"])
        _event(placement, EventAction.COMPLETED, actor=by)
        placement_completed.send(sender=PlacementRequest, request=placement, offer=offer)
        certificate_services.attestation_issue(
            user=placement.user,
            source=f"placement:{placement.pk}",
            subject=f"offer:{offer.pk}",
            title=_("Stage croisé « %(title)s » — %(institution)s")
            % {"title": offer.title, "institution": offer.institution.name},
            kind=Kind.ATTENDANCE,
            completed_at=timezone.make_aware(datetime.combine(slot.end_date, time(17))),
            duration_minutes=slot.days * HOURS_PER_DAY * 60,
            # The host institution's territory attests the placement it hosted.
            departement_code=offer.institution.departement_id,
        )
        notify(
            to=[placement.user.email],
            subject=_("Stage réalisé : %(title)s") % {"title": offer.title},
            lines=[
                _("%(institution)s confirme que votre stage a eu lieu. Merci !")
                % {"institution": offer.institution.name},
                _("Votre attestation de présence est disponible dans « Mes attestations »."),
            ],
            placement=placement,
        )
    logger.info("placement request %s completed", placement.pk)
    return placement


def request_cancel(*, request_id: int, by, message: str = "") -> PlacementRequest:
    """Cancel a request or placement, by either side, before it is completed: its
    seat, if it had one, is free again."""
    message = (message or "").strip()
    with transaction.atomic():
        placement, _slot = _lock(request_id)
        offer = placement.slot.offer
        is_professional = placement.user_id == by.pk
        if not is_professional:
            check_manager(user=by, institution_id=offer.institution_id)
        _expect(
            placement,
            *CANCELLABLE_STATUSES,
            error=_("Cette demande ne peut plus être annulée (%(status)s).")
            % {"status": placement.get_status_display()},
        )
        # A request not answered yet is withdrawn by its author, not "cancelled".
        withdrawn = is_professional and placement.status == Status.REQUESTED
        placement.status = Status.CANCELLED
        placement.cancelled_at = timezone.now()
        fields = ["status", "cancelled_at"]
        if not is_professional and message:
            placement.host_message = message
            fields.append("host_message")
        placement.save(update_fields=fields)
        _event(placement, EventAction.CANCELLED, actor=by, message=message)
        if withdrawn:
            subject = _("Demande de stage retirée : %(title)s")
            line = _("%(name)s a retiré sa demande pour le stage %(slot)s.")
        else:
            subject = _("Stage annulé : %(title)s")
            line = _("%(name)s a annulé le stage %(slot)s.")
        notify(
            to=host_emails(offer) if is_professional else [placement.user.email],
            subject=subject % {"title": offer.title},
            lines=[line % {"name": by.get_full_name(), "slot": placement.slot.dates_after_of}],
            placement=placement,
            message=message,
        )
    return placement
