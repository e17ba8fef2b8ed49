"""Pages: catalogue and filters, requests, "Mes stages", "Mes offres", who sees what."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import IncompleteUserFactory, UserFactory
from courses.models import Audience
from placements import services
from placements.constants import Status
from placements.models import Offer, PlacementRequest

from .factories import InstitutionFactory, OfferFactory, SlotFactory, host, request_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return host(email="accueil@ch-lens.exemple.fr")


@pytest.fixture
def slot(manager):
    institution = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    return SlotFactory(offer=OfferFactory(institution=institution, title="Urgences"), seats=2)


def _accepted(user, slot, manager):
    placement = request_for(user, slot)
    return services.request_accept(request_id=placement.pk, by=manager)


# --- Catalogue ---------------------------------------------------------------------


def test_the_catalogue_lists_published_offers_with_upcoming_slots_only(client, slot):
    draft = SlotFactory(offer=OfferFactory(title="Brouillon", is_published=False))
    past = SlotFactory(
        offer=OfferFactory(title="Déjà passé"),
        start_date=timezone.localdate() - timedelta(days=3),
        end_date=timezone.localdate() - timedelta(days=2),
    )
    response = client.get(reverse("placements:catalogue"))
    assert response.status_code == 200
    offers = response.context["offers"]
    assert [o.title for o in offers] == ["Urgences"]
    assert draft.offer not in offers and past.offer not in offers
    assert "Centre hospitalier de Lens" in response.text


def test_the_catalogue_filters_by_arrondissement_kind_date_and_profession(client, slot):
    lille = InstitutionFactory(
        name="Commissariat de Lille",
        kind="commissariat",
        city="Lille",
        departement="59",
        arrondissement="595",
    )
    police_offer = OfferFactory(institution=lille, title="Accueil des plaintes")
    police_offer.professions.set(Audience.objects.filter(code="travailleur_social"))
    SlotFactory(offer=police_offer, start_date=timezone.localdate() + timedelta(days=60))

    def titles(**params):
        response = client.get(reverse("placements:catalogue"), params)
        return sorted(o.title for o in response.context["offers"])

    assert titles() == ["Accueil des plaintes", "Urgences"]
    assert titles(arrondissement="595") == ["Accueil des plaintes"]
    assert titles(departement="62") == ["Urgences"]
    assert titles(departement="59") == ["Accueil des plaintes"]
    assert titles(departement="80") == []
    assert titles(kind="hopital") == ["Urgences"]
    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    assert titles(day=later) == ["Accueil des plaintes"]
    # Open to all professions, or to the one asked.
    assert titles(profession="police_nationale") == ["Urgences"]
    assert titles(profession="travailleur_social") == ["Accueil des plaintes", "Urgences"]


def test_catalogue_queries_do_not_grow_with_offers(client, django_assert_max_num_queries):
    for number in range(8):
        offer = OfferFactory(title=f"Offre {number}")
        offer.professions.set(Audience.objects.filter(code__in=["medecin", "infirmier"]))
        SlotFactory(offer=offer)
        SlotFactory(offer=offer, start_date=timezone.localdate() + timedelta(days=40))
    client.get(reverse("placements:catalogue"))  # warm caches (site root, roles)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("placements:catalogue"))
    assert len(response.context["offers"]) == 8
    # Both territory lists: every département (Mayotte has no arrondissement), and the
    # arrondissements grouped by département.
    form = response.context["form"]
    assert ("976", "976 – Mayotte") in form.fields["departement"].choices
    groups = dict(form.fields["arrondissement"].choices[1:])
    assert ("627", "Lens") in groups["62 – Pas-de-Calais"]
    assert len(groups) == 100
    assert "arrondissement de Lens" in response.text


def test_anyone_reads_a_published_offer_and_is_asked_to_log_in_to_request(client, slot):
    response = client.get(reverse("placements:offer", args=[slot.offer.pk]))
    assert response.status_code == 200
    assert "Confidentialité" in response.text
    assert response.context["offer"].upcoming_slots[0].remaining == 2
    request_page = client.get(reverse("placements:request_new", args=[slot.pk]))
    assert request_page.status_code == 302
    assert request_page.url.startswith(reverse("account_login"))


def test_an_unpublished_offer_is_404_except_for_its_managers(client, slot, manager):
    slot.offer.is_published = False
    slot.offer.save()
    url = reverse("placements:offer", args=[slot.offer.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(manager)
    assert client.get(url).status_code == 200


# --- Requests ----------------------------------------------------------------------


def test_a_professional_requests_a_slot_with_motivation_and_employer_contact(client, slot):
    learner = UserFactory(employer="Commissariat de Lens")
    client.force_login(learner)
    url = reverse("placements:request_new", args=[slot.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="Commissariat de Lens"' in page.text  # prefilled from the profile
    assert not PlacementRequest.objects.exists()  # no state change on GET

    response = client.post(
        url,
        {
            "motivation": "Comprendre l'examen médico-légal.",
            "employer_name": "Commissariat de Lens",
            "employer_contact_name": "Commandant Lemaire",
            "employer_email": "lemaire@interieur.exemple.fr",
            "employer_phone": "abc",
        },
    )
    assert response.status_code == 400
    assert "Indiquez un numéro de téléphone valide" in response.text

    response = client.post(
        url,
        {
            "motivation": "Comprendre l'examen médico-légal.",
            "employer_name": "Commissariat de Lens",
            "employer_contact_name": "Commandant Lemaire",
            "employer_email": "lemaire@interieur.exemple.fr",
            "employer_phone": "03 21 00 11 22",
        },
    )
    placement = PlacementRequest.objects.get()
    assert response.url == reverse("placements:request", args=[placement.pk])
    assert placement.employer_contact_name == "Commandant Lemaire"


def test_the_request_page_says_why_someone_may_not_ask(client, slot):
    slot.offer.professions.set(Audience.objects.filter(code="medecin"))
    client.force_login(UserFactory(profession="police_nationale"))
    response = client.get(reverse("placements:request_new", args=[slot.pk]))
    assert "pas ouverte à votre profession" in response.text
    response = client.post(
        reverse("placements:request_new", args=[slot.pk]),
        {
            "motivation": "x",
            "employer_name": "x",
            "employer_contact_name": "x",
            "employer_email": "x@exemple.fr",
            "employer_phone": "0321000000",
        },
    )
    assert response.status_code == 400
    assert not PlacementRequest.objects.exists()


def test_an_incomplete_profile_completes_it_before_requesting(client, slot):
    client.force_login(IncompleteUserFactory())
    response = client.get(reverse("placements:request_new", args=[slot.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:profile"))


def test_state_changes_are_post_only(client, slot, manager):
    placement = request_for(UserFactory(), slot)
    client.force_login(manager)
    for name in ("accept", "refuse", "confirm", "complete", "cancel"):
        response = client.get(reverse(f"placements:{name}", args=[placement.pk]))
        assert response.status_code == 405
    placement.refresh_from_db()
    assert placement.status == Status.REQUESTED


def test_the_host_accepts_from_the_request_page_and_both_confirm(client, slot, manager):
    learner = UserFactory()
    placement = request_for(learner, slot)
    client.force_login(manager)
    client.post(reverse("placements:accept", args=[placement.pk]), {"message": "Bienvenue."})
    client.post(reverse("placements:confirm", args=[placement.pk]))
    client.force_login(learner)
    page = client.get(reverse("placements:request", args=[placement.pk]))
    assert "Bienvenue." in page.text
    assert "Télécharger la convention" in page.text
    client.post(reverse("placements:confirm", args=[placement.pk]))
    placement.refresh_from_db()
    assert placement.status == Status.CONFIRMED


def test_a_refusal_without_message_shows_a_clear_error(client, slot, manager):
    placement = request_for(UserFactory(), slot)
    client.force_login(manager)
    response = client.post(
        reverse("placements:refuse", args=[placement.pk]), {"message": ""}, follow=True
    )
    assert "Expliquez votre refus en quelques mots." in response.text
    placement.refresh_from_db()
    assert placement.status == Status.REQUESTED


# --- Who sees what -----------------------------------------------------------------


def test_the_convention_is_for_the_three_parties_only(client, slot, manager, administrator):
    learner = UserFactory()
    placement = _accepted(learner, slot, manager)
    url = reverse("placements:convention", args=[placement.pk])
    for party in (learner, manager, administrator):
        client.force_login(party)
        response = client.get(url)
        assert response.status_code == 200, party
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    other_host = host()
    InstitutionFactory(managers=[other_host])
    for outsider in (UserFactory(), other_host):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.get(reverse("placements:request", args=[placement.pk])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_a_host_cannot_act_on_another_institutions_request(client, slot):
    placement = request_for(UserFactory(), slot)
    other_host = host()
    InstitutionFactory(managers=[other_host])
    client.force_login(other_host)
    response = client.post(reverse("placements:accept", args=[placement.pk]))
    assert response.status_code == 404
    placement.refresh_from_db()
    assert placement.status == Status.REQUESTED


def test_a_learner_sees_only_their_own_placements(client, slot, manager):
    mine, theirs = UserFactory(), UserFactory()
    own = request_for(mine, slot)
    request_for(theirs, slot)
    client.force_login(mine)
    response = client.get(reverse("placements:mine"))
    assert [r.pk for r in response.context["current"]] == [own.pk]


def test_mes_offres_shows_only_the_hosts_institutions(client, slot, manager):
    request_for(UserFactory(last_name="Visible"), slot)
    foreign_slot = SlotFactory(offer=OfferFactory(title="Offre d'ailleurs"))
    request_for(UserFactory(last_name="Cachée"), foreign_slot)
    client.force_login(manager)
    response = client.get(reverse("placements:host_offers"))
    overview = response.context["overview"]
    assert [o.title for o in overview.offers] == ["Urgences"]
    assert [r.user.last_name for r in overview.to_decide] == ["Visible"]
    assert "Offre d'ailleurs" not in response.text


def test_mes_offres_is_for_hosts(client):
    client.force_login(UserFactory())
    assert client.get(reverse("placements:host_offers")).status_code == 403
    assert client.get(reverse("placements:offer_new")).status_code == 403


def test_mes_offres_queries_do_not_grow_with_requests(
    client, slot, manager, django_assert_max_num_queries
):
    for number in range(3):
        offer = OfferFactory(institution=slot.offer.institution, title=f"Offre {number}")
        for days in (10, 20):
            extra = SlotFactory(offer=offer, start_date=timezone.localdate() + timedelta(days=days))
            request_for(UserFactory(), extra)
    _accepted(UserFactory(), slot, manager)
    client.force_login(manager)
    client.get(reverse("placements:host_offers"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("placements:host_offers"))
    assert len(response.context["overview"].to_decide) == 6


# --- Authoring ---------------------------------------------------------------------


def _offer_data(institution, **extra):
    data = {
        "institution": institution.pk,
        "title": "Permanence d'accueil des victimes",
        "description": "Vous assistez aux entretiens d'accueil.",
        "objectives": "Connaître l'accompagnement juridique.",
        "practical_info": "",
        "confidentiality": "Secret professionnel.",
        "is_published": "on",
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "1",
        "slots-MAX_NUM_FORMS": "1000",
        "slots-0-start_date": "2030-03-04",
        "slots-0-end_date": "2030-03-05",
        "slots-0-seats": "2",
        "slots-1-start_date": "",
        "slots-1-end_date": "",
        "slots-1-seats": "1",
    }
    data.update(extra)
    return data


def test_a_host_publishes_an_offer_with_slots(client, manager, slot):
    institution = slot.offer.institution
    client.force_login(manager)
    assert client.get(reverse("placements:offer_new")).status_code == 200
    response = client.post(reverse("placements:offer_new"), _offer_data(institution))
    assert response.status_code == 302, response.context["form"].errors
    offer = Offer.objects.get(title="Permanence d'accueil des victimes")
    assert offer.created_by == manager
    assert [(s.start_date.isoformat(), s.seats) for s in offer.slots.all()] == [("2030-03-04", 2)]


def test_slot_dates_in_the_wrong_order_are_refused(client, manager, slot):
    client.force_login(manager)
    response = client.post(
        reverse("placements:offer_new"),
        _offer_data(slot.offer.institution, **{"slots-0-end_date": "2030-03-01"}),
    )
    assert response.status_code == 400
    assert "Le dernier jour doit suivre le premier jour." in response.text


def test_a_host_cannot_publish_for_another_institution(client, manager):
    InstitutionFactory(managers=[manager])
    foreign = InstitutionFactory(name="Tribunal judiciaire d'Arras")
    client.force_login(manager)
    response = client.post(reverse("placements:offer_new"), _offer_data(foreign))
    assert response.status_code == 400
    assert not Offer.objects.filter(institution=foreign).exists()
    foreign_offer = OfferFactory(institution=foreign)
    assert client.get(reverse("placements:offer_edit", args=[foreign_offer.pk])).status_code == 404


def test_a_slot_with_requests_cannot_be_deleted_nor_shrunk_below_its_accepted(
    client, manager, slot
):
    _accepted(UserFactory(), slot, manager)
    _accepted(UserFactory(), slot, manager)
    client.force_login(manager)
    base = {
        **_offer_data(slot.offer.institution),
        "title": slot.offer.title,
        "slots-TOTAL_FORMS": "1",
        "slots-INITIAL_FORMS": "1",
        "slots-0-id": str(slot.pk),
        "slots-0-start_date": slot.start_date.isoformat(),
        "slots-0-end_date": slot.end_date.isoformat(),
    }
    response = client.post(
        reverse("placements:offer_edit", args=[slot.offer.pk]), {**base, "slots-0-seats": "1"}
    )
    assert response.status_code == 400
    assert "2 places sont déjà attribuées" in response.text
    response = client.post(
        reverse("placements:offer_edit", args=[slot.offer.pk]),
        {**base, "slots-0-seats": "2", "slots-0-DELETE": "on"},
    )
    assert response.status_code == 400
    slot.refresh_from_db()
    assert slot.seats == 2


def test_the_offer_page_points_to_the_visitors_request_in_progress(client, slot):
    learner = UserFactory()
    placement = request_for(learner, slot)
    client.force_login(learner)
    response = client.get(reverse("placements:offer", args=[slot.offer.pk]))
    assert response.context["my_request"] == placement
    assert reverse("placements:request", args=[placement.pk]) in response.text
    assert reverse("placements:request_new", args=[slot.pk]) not in response.text
    client.force_login(UserFactory())
    response = client.get(reverse("placements:offer", args=[slot.offer.pk]))
    assert response.context["my_request"] is None
    assert reverse("placements:request_new", args=[slot.pk]) in response.text


def test_mes_stages_offers_the_convention_and_the_confirmation(client, slot, manager):
    learner = UserFactory()
    placement = _accepted(learner, slot, manager)
    client.force_login(learner)
    response = client.get(reverse("placements:mine"))
    assert reverse("placements:convention", args=[placement.pk]) in response.text
    assert reverse("placements:confirm", args=[placement.pk]) in response.text
    client.post(reverse("placements:confirm", args=[placement.pk]))
    response = client.get(reverse("placements:mine"))
    assert reverse("placements:confirm", args=[placement.pk]) not in response.text


def test_mes_stages_queries_do_not_grow_with_requests(
    client, manager, django_assert_max_num_queries
):
    learner = UserFactory()
    for number in range(4):
        institution = InstitutionFactory(managers=[manager])
        slot = SlotFactory(offer=OfferFactory(institution=institution, title=f"Offre {number}"))
        placement = request_for(learner, slot)
        if number % 2:
            services.request_accept(request_id=placement.pk, by=manager)
    client.force_login(learner)
    client.get(reverse("placements:mine"))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("placements:mine"))
    assert len(response.context["current"]) == 4


def test_the_host_declares_the_placement_completed_from_its_page(client, slot, manager):
    import time_machine

    from certificates.models import Attestation

    learner = UserFactory()
    placement = _accepted(learner, slot, manager)
    services.request_confirm(request_id=placement.pk, by=learner)
    services.request_confirm(request_id=placement.pk, by=manager)
    client.force_login(manager)
    url = reverse("placements:complete", args=[placement.pk])

    response = client.post(url, follow=True)
    assert "Ce stage n&#x27;a pas encore commencé." in response.text
    with time_machine.travel(slot.end_date + timedelta(days=1)):
        client.force_login(manager)  # sessions last twelve hours
        client.post(url)
    placement.refresh_from_db()
    assert placement.status == Status.COMPLETED
    assert Attestation.objects.filter(user=learner, source=f"placement:{placement.pk}").exists()
    history = client.get(reverse("placements:host_offers")).context["overview"].history
    assert history == [placement]


def test_a_pending_request_is_withdrawn_not_cancelled(client, slot, manager, mailoutbox):
    """A request not answered yet: its author withdraws it; the host answers it (accept or
    refuse), with nothing that reads "cancel the placement"."""
    learner = UserFactory(first_name="Inès", last_name="Roy")
    placement = request_for(learner, slot)
    url = reverse("placements:request", args=[placement.pk])
    client.force_login(manager)
    page = client.get(url).text
    assert "Accepter la demande" in page and "Annuler le stage" not in page
    client.force_login(learner)
    page = client.get(url).text
    assert "Retirer ma demande" in page and "Annuler le stage" not in page

    response = client.post(reverse("placements:cancel", args=[placement.pk]), follow=True)
    assert "Votre demande est retirée" in response.text
    assert "Demande de stage retirée : Urgences" in mailoutbox[-1].subject
    assert "Inès Roy a retiré sa demande pour le stage du" in mailoutbox[-1].body

    accepted = _accepted(UserFactory(), slot, manager)
    client.force_login(manager)
    assert "Annuler le stage" in client.get(reverse("placements:request", args=[accepted.pk])).text
