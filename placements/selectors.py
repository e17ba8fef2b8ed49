"""Reads: the public catalogue, a party's view of a request, "Mes stages", "Mes offres".

List functions issue a fixed number of queries whatever the number of offers,
slots or requests (asserted in tests/test_views.py).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import selectors as account_selectors
from accounts.constants import Role
from accounts.roles import has_role
from courses.selectors import progress as course_progress

from .constants import ACTIVE_STATUSES, HOST_HISTORY_ROWS, SEAT_STATUSES, Status
from .models import Offer, PlacementEvent, PlacementRequest, Slot


def _slots_with_taken() -> QuerySet[Slot]:
    """Slots annotated with `taken`: the seats consumed by accepted requests."""
    return Slot.objects.annotate(
        taken=Count("requests", filter=Q(requests__status__in=SEAT_STATUSES))
    ).order_by("start_date", "pk")


def seats_taken(*, slot: Slot) -> int:
    return slot.requests.filter(status__in=SEAT_STATUSES).count()


def catalogue_offers(
    *,
    departement: str = "",
    arrondissement: str = "",
    kind: str = "",
    day: date | None = None,
    profession: str = "",
    today: date | None = None,
) -> list[Offer]:
    """Return the published offers with at least one upcoming slot, filtered.

    `day`: only slots starting on or after it. `profession`: offers open to all
    professions or to this one. Each offer carries `upcoming_slots` (with `taken`).
    """
    today = today or timezone.localdate()
    slots = _slots_with_taken().filter(start_date__gt=today)
    if day:
        slots = slots.filter(start_date__gte=day)
    offers = Offer.objects.filter(is_published=True).filter(
        Exists(slots.filter(offer=OuterRef("pk")))
    )
    if departement:
        offers = offers.filter(institution__departement=departement)
    if arrondissement:
        offers = offers.filter(institution__arrondissement=arrondissement)
    if kind:
        offers = offers.filter(institution__kind=kind)
    if profession:
        through = Offer.professions.through.objects.filter(offer=OuterRef("pk"))
        offers = offers.filter(~Exists(through) | Exists(through.filter(audience__code=profession)))
    return list(
        offers.select_related("institution__arrondissement")
        .prefetch_related(
            Prefetch("slots", queryset=slots, to_attr="upcoming_slots"), "professions"
        )
        .order_by("title", "pk")
    )


def offer_for_visitor(*, offer_id: int, user, today: date | None = None) -> Offer | None:
    """Return the offer if the visitor may see it (published, or one they manage).

    `upcoming_slots` (with `taken`) lists the slots still open to requests.
    """
    today = today or timezone.localdate()
    offer = (
        Offer.objects.select_related("institution")
        .prefetch_related(
            Prefetch(
                "slots",
                queryset=_slots_with_taken().filter(start_date__gt=today),
                to_attr="upcoming_slots",
            ),
            "professions",
            "prerequisites",
        )
        .filter(pk=offer_id)
        .first()
    )
    if offer is None:
        return None
    if not offer.is_published and not account_selectors.is_institution_manager(
        user=user, institution_id=offer.institution_id
    ):
        return None
    return offer


def unmet_prerequisites(*, offer: Offer, user) -> list:
    """Return the offer's prerequisite modules the user has not completed.

    courses.selectors.progress.unmet_prerequisites only reads `module.prerequisites.all()`:
    the offer's own list is given to it in that shape.
    """
    return course_progress.unmet_prerequisites(
        module=SimpleNamespace(prerequisites=offer.prerequisites), user=user
    )


def request_obstacles(*, user, slot: Slot, today: date | None = None) -> list[str]:
    """Return why the user may not request this slot (empty when they may)."""
    today = today or timezone.localdate()
    offer = slot.offer
    reasons = []
    if not offer.is_published:
        reasons.append(_("Cette offre n'est pas publiée."))
    if account_selectors.is_institution_manager(user=user, institution_id=offer.institution_id):
        reasons.append(_("Vous gérez cette structure : vous ne pouvez pas y demander un stage."))
    if slot.start_date <= today:
        reasons.append(_("Ce créneau a déjà commencé : choisissez un créneau à venir."))
    professions = [audience.code for audience in offer.professions.all()]
    if professions and user.profession not in professions:
        reasons.append(_("Cette offre n'est pas ouverte à votre profession."))
    missing = unmet_prerequisites(offer=offer, user=user)
    if missing:
        reasons.append(
            _("Terminez d'abord les modules prérequis : %(titles)s.")
            % {"titles": ", ".join(module.title for module in missing)}
        )
    if PlacementRequest.objects.filter(
        user=user, slot__offer=offer, status__in=ACTIVE_STATUSES
    ).exists():
        reasons.append(_("Vous avez déjà une demande en cours pour cette offre."))
    if seats_taken(slot=slot) >= slot.seats:
        reasons.append(_("Ce créneau est complet."))
    return reasons


def active_request_for_offer(*, user, offer: Offer) -> PlacementRequest | None:
    """Return the user's request in progress for one of the offer's slots, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        PlacementRequest.objects.filter(user=user, slot__offer=offer, status__in=ACTIVE_STATUSES)
        .select_related("slot")
        .first()
    )


