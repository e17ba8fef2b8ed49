"""Roles are Django groups created by a migration; views check them through accounts.roles."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from accounts import services
from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.roles import has_role, role_required, user_roles
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ACCESS_ADMIN = "wagtailadmin.access_admin"


def test_migration_created_one_group_per_role():
    groups = Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())

    assert groups.count() == len(Role) == 9  # with the regional and national roles


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMIN])
def test_editors_and_administrators_may_open_the_wagtail_admin(role):
    user = UserFactory(role=role)

    assert user.has_perm(ACCESS_ADMIN)


@pytest.mark.parametrize("role", [None, Role.TRAINER, Role.HOST, Role.DDFE])
def test_other_roles_may_not_open_the_wagtail_admin(role):
    user = UserFactory(role=role)

    assert not user.has_perm(ACCESS_ADMIN)


def test_administrators_manage_people_from_the_wagtail_admin():
    user = UserFactory(role=Role.ADMIN)

    assert user.has_perms(["accounts.change_user", "auth.change_group"])
    assert not UserFactory(role=Role.EDITOR).has_perm("accounts.change_user")


def test_roles_are_read_with_one_query_per_user_object(django_assert_num_queries):
    user = UserFactory(role=Role.TRAINER)

    with django_assert_num_queries(1):
        roles = user_roles(user)
        assert has_role(user, Role.TRAINER)
        assert not has_role(user, Role.DDFE)
    assert roles == {Role.LEARNER, Role.TRAINER}


def test_inactive_and_anonymous_people_hold_no_role():
    user = UserFactory(role=Role.ADMIN, is_active=False)

    assert user_roles(user) == set()
    assert user_roles(AnonymousUser()) == set()


def test_superusers_hold_every_role_without_groups():
    user = UserFactory(is_superuser=True)
    user.groups.clear()

    assert user_roles(user) == set(Role)


def test_role_required_redirects_anonymous_and_forbids_others():
    @role_required(Role.TRAINER)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    request = factory.get("/sessions/?page=2")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302
    assert response["Location"].endswith("?next=/sessions/%3Fpage%3D2")

    request.user = UserFactory()
    with pytest.raises(PermissionDenied):
        view(request)

    services.user_assign_role(user=request.user, role=Role.TRAINER)
    assert view(request).status_code == 200


def test_learner_cannot_reach_the_cms_but_an_editor_can(client, learner, editor):
    client.force_login(learner)
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

    client.force_login(editor)
    assert client.get("/cms/").status_code == 200


def test_cms_link_is_shown_to_editors_only(client, learner, editor):
    client.force_login(learner)
    assert 'href="/cms/"' not in client.get("/mon-espace/").content.decode()

    client.force_login(editor)
    assert 'href="/cms/"' in client.get("/mon-espace/").content.decode()
