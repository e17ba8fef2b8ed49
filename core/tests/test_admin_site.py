"""Django's admin at /gestion-technique/ is a technical back office for superusers only."""

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")
LOGIN = reverse("admin:login")
USERS = reverse("admin:accounts_user_changelist")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.mark.parametrize("url", [INDEX, USERS])
def test_staff_who_is_not_superuser_is_refused(client, staff, url):
    client.force_login(staff)

    response = client.get(url, follow=True)

    assert response.status_code == 403
    assert response.redirect_chain[0][0].startswith(LOGIN)


def test_administrator_role_is_not_enough(client, administrator):
    client.force_login(administrator)

    assert client.get(INDEX, follow=True).status_code == 403


@pytest.mark.parametrize("url", [INDEX, USERS])
def test_superuser_is_admitted(client, superuser, url):
    client.force_login(superuser)

    assert client.get(url).status_code == 200


def test_superuser_sees_people_in_the_user_list(client, superuser, learner):
    client.force_login(superuser)

    content = client.get(USERS).content.decode()

    assert learner.email in content


def test_anonymous_visitor_signs_in_on_the_service_login_page(client, superuser):
    response = client.get(USERS, follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next={USERS}"
    response = client.post(
        response.redirect_chain[-1][0], {"login": superuser.email, "password": PASSWORD}
    )
    # Superusers have a second factor: the code comes before the admin.
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(response["Location"], {"code": totp_code(superuser)})
    assert response["Location"] == USERS
    assert client.get(USERS).status_code == 200


def test_admin_login_form_cannot_bypass_the_login_throttle(client, superuser):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": superuser.email, "password": "devine"})

    client.post(LOGIN, {"username": superuser.email, "password": PASSWORD, "next": INDEX})

    assert client.session.get("_auth_user_id") is None
    assert client.get(INDEX).status_code == 302
