"""Institutions are managed by administrators in the Wagtail admin (accounts snippet)."""

import pytest
from django.urls import reverse

from accounts.models import Institution
from accounts.tests.factories import UserFactory

from .factories import InstitutionFactory, host

pytestmark = pytest.mark.django_db


def _form(**extra) -> dict:
    return {
        "name": "CIDFF du Pas-de-Calais",
        "kind": "cidff",
        "address": "2 place de la Gare",
        "postal_code": "62000",
        "city": "Arras",
        "departement": "62",
        "arrondissement": "621",
        **extra,
    }


def test_an_administrator_adds_an_institution_with_its_managers(client, administrator):
    manager = host()
    client.force_login(administrator)
    url = reverse("wagtailsnippets_accounts_institution:add")
    assert client.get(url).status_code == 200
    response = client.post(url, _form(managers=[manager.pk]))
    assert response.status_code == 302
    institution = Institution.objects.get(name="CIDFF du Pas-de-Calais")
    assert list(institution.managers.all()) == [manager]
    listing = client.get(reverse("wagtailsnippets_accounts_institution:list"))
    assert "CIDFF du Pas-de-Calais" in listing.text


def test_an_arrondissement_outside_the_departement_is_refused_in_french(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailsnippets_accounts_institution:add"), _form(arrondissement="595")
    )
    assert response.status_code == 200
    assert "appartient pas au département choisi" in response.text
    assert not Institution.objects.exists()


def test_the_same_institution_cannot_be_entered_twice(client, administrator):
    InstitutionFactory(name="CIDFF du Pas-de-Calais", city="Arras", arrondissement="621")
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailsnippets_accounts_institution:add"),
        _form(name="cidff du pas-de-calais"),
    )
    assert response.status_code == 200
    assert Institution.objects.count() == 1


def test_hosts_and_learners_do_not_manage_institutions(client):
    for user in (host(), UserFactory()):
        client.force_login(user)
        response = client.get(reverse("wagtailsnippets_accounts_institution:add"))
        assert response.status_code in (302, 403)


def test_administrators_list_and_inspect_requests_without_editing_them(client, administrator):
    from .factories import SlotFactory, request_for

    placement = request_for(UserFactory(last_name="Stagiaire"), SlotFactory())
    client.force_login(administrator)
    listing = client.get(reverse("wagtailsnippets_placements_placementrequest:list"))
    assert listing.status_code == 200
    assert placement.reference in listing.text
    inspect = client.get(
        reverse("wagtailsnippets_placements_placementrequest:inspect", args=[placement.pk])
    )
    assert inspect.status_code == 200
    assert client.get(reverse("wagtailsnippets_placements_offer:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_placements_offer:add")).status_code in (302, 403)


def test_only_accounts_with_a_managers_role_are_offered_as_managers(client, administrator):
    from accounts import services as account_services
    from accounts.constants import Role

    hospital_host = host(first_name="Hélène", last_name="Vasseur")
    unit_manager = UserFactory(role=Role.UNIT_MANAGER, first_name="Marc", last_name="Lefebvre")
    learner = UserFactory(first_name="Lucie", last_name="Apprenante")
    former = host(first_name="Paul", last_name="Ancien")
    institution = InstitutionFactory(managers=[former])
    account_services.user_remove_role(user=former, role=Role.HOST)
    client.force_login(administrator)

    page = client.get(reverse("wagtailsnippets_accounts_institution:add")).text
    assert f"Hélène Vasseur — {hospital_host.email}" in page
    assert f"Marc Lefebvre — {unit_manager.email}" in page
    assert learner.email not in page and former.email not in page

    edit = reverse("wagtailsnippets_accounts_institution:edit", args=[institution.pk])
    assert former.email in client.get(edit).text  # attached before: still shown
    response = client.post(
        edit, _form(name=institution.name, city=institution.city, managers=[former.pk])
    )
    assert response.status_code == 302
    assert list(institution.managers.all()) == [former]
    # A learner's id forged into the form is refused, nothing is saved.
    response = client.post(
        reverse("wagtailsnippets_accounts_institution:add"), _form(managers=[learner.pk])
    )
    assert response.status_code == 200
    assert not Institution.objects.filter(name="CIDFF du Pas-de-Calais").exists()
