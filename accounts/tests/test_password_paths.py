"""Every password path goes through allauth: Wagtail's and Django admin's forms lead there."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"


@pytest.mark.parametrize(
    "path",
    [
        "/cms/password_reset/",
        "/cms/password_reset/done/",
        "/cms/password_reset/confirm/MQ/abc-123/",
        "/cms/password_reset/complete/",
    ],
)
def test_wagtail_reset_pages_lead_to_allauths_reset(client, path):
    response = client.get(path)

    assert (response.status_code, response["Location"]) == (302, RESET)


def test_wagtail_reset_form_sends_no_mail(client, editor):
    for _attempt in range(7):
        client.post("/cms/password_reset/", {"email": editor.email})

    assert mail.outbox == []


def test_allauths_reset_is_throttled_per_address(client, editor):
    statuses = [
        client.post(reverse("account_reset_password"), {"email": editor.email}).status_code
        for _attempt in range(7)
    ]

    assert statuses[0] == 302
    assert statuses[-1] == 429
    assert len(mail.outbox) == statuses.count(302) < 7


def test_wagtail_account_page_has_no_password_form(client, editor):
    client.force_login(editor)

    response = client.get("/cms/account/")

    assert response.status_code == 200
    assert "old_password" not in response.content.decode()


def test_wagtail_user_form_sets_no_password(client, administrator):
    client.force_login(administrator)

    response = client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()


def test_django_admin_password_change_leads_to_allauths(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("admin:password_change"))

    assert (response.status_code, response["Location"]) == (
        302,
        reverse("account_change_password"),
    )


def test_django_admin_cannot_set_another_persons_password(client, superuser):
    person = UserFactory(role=Role.TRAINER)
    before = person.password
    client.force_login(superuser)
    url = reverse("admin:auth_user_password_change", args=[person.pk])

    response = client.post(
        url,
        {"password1": "un-autre-mot-de-passe-2026", "password2": "un-autre-mot-de-passe-2026"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Mot de passe" in response.content.decode()
    assert "oublié" in response.content.decode()
    person.refresh_from_db()
    assert person.password == before
