"""The workflow of a placement request, eligibility, seats, emails and the journal."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory
from certificates.models import Attestation
from certificates.tests.factories import complete_module
from core.tests.pdf_text import pdf_text
from courses.models import Audience
from courses.tests import factories as course_factories
from placements import selectors, services
from placements.constants import EventAction, Status
from placements.models import PlacementRequest
from placements.signals import placement_completed

from .factories import InstitutionFactory, OfferFactory, SlotFactory, host, request_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return host(first_name="Hélène", last_name="Vasseur", email="accueil@ch-lens.exemple.fr")


@pytest.fixture
def slot(manager):
    institution = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    offer = OfferFactory(institution=institution, title="Urgences médico-judiciaires")
    return SlotFactory(offer=offer, seats=2)


@pytest.fixture
def gendarme():
    return UserFactory(
        first_name="Yann",
        last_name="Kerbrat",
        profession="gendarmerie_nationale",
        employer="Brigade de gendarmerie d'Arras",
        email="yann.kerbrat@gendarmerie.exemple.fr",
    )


def _accepted(user, slot, manager, **fields):
    placement = request_for(user, slot, **fields)
    return services.request_accept(request_id=placement.pk, by=manager)


def _confirmed(user, slot, manager):
    placement = _accepted(user, slot, manager)
    services.request_confirm(request_id=placement.pk, by=user)
    return services.request_confirm(request_id=placement.pk, by=manager)


def test_a_request_is_journaled_and_the_host_managers_are_emailed(gendarme, slot, manager):
    other_manager = host(email="cadre@ch-lens.exemple.fr")
    slot.offer.institution.managers.add(other_manager)

    placement = request_for(gendarme, slot, motivation="Je reçois des victimes à la brigade.")

    assert placement.status == Status.REQUESTED
    assert [e.action for e in placement.events.all()] == [EventAction.REQUESTED]
    assert placement.events.get().actor == gendarme
    (email,) = mail.outbox
    assert sorted(email.to) == ["accueil@ch-lens.exemple.fr", "cadre@ch-lens.exemple.fr"]
    assert "Nouvelle demande de stage" in email.subject
    assert "Yann Kerbrat" in email.body
    assert "Je reçois des victimes à la brigade." in email.body
    assert f"/stages/demandes/{placement.pk}/" in email.body


def test_acceptance_generates_the_convention_with_both_institutions_and_the_professional(
    gendarme, slot, manager
):
    placement = request_for(
        gendarme,
        slot,
        employer_name="Groupement de gendarmerie du Pas-de-Calais",
        employer_contact_name="Capitaine Morel",
        employer_email="morel@gendarmerie.exemple.fr",
        employer_phone="03 21 11 22 33",
    )
    mail.outbox.clear()

    placement = services.request_accept(
        request_id=placement.pk, by=manager, message="Rendez-vous à l'accueil à 8 h 30."
    )

    assert placement.status == Status.ACCEPTED
    assert placement.convention_generated_at is not None
    text = pdf_text(placement.convention.read())
    assert "Convention de stage croisé" in text
    assert "Centre hospitalier de Lens" in text
    assert "Groupement de gendarmerie du Pas-de-Calais" in text
    assert "Capitaine Morel" in text
    assert "Yann Kerbrat" in text
    assert "Gendarmerie nationale" in text
    assert "Urgences médico-judiciaires" in text
    assert "Comprendre le parcours de soins d'une victime." in text  # objectives
    assert slot.start_date.strftime("%Y") in text
    assert "Confidentialité" in text
    assert "Assurance et responsabilité" in text
    assert "Date et signature" in text
    assert placement.reference in text
    assert [e.action for e in placement.events.all()] == [
        EventAction.REQUESTED,
        EventAction.ACCEPTED,
        EventAction.CONVENTION,
    ]
    (email,) = mail.outbox
    assert email.to == [gendarme.email]
    assert "acceptée" in email.subject
    assert "Rendez-vous à l'accueil à 8 h 30." in email.body


def test_refusal_needs_a_message_which_the_professional_receives(gendarme, slot, manager):
    placement = request_for(gendarme, slot)
    mail.outbox.clear()

    with pytest.raises(ValidationError) as error:
        services.request_refuse(request_id=placement.pk, by=manager, message="  ")
    assert "Expliquez votre refus" in str(error.value)

    services.request_refuse(
        request_id=placement.pk, by=manager, message="Service fermé pour travaux ce mois-ci."
    )
    placement.refresh_from_db()
    assert placement.status == Status.REFUSED
    assert placement.host_message == "Service fermé pour travaux ce mois-ci."
    event = placement.events.get(action=EventAction.REFUSED)
    assert (event.actor, event.message) == (manager, "Service fermé pour travaux ce mois-ci.")
    (email,) = mail.outbox
    assert email.to == [gendarme.email]
    assert "Service fermé pour travaux ce mois-ci." in email.body
    # Decided once: no acceptance after a refusal.
    with pytest.raises(ValidationError, match="déjà reçu une réponse"):
        services.request_accept(request_id=placement.pk, by=manager)


def test_both_sides_confirm_then_the_host_declares_it_completed(gendarme, slot, manager):
    placement = _accepted(gendarme, slot, manager)
    mail.outbox.clear()

    services.request_confirm(request_id=placement.pk, by=gendarme)
    placement.refresh_from_db()
    assert placement.status == Status.ACCEPTED  # waiting for the host
    assert mail.outbox[-1].to == [manager.email]
    with pytest.raises(ValidationError, match="déjà confirmé"):
        services.request_confirm(request_id=placement.pk, by=gendarme)

    services.request_confirm(request_id=placement.pk, by=manager)
    placement.refresh_from_db()
    assert placement.status == Status.CONFIRMED
    assert sorted(mail.outbox[-1].to) == sorted([gendarme.email, manager.email])
    assert "Stage confirmé" in mail.outbox[-1].subject

    # Not before the first day.
    with pytest.raises(ValidationError, match="pas encore commencé"):
        services.request_complete(request_id=placement.pk, by=manager)

    received = []

    def receiver(sender, request, offer, **kwargs):
        received.append((request.pk, request.status, offer.pk))

    placement_completed.connect(receiver, dispatch_uid="test-placement-completed")
    try:
        services.request_complete(request_id=placement.pk, by=manager, today=slot.end_date)
    finally:
        placement_completed.disconnect(dispatch_uid="test-placement-completed")

    placement.refresh_from_db()
    assert placement.status == Status.COMPLETED
    assert received == [(placement.pk, Status.COMPLETED, slot.offer.pk)]
    attestation = Attestation.objects.get(user=gendarme)
    assert attestation.kind == "presence"
    # It names what took place: a cross-placement, never "a session".
    from certificates.rendering import render_html

    printed = render_html(attestation)
    assert "Stage croisé" in printed and "session" not in printed
    assert attestation.source == f"placement:{placement.pk}"
    assert attestation.subject == f"offer:{slot.offer.pk}"
    assert attestation.duration_minutes == 2 * 7 * 60  # a two-day slot
    assert "Urgences médico-judiciaires" in attestation.title
    assert "Stage réalisé" in mail.outbox[-1].subject
    assert list(selectors.placements_completed(slot.end_date, slot.end_date)) == [placement]
    assert [e.action for e in placement.events.all()][-3:] == [
        EventAction.CONFIRMED_PROFESSIONAL,
        EventAction.CONFIRMED_HOST,
        EventAction.COMPLETED,
    ]


def test_only_a_placement_confirmed_by_both_sides_can_be_completed(gendarme, slot, manager):
    placement = _accepted(gendarme, slot, manager)
    with pytest.raises(ValidationError, match="confirmé par les deux parties"):
        services.request_complete(request_id=placement.pk, by=manager, today=slot.end_date)


def test_seats_are_never_over_allocated_and_a_cancellation_frees_one(slot, manager):
    slot.seats = 1
    slot.save()
    first, second = UserFactory(), UserFactory()
    placement = request_for(first, slot)
    waiting = request_for(second, slot)
    services.request_accept(request_id=placement.pk, by=manager)

    with pytest.raises(ValidationError, match="déjà attribuée"):
        services.request_accept(request_id=waiting.pk, by=manager)
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED

    mail.outbox.clear()
    services.request_cancel(request_id=placement.pk, by=first, message="Mutation imprévue.")
    placement.refresh_from_db()
    assert placement.status == Status.CANCELLED
    assert mail.outbox[-1].to == [manager.email]
    assert "Mutation imprévue." in mail.outbox[-1].body

    services.request_accept(request_id=waiting.pk, by=manager)
    assert selectors.seats_taken(slot=slot) == 1


def test_the_host_may_cancel_a_confirmed_placement_and_the_professional_is_told(
    gendarme, slot, manager
):
    placement = _confirmed(gendarme, slot, manager)
    mail.outbox.clear()
    services.request_cancel(request_id=placement.pk, by=manager, message="Grève des transports.")
    placement.refresh_from_db()
    assert placement.status == Status.CANCELLED
    assert mail.outbox[-1].to == [gendarme.email]
    with pytest.raises(ValidationError, match="ne peut plus être annulée"):
        services.request_cancel(request_id=placement.pk, by=gendarme)


def test_a_completed_placement_can_no_longer_be_cancelled(gendarme, slot, manager):
    placement = _confirmed(gendarme, slot, manager)
    services.request_complete(request_id=placement.pk, by=manager, today=slot.start_date)
    with pytest.raises(ValidationError, match="ne peut plus être annulée"):
        services.request_cancel(request_id=placement.pk, by=gendarme)


def test_only_managers_of_the_institution_decide(gendarme, slot, manager):
    placement = request_for(gendarme, slot)
    other_host = host()
    InstitutionFactory(managers=[other_host])
    for outsider in (other_host, gendarme, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.request_accept(request_id=placement.pk, by=outsider)
        with pytest.raises(PermissionDenied):
            services.request_refuse(request_id=placement.pk, by=outsider, message="Non.")
    with pytest.raises(PermissionDenied):
        services.request_cancel(request_id=placement.pk, by=other_host)
    placement.refresh_from_db()
    assert placement.status == Status.REQUESTED


def test_an_offer_limited_to_some_professions_refuses_the_others(gendarme, slot):
    slot.offer.professions.set(Audience.objects.filter(code__in=["medecin", "sage_femme"]))
    with pytest.raises(ValidationError, match="pas ouverte à votre profession"):
        request_for(gendarme, slot)
    doctor = UserFactory(profession="medecin", employer="Cabinet médical")
    assert request_for(doctor, slot).status == Status.REQUESTED


def test_prerequisite_modules_must_be_completed_first(gendarme, slot):
    module = course_factories.module(title="Le psychotraumatisme", lessons=1)
    slot.offer.prerequisites.set([module])
    with pytest.raises(ValidationError, match="Le psychotraumatisme"):
        request_for(gendarme, slot)
    PlacementRequest.objects.all().delete()
    module.delete()
    other, _completion = complete_module(gendarme, title="Le continuum des violences")
    slot.offer.prerequisites.set([other])
    assert request_for(gendarme, slot).status == Status.REQUESTED


def test_a_slot_already_started_cannot_be_requested(gendarme, slot):
    slot.start_date = timezone.localdate()
    slot.save()
    with pytest.raises(ValidationError, match="déjà commencé"):
        request_for(gendarme, slot)


def test_one_active_request_per_offer(gendarme, slot, manager):
    other_slot = SlotFactory(offer=slot.offer, start_date=slot.start_date + timedelta(days=7))
    placement = request_for(gendarme, slot)
    with pytest.raises(ValidationError, match="déjà une demande en cours"):
        request_for(gendarme, slot)
    with pytest.raises(ValidationError, match="déjà une demande en cours"):
        request_for(gendarme, other_slot)
    services.request_cancel(request_id=placement.pk, by=gendarme)
    assert request_for(gendarme, other_slot).status == Status.REQUESTED


def test_an_unpublished_offer_and_a_full_slot_cannot_be_requested(gendarme, slot, manager):
    slot.seats = 1
    slot.save()
    _accepted(UserFactory(), slot, manager)
    with pytest.raises(ValidationError, match="complet"):
        request_for(gendarme, slot)
    slot.offer.is_published = False
    slot.offer.save()
    with pytest.raises(ValidationError, match="pas publiée"):
        request_for(gendarme, slot)


def test_a_manager_cannot_request_a_placement_in_their_own_institution(slot, manager):
    with pytest.raises(ValidationError, match="Vous gérez cette structure"):
        request_for(manager, slot)


def test_a_failed_convention_leaves_the_request_accepted_and_can_be_generated_again(
    gendarme, slot, manager, monkeypatch
):
    from placements import rendering

    placement = request_for(gendarme, slot)

    def broken(placement):
        raise OSError("disque plein")

    with monkeypatch.context() as patch:
        patch.setattr(rendering, "convention_pdf", broken)
        placement = services.request_accept(request_id=placement.pk, by=manager)
    assert placement.status == Status.ACCEPTED
    assert not placement.convention
    with pytest.raises(ValidationError, match="pas encore générée"):
        services.request_confirm(request_id=placement.pk, by=gendarme)

    assert services.convention_generate(request_id=placement.pk) == "generated"
    assert services.convention_generate(request_id=placement.pk) == "already"
    placement.refresh_from_db()
    assert placement.convention.read().startswith(b"%PDF")
    services.request_confirm(request_id=placement.pk, by=gendarme)


def test_the_rgpd_export_lists_the_professionals_requests(gendarme, slot):
    from accounts.selectors import user_personal_data

    request_for(gendarme, slot, motivation="Découvrir les urgences.")
    data = user_personal_data(gendarme)["stages_croises"]["demandes"]
    assert [(d["offre"], d["motivation"]) for d in data] == [
        ("Urgences médico-judiciaires", "Découvrir les urgences.")
    ]


def test_placements_completed_counts_each_placement_on_its_last_day(gendarme, slot, manager):
    placement = _confirmed(gendarme, slot, manager)
    cancelled = request_for(UserFactory(), slot)
    services.request_cancel(request_id=cancelled.pk, by=manager)
    assert selectors.placements_completed(slot.end_date, slot.end_date).count() == 0
    services.request_complete(request_id=placement.pk, by=manager, today=slot.start_date)

    last_day = slot.end_date
    assert list(selectors.placements_completed(last_day, last_day)) == [placement]
    assert selectors.placements_completed(last_day - timedelta(days=30), last_day).count() == 1
    after = last_day + timedelta(days=1)
    assert selectors.placements_completed(after, after + timedelta(days=9)).count() == 0
    before = slot.start_date  # the first day of a two-day placement is not its last
    assert selectors.placements_completed(before - timedelta(days=9), before).count() == 0


def test_an_offer_is_saved_only_for_an_institution_the_author_manages(manager):
    from placements.models import Offer, Slot

    own = manager.managed_institutions.create(
        name="CIDFF du Nord",
        kind="cidff",
        address="1 rue",
        city="Lille",
        departement_id="59",
        arrondissement_id="595",
    )
    offer = services.offer_save(
        by=manager,
        offer=Offer(institution=own, title="Permanence juridique", description="d", objectives="o"),
        slots=[Slot(start_date=date(2030, 1, 7), end_date=date(2030, 1, 7), seats=1)],
    )
    assert offer.created_by == manager
    assert offer.slots.count() == 1
    foreign = InstitutionFactory()
    with pytest.raises(PermissionDenied):
        services.offer_save(
            by=manager,
            offer=Offer(institution=foreign, title="Intrusion", description="d", objectives="o"),
        )


@pytest.mark.parametrize("title", ["Stage\nau commissariat", "Stage\rB", "Stage\x1bB"])
def test_an_offer_title_holds_on_one_line(title):
    # It ends up in email subjects and calendar files.
    offer = OfferFactory.build(institution=InstitutionFactory(), title=title)

    with pytest.raises(ValidationError) as error:
        offer.full_clean()

    assert "title" in error.value.message_dict
