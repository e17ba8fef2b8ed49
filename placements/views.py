"""Catalogue, requests, "Mes stages" and "Mes offres" (thin views: services decide)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import selectors as account_selectors
from accounts.constants import Role
from accounts.decorators import profile_complete_required
from accounts.roles import has_role, role_required

from . import selectors, services
from .constants import Status
from .forms import CatalogueFilterForm, MessageForm, OfferForm, RequestForm, SlotFormSet
from .models import Offer, Slot


@require_GET
def catalogue(request):
    """Public: published offers with upcoming slots, filtered."""
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    offers = selectors.catalogue_offers(
        departement=filters.get("departement", ""),
        arrondissement=filters.get("arrondissement", ""),
        kind=filters.get("kind", ""),
        day=filters.get("day"),
        profession=filters.get("profession", ""),
    )
    return render(
        request,
        "placements/catalogue.html",
        {"form": form, "offers": offers, "user_is_host": has_role(request.user, Role.HOST)},
    )


@require_GET
def offer_detail(request, offer_id: int):
    offer = selectors.offer_for_visitor(offer_id=offer_id, user=request.user)
    if offer is None:
        raise Http404
    unmet = []
    if request.user.is_authenticated:
        unmet = selectors.unmet_prerequisites(offer=offer, user=request.user)
    professions = list(offer.professions.all())
    return render(
        request,
        "placements/offer_detail.html",
        {
            "offer": offer,
            "professions": professions,
            "unmet_prerequisites": unmet,
            "my_request": selectors.active_request_for_offer(user=request.user, offer=offer),
            "is_manager": account_selectors.is_institution_manager(
                user=request.user, institution_id=offer.institution_id
            ),
            "profession_excluded": bool(
                request.user.is_authenticated
                and professions
                and request.user.profession not in {a.code for a in professions}
            ),
        },
    )


@profile_complete_required
@require_http_methods(["GET", "POST"])
def request_new(request, slot_id: int):
    """The request form of one slot; the services say whether the person may ask."""
    slot = get_object_or_404(
        Slot.objects.select_related("offer__institution"), pk=slot_id, offer__is_published=True
    )
    obstacles = selectors.request_obstacles(user=request.user, slot=slot)
    form = RequestForm(request.POST or None, initial={"employer_name": request.user.employer})
    if request.method == "POST" and not obstacles and form.is_valid():
        try:
            placement = services.request_create(user=request.user, slot=slot, **form.cleaned_data)
        except ValidationError as error:
            obstacles = error.messages
        else:
            messages.success(
                request,
                _("Votre demande est envoyée à %(institution)s.")
                % {"institution": slot.offer.institution.name},
            )
            return redirect("placements:request", request_id=placement.pk)
    return render(
        request,
        "placements/request_form.html",
        {"slot": slot, "offer": slot.offer, "form": form, "obstacles": obstacles},
        status=400 if request.method == "POST" else 200,
    )


@profile_complete_required
@require_GET
def my_placements(request):
    return render(
        request, "placements/my_placements.html", selectors.my_placements(user=request.user)
    )


def _party_or_404(request, request_id: int) -> selectors.Party:
    party = selectors.request_for_party(user=request.user, request_id=request_id)
    if party is None:
        raise Http404
    return party


@login_required
@require_GET
def request_detail(request, request_id: int):
    party = _party_or_404(request, request_id)
    return render(
        request,
        "placements/request_detail.html",
        {
            "party": party,
            "placement": party.request,
            "events": selectors.request_events(placement=party.request),
            "message_form": MessageForm(),
        },
    )


def _act(request, request_id: int, action, success: str, **kwargs):
    """Run one transition for a party of the request; errors come back as messages."""
    party = _party_or_404(request, request_id)
    try:
        action(request_id=party.request.pk, by=request.user, **kwargs)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("placements:request", request_id=party.request.pk)


def _message(request) -> str:
    form = MessageForm(request.POST)
    return form.cleaned_data["message"] if form.is_valid() else ""


@login_required
@require_POST
def request_accept(request, request_id: int):
    return _act(
        request,
        request_id,
        services.request_accept,
        _("Demande acceptée : la convention de stage est générée."),
        message=_message(request),
    )


@login_required
@require_POST
def request_refuse(request, request_id: int):
    return _act(
        request,
        request_id,
        services.request_refuse,
        _("Demande refusée : la personne est prévenue par courriel."),
        message=_message(request),
    )


@login_required
@require_POST
def request_confirm(request, request_id: int):
    return _act(
        request, request_id, services.request_confirm, _("Votre confirmation est enregistrée.")
    )


@login_required
@require_POST
def request_complete(request, request_id: int):
    return _act(
        request,
        request_id,
        services.request_complete,
        _("Stage enregistré comme réalisé : l'attestation de présence est délivrée."),
    )


@login_required
@require_POST
def request_cancel(request, request_id: int):
    party = _party_or_404(request, request_id)
    if party.is_professional and party.request.status == Status.REQUESTED:
        done = _("Votre demande est retirée ; la structure d'accueil est prévenue.")
    else:
        done = _("Le stage est annulé ; l'autre partie est prévenue.")
    return _act(request, request_id, services.request_cancel, done, message=_message(request))


@login_required
@require_POST
def convention_generate(request, request_id: int):
    """A host manager prints the convention again after a failed generation."""
    party = _party_or_404(request, request_id)
    if not party.is_host:
        raise PermissionDenied
    services.convention_generate(request_id=party.request.pk)
    return redirect("placements:request", request_id=party.request.pk)


@login_required
@require_GET
def convention_download(request, request_id: int):
    """The convention, for the professional, the host's managers and administrators;
    anyone else gets a 404 (no hint that the request exists)."""
    party = _party_or_404(request, request_id)
    if not party.may_download_convention:
        raise Http404
    placement = party.request
    return FileResponse(
        placement.convention.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"convention-{placement.reference}.pdf",
    )


@role_required(Role.HOST)
@require_GET
def host_offers(request):
    return render(
        request,
        "placements/host_offers.html",
        {"overview": selectors.host_overview(user=request.user)},
    )


@role_required(Role.HOST)
@require_http_methods(["GET", "POST"])
def offer_edit(request, offer_id: int | None = None):
    """Create or edit an offer and its slots (institutions the author manages only)."""
    if offer_id is None:
        if not account_selectors.institutions_managed_by(request.user).exists():
            messages.error(
                request,
                _(
                    "Votre compte n'est rattaché à aucune structure : demandez à un·e "
                    "administrateur·rice de vous ajouter comme responsable."
                ),
            )
            return redirect("placements:host_offers")
        offer = Offer()
    else:
        offer = selectors.offer_for_manager(user=request.user, offer_id=offer_id)
        if offer is None:
            raise Http404
    slots = selectors.slots_for_editing(offer=offer) if offer.pk else Slot.objects.none()
    form = OfferForm(request.POST or None, instance=offer, user=request.user)
    formset = SlotFormSet(request.POST or None, instance=offer, queryset=slots, prefix="slots")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            with transaction.atomic():
                offer = form.save(commit=False)
                changed = formset.save(commit=False)
                offer = services.offer_save(
                    by=request.user,
                    offer=offer,
                    professions=form.cleaned_data["professions"],
                    prerequisites=form.cleaned_data["prerequisites"],
                    slots=changed,
                    deleted_slots=formset.deleted_objects,
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("L'offre « %(title)s » est enregistrée.") % {"title": offer.title}
            )
            return redirect("placements:host_offers")
    return render(
        request,
        "placements/offer_form.html",
        {"form": form, "formset": formset, "offer": offer},
        status=400 if request.method == "POST" else 200,
    )
