"""Sign-up, email verification, login, password reset and throttling through allauth's views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-mot-de-passe-long-2026"
SIGNUP = {
    "email": "Lea.Durand@Exemple.fr",
    "first_name": " Léa ",
    "last_name": "Durand",
    "password1": NEW_PASSWORD,
    "password2": NEW_PASSWORD,
}


def _link(message, path_prefix: str) -> str:
    """Return the path of the first link in `message` starting with `path_prefix`."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+)", message.body)
    assert match, f"no {path_prefix} link in: {message.body}"
    return match.group(1)


def _login(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_signup_creates_an_unverified_learner_with_a_name(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="lea.durand@exemple.fr")
    assert (user.first_name, user.last_name) == ("Léa", "Durand")
    assert list(user.groups.values_list("name", flat=True)) == [ROLE_GROUP_NAMES[Role.LEARNER]]
    assert not EmailAddress.objects.get(user=user).verified
    assert not user.profile_is_complete
    assert _signed_in_user_id(client) is None


def test_signup_sends_a_french_verification_email(client):
    client.post(reverse("account_signup"), SIGNUP)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea.durand@exemple.fr"]
    assert message.subject.startswith("[Égide] ")
    with translation.override("fr"):
        french_subject = translation.gettext("Please Confirm Your Email Address")
    assert french_subject != "Please Confirm Your Email Address"
    assert message.subject == settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + french_subject
    assert "/accounts/confirm-email/" in message.body


def test_emails_name_the_service_not_a_placeholder_site(client):
    client.post(reverse("account_signup"), SIGNUP)

    body = mail.outbox[0].body
    assert settings.SERVICE_NAME in body
    assert "example.com" not in body


def test_signup_with_a_taken_email_in_another_case_creates_no_account(client):
    existing = UserFactory(email="lea.durand@exemple.fr")

    client.post(reverse("account_signup"), SIGNUP)

    assert list(User.objects.filter(email__iexact="lea.durand@exemple.fr")) == [existing]


def test_signup_with_a_short_password_is_refused_in_french(client):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": "court", "password2": "court"}
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="lea.durand@exemple.fr").exists()
    with translation.override("fr"):
        errors = " ".join(response.context["form"].errors["password1"])
    assert "12" in errors and "caractères" in errors


def test_login_is_refused_until_the_email_is_verified(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.cookies.clear()

    response = _login(client, "lea.durand@exemple.fr", NEW_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert _signed_in_user_id(client) is None
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_confirming_by_post_verifies_and_signs_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    link = _link(mail.outbox[0], "/accounts/confirm-email/")
    user = User.objects.get(email="lea.durand@exemple.fr")

    # The link opens a confirmation page; only the POST confirms.
    assert client.get(link).status_code == 200
    assert not EmailAddress.objects.get(user=user).verified

    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert _signed_in_user_id(client) == str(user.pk)


def test_verified_person_can_log_in_with_the_email_in_any_case(client):
    user = UserFactory(email="lea.durand@exemple.fr")

    response = _login(client, "Lea.Durand@EXEMPLE.fr", PASSWORD)

    assert response.status_code == 302
    assert _signed_in_user_id(client) == str(user.pk)


def test_password_reset_sends_a_link_and_the_new_password_works(client):
    user = UserFactory()

    response = client.post(reverse("account_reset_password"), {"email": user.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject.startswith("[Égide] ")
    link = _link(message, "/accounts/password/reset/key/")

    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_email_sends_no_reset_link(client):
    client.post(reverse("account_reset_password"), {"email": "inconnue@exemple.fr"})

    assert all("/accounts/password/reset/key/" not in m.body for m in mail.outbox)


def test_email_change_page_is_reachable_and_verifies_the_new_address(client):
    user = UserFactory()
    client.force_login(user)

    assert client.get(reverse("account_email")).status_code == 200
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nouvelle.adresse@exemple.fr"}
    )

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["nouvelle.adresse@exemple.fr"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    # The login address only changes once the new one is confirmed.
    user.refresh_from_db()
    assert user.email != "nouvelle.adresse@exemple.fr"


def test_email_change_page_requires_login(client):
    response = client.get(reverse("account_email"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_login_is_throttled_after_five_failures_for_one_email(client):
    user = UserFactory()
    other = UserFactory()

    for _attempt in range(5):
        response = _login(client, user.email, "mauvais-mot-de-passe")
        assert response.status_code == 200
    response = _login(client, user.email, PASSWORD)

    assert response.status_code == 200
    assert _signed_in_user_id(client) is None
    assert response.context["form"].non_field_errors()
    # The limit is per account: someone else on the same network can still log in.
    assert _login(client, other.email, PASSWORD).status_code == 302
    assert _signed_in_user_id(client) == str(other.pk)


def test_four_failures_do_not_lock_the_account(client):
    user = UserFactory()

    for _attempt in range(4):
        _login(client, user.email, "mauvais-mot-de-passe")
    response = _login(client, user.email, PASSWORD)

    assert response.status_code == 302
    assert _signed_in_user_id(client) == str(user.pk)


def test_wagtail_login_form_cannot_bypass_verification_or_throttling(client):
    unverified = UserFactory(verified=False)
    for _attempt in range(5):
        client.post("/cms/login/", {"username": unverified.email, "password": "devine"})

    client.post("/cms/login/", {"username": unverified.email, "password": PASSWORD})

    assert client.session.get("_auth_user_id") is None


def test_wagtail_frontend_login_form_cannot_bypass_verification_or_throttling(client):
    """Wagtail's login for private pages (/_util/login/) is Django's bare form: it is
    sent to allauth's like /cms/login/, so an unverified address cannot sign in there."""
    unverified = UserFactory(verified=False)

    response = client.post(
        "/_util/login/?next=/mon-espace/",
        {"username": unverified.email, "password": PASSWORD},
    )

    assert client.session.get("_auth_user_id") is None
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/mon-espace/"
