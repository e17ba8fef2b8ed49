"""Administrators set a delegate's territories on Wagtail's user forms."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.selectors import territory_scope
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _data(person, **overrides):
    return {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_active": "on",
        "groups": [group.pk for group in person.groups.all()],
        **overrides,
    }


def test_the_user_form_sets_a_ddfes_departements(client, administrator):
    person = UserFactory(role=Role.DDFE, delegated=["62"])
    client.force_login(administrator)
    edit = reverse("wagtailusers_users:edit", args=[person.pk])

    page = client.get(edit).content.decode()
    response = client.post(edit, _data(person, delegated_departements=["59", "62"]))

    assert 'name="delegated_departements"' in page
    assert 'name="delegated_regions"' in page
    assert "Au moins un." in page
    assert response.status_code == 302
    person.refresh_from_db()
    assert territory_scope(person).departement_codes() == ["59", "62"]


def test_a_ddfe_without_departement_or_a_delegate_without_region_is_refused(client, administrator):
    person = UserFactory(role=Role.DDFE, delegated=["62"])
    regional = Group.objects.get(name=ROLE_GROUP_NAMES[Role.REGIONAL])
    ddfe = Group.objects.get(name=ROLE_GROUP_NAMES[Role.DDFE])
    client.force_login(administrator)
    edit = reverse("wagtailusers_users:edit", args=[person.pk])

    response = client.post(
        edit, _data(person, groups=[ddfe.pk, regional.pk], delegated_departements=[])
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "delegated_departements" in errors and "delegated_regions" in errors
    assert list(person.delegated_departements.values_list("code", flat=True)) == ["62"]
