"""Which territories' figures a person reads: from roles and delegations."""

import pytest

from accounts.constants import Role
from accounts.selectors import territory_scope
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_ddfe_reads_her_departements_only():
    ddfe = UserFactory(role=Role.DDFE, delegated=["59", "80"])

    scope = territory_scope(ddfe)

    assert not scope.national
    assert scope.departement_codes() == ["59", "80"]
    assert scope.covers_departement("59") and not scope.covers_departement("62")
    assert not scope.covers_region("32")


def test_a_regional_delegate_reads_her_region_and_its_departements():
    delegate = UserFactory(role=Role.REGIONAL, delegated=["32"])

    scope = territory_scope(delegate)

    assert scope.covers_region("32") and not scope.covers_region("11")
    assert scope.departement_codes() == ["02", "59", "60", "62", "80"]


@pytest.mark.parametrize("role", [Role.NATIONAL, Role.ADMIN])
def test_the_national_service_and_administrators_read_everything(role):
    scope = territory_scope(UserFactory(role=role))

    assert scope.national
    assert scope.departement_codes() is None
    assert scope.covers_departement("976") and scope.covers_region("94")


@pytest.mark.parametrize("role", [None, Role.TRAINER, Role.HOST, Role.UNIT_MANAGER, Role.EDITOR])
def test_other_roles_read_no_territory(role):
    scope = territory_scope(UserFactory(role=role))

    assert scope.empty
    assert not scope.covers_departement("62")


def test_a_ddfe_without_delegation_reads_nothing():
    assert territory_scope(UserFactory(role=Role.DDFE, delegated=[])).empty


def test_the_scope_is_computed_once_per_request(django_assert_num_queries):
    ddfe = UserFactory(role=Role.DDFE, delegated=["62"])
    territory_scope(ddfe)

    with django_assert_num_queries(0):
        assert territory_scope(ddfe).departement_codes() == ["62"]