@dataclass
class Party:
    """A request seen by someone allowed to: the professional, a host manager, an admin."""

    request: PlacementRequest
    is_professional: bool = False
    is_host: bool = False
    is_admin: bool = False

    @property
    def may_download_convention(self) -> bool:
        return bool(self.request.convention) and (
            self.is_professional or self.is_host or self.is_admin
        )


def request_for_party(*, user, request_id: int) -> Party | None:
    """Return the request and how the user is party to it, or None when they are not."""
    if not getattr(user, "is_authenticated", False):
        return None
    placement = (
        PlacementRequest.objects.select_related("slot__offer__institution", "user")
        .filter(pk=request_id)
        .first()
    )
    if placement is None:
        return None
    party = Party(
        request=placement,
        is_professional=placement.user_id == user.pk,
        is_host=account_selectors.is_institution_manager(
            user=user, institution_id=placement.slot.offer.institution_id
        ),
        is_admin=has_role(user, Role.ADMIN),
    )
    if not (party.is_professional or party.is_host or party.is_admin):
        return None
    return party


def request_events(*, placement: PlacementRequest) -> list[PlacementEvent]:
    return list(placement.events.select_related("actor"))


def _requests() -> QuerySet[PlacementRequest]:
    return PlacementRequest.objects.select_related("slot__offer__institution", "user")


def my_placements(*, user) -> dict:
    """Return "Mes stages": the professional's current requests and the past ones."""
    rows = list(_requests().filter(user=user).order_by("slot__start_date", "pk"))
    current = [r for r in rows if r.status in ACTIVE_STATUSES]
    past = [r for r in rows if r.status not in ACTIVE_STATUSES]
    past.sort(key=lambda r: r.slot.start_date, reverse=True)
    return {"current": current, "past": past}


@dataclass
class HostOverview:
    institutions: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    to_decide: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    to_complete: list = field(default_factory=list)
    history: list = field(default_factory=list)


def host_overview(*, user, today: date | None = None) -> HostOverview:
    """Return "Mes offres": the institutions the user manages, their offers with
    slots, the requests to decide, the visitors to come and those to confirm."""
    today = today or timezone.localdate()
    institutions = list(account_selectors.institutions_managed_by(user))
    ids = [i.pk for i in institutions]
    offers = list(
        Offer.objects.filter(institution_id__in=ids)
        .select_related("institution")
        .prefetch_related(Prefetch("slots", queryset=_slots_with_taken(), to_attr="all_slots"))
        .annotate(
            pending=Count("slots__requests", filter=Q(slots__requests__status=Status.REQUESTED)),
            completed=Count("slots__requests", filter=Q(slots__requests__status=Status.COMPLETED)),
        )
        .order_by("institution__name", "title", "pk")
    )
    requests = list(
        _requests()
        .filter(slot__offer__institution_id__in=ids, status__in=ACTIVE_STATUSES)
        .order_by("slot__start_date", "created_at", "pk")
    )
    history = list(
        _requests()
        .filter(slot__offer__institution_id__in=ids)
        .exclude(status__in=ACTIVE_STATUSES)
        .order_by("-slot__start_date", "-pk")[:HOST_HISTORY_ROWS]
    )
    overview = HostOverview(institutions=institutions, offers=offers, history=history)
    for placement in requests:
        if placement.status == Status.REQUESTED:
            overview.to_decide.append(placement)
        elif placement.status == Status.CONFIRMED and placement.slot.start_date <= today:
            overview.to_complete.append(placement)
        elif placement.slot.end_date >= today:
            overview.upcoming.append(placement)
    return overview


def offer_for_manager(*, user, offer_id: int) -> Offer | None:
    """Return the offer if the user manages its institution."""
    return (
        Offer.objects.select_related("institution")
        .filter(pk=offer_id, institution__in=account_selectors.institutions_managed_by(user))
        .first()
    )


def slots_for_editing(*, offer: Offer) -> QuerySet[Slot]:
    """The offer's slots with `taken`, for the slot formset."""
    return _slots_with_taken().filter(offer=offer)


def placements_completed(start: date, end: date) -> QuerySet[PlacementRequest]:
    """Return the completed placements whose last day falls between `start` and `end`
    (both included): the "stages organisés" of fiche action 4.10.

    A placement counts on its last day, as the indicators count it, whenever the
    host declared it completed.
    """
    if isinstance(start, datetime):
        start = timezone.localdate(start)
    if isinstance(end, datetime):
        end = timezone.localdate(end)
    return (
        PlacementRequest.objects.filter(
            status=Status.COMPLETED, slot__end_date__gte=start, slot__end_date__lte=end
        )
        .select_related("slot__offer__institution", "user")
        .order_by("slot__end_date", "pk")
    )


def personal_data(user) -> dict:
    """The professional's placement requests, for the RGPD export (accounts.privacy)."""
    return {
        "demandes": [
            {
                "offre": r.slot.offer.title,
                "structure": r.slot.offer.institution.name,
                "du": r.slot.start_date.isoformat(),
                "au": r.slot.end_date.isoformat(),
                "etat": r.status,
                "motivation": r.motivation,
                "employeur": r.employer_name,
                "demande_le": r.created_at.isoformat(),
            }
            for r in _requests().filter(user=user)
        ]
    }
