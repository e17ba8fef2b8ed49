"""The security journal (`egide.security`): sign-ins, failures, credentials, roles."""

import logging

import pytest
from django.urls import reverse

from accounts import services
from accounts.constants import Role
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _journal(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "egide.security"]


def test_a_sign_in_and_a_sign_out_are_journalled_with_the_account_and_address(client, caplog):
    user = UserFactory()
    caplog.set_level(logging.INFO, logger="egide.security")

    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_logout"))

    lines = _journal(caplog)
    assert f"login_succeeded user={user.pk} ip=127.0.0.1" in lines
    assert f"logout user={user.pk} ip=127.0.0.1" in lines


def test_a_failed_sign_in_names_the_login_typed_never_the_password(client, caplog):
    user = UserFactory()
    caplog.set_level(logging.INFO, logger="egide.security")

    client.post(
        reverse("account_login"),
        {"login": user.email, "password": "mot-de-passe-essayé\nlogin_succeeded user=1"},
    )

    lines = _journal(caplog)
    failed = [line for line in lines if line.startswith("login_failed")]
    assert failed and user.email in failed[0]
    assert not any("mot-de-passe-essayé" in line for line in lines)
    assert not any(line.startswith("login_succeeded") for line in lines)


def test_a_forged_login_cannot_write_a_fake_journal_line(client, caplog):
    caplog.set_level(logging.INFO, logger="egide.security")

    client.post(
        reverse("account_login"),
        {"login": "x@exemple.fr\nlogin_succeeded user=1 ip=1.2.3.4", "password": "faux"},
    )

    assert all("\n" not in line for line in _journal(caplog))


def test_a_password_change_and_a_role_granted_are_journalled(client, caplog):
    user = UserFactory()
    client.force_login(user)
    caplog.set_level(logging.INFO, logger="egide.security")

    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "nouveau-mot-de-passe-2026",
            "password2": "nouveau-mot-de-passe-2026",
        },
    )
    services.user_assign_role(user=user, role=Role.DDFE)

    lines = _journal(caplog)
    assert any(line.startswith(f"password_changed user={user.pk} ") for line in lines)
    assert any(line.startswith(f"roles_changed user={user.pk} action=post_add") for line in lines)
