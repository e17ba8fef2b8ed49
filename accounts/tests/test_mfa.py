"""Second factor: who must enrol one, what they reach meanwhile, and their data."""

import json

import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from accounts import services
from accounts.constants import MFA_REQUIRED_ROLES, Role
from accounts.tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

DASHBOARD = "/mon-espace/"
SETUP = "/accounts/2fa/"
NOTICE = "Double authentification obligatoire"


@pytest.mark.parametrize("role", sorted(MFA_REQUIRED_ROLES))
def test_each_privileged_role_is_sent_to_the_setup_page_until_enrolled(client, role):
    person = UserFactory(role=role, mfa=False)
    client.force_login(person)

    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == SETUP
    TOTP.activate(person, generate_totp_secret())
    assert client.get(DASHBOARD).status_code == 200


def test_privileged_roles_are_every_role_but_the_learners():
    assert MFA_REQUIRED_ROLES == set(Role) - {Role.LEARNER}


def test_a_superuser_without_a_second_factor_is_sent_to_the_setup_page(client):
    superuser = UserFactory(is_superuser=True, is_staff=True, mfa=False)
    client.force_login(superuser)

    for path in (DASHBOARD, "/cms/", "/gestion-technique/"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, SETUP), path


def test_a_learner_is_not_asked_to_enrol(client, learner):
    client.force_login(learner)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=learner).exists()


def test_a_role_granted_during_a_session_takes_effect_on_the_next_page(client, learner):
    client.force_login(learner)
    assert client.get(DASHBOARD).status_code == 200

    services.user_assign_role(user=learner, role=Role.TRAINER)

    response = client.get(DASHBOARD)
    assert (response.status_code, response["Location"]) == (302, SETUP)


def test_setup_page_explains_why_in_french_and_remembers_where_the_person_went(client):
    ddfe = UserFactory(role=Role.DDFE, mfa=False)
    client.force_login(ddfe)
    client.get("/indicateurs/?periode=2025", HTTP_ACCEPT="text/html,*/*;q=0.8")
    client.get("/favicon.ico", HTTP_ACCEPT="image/avif,image/webp,*/*")

    response = client.get(SETUP)

    assert response.status_code == 200
    content = response.content.decode()
    assert NOTICE in content
    assert "Application d'authentification" in content
    assert client.session["egide_mfa_next"] == "/indicateurs/?periode=2025"


def test_setup_steps_and_logout_stay_reachable(client):
    editor = UserFactory(role=Role.EDITOR, mfa=False)
    client.force_login(editor)

    # Activating asks to confirm the password first (allauth), not to enrol again.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(response["Location"]).status_code == 200
    assert client.get(reverse("mfa_add_webauthn")).status_code == 302

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") is None


def test_a_learner_may_enable_a_second_factor_from_the_account_menu(client, learner):
    client.force_login(learner)

    profile = client.get(reverse("accounts:profile")).content.decode()
    setup = client.get(SETUP)

    assert f'href="{SETUP}"' in profile
    assert "Double authentification" in profile
    assert setup.status_code == 200
    assert NOTICE not in setup.content.decode()


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("get", "/api/v1/indicators/?plan=PDC-2019", {}),
        ("get", DASHBOARD, {"HTTP_ACCEPT": "application/json"}),
        ("post", "/parcours/lecons/1/commencer/", {"content_type": "application/json"}),
        ("post", "/parcours/lecons/1/commencer/", {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
    ],
)
def test_scripts_get_a_403_json_message_rather_than_a_redirect(client, method, path, headers):
    ddfe = UserFactory(role=Role.DDFE, mfa=False)
    client.force_login(ddfe)

    response = getattr(client, method)(path, **headers)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "double authentification" in response.json()["erreur"]


def test_a_privileged_person_cannot_remove_their_last_factor(learner):
    trainer = UserFactory(role=Role.TRAINER)
    only = Authenticator.objects.get(user=trainer, type=Authenticator.Type.TOTP)
    TOTP.activate(learner, generate_totp_secret())
    learners = Authenticator.objects.get(user=learner, type=Authenticator.Type.TOTP)
    adapter = get_adapter()

    assert not adapter.can_delete_authenticator(only)
    assert adapter.can_delete_authenticator(learners)
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.WEBAUTHN, data={})
    assert adapter.can_delete_authenticator(only)


def test_sign_in_with_a_second_factor_asks_for_the_code(client):
    ddfe = UserFactory(role=Role.DDFE)

    response = client.post(reverse("account_login"), {"login": ddfe.email, "password": PASSWORD})

    assert response["Location"] == reverse("mfa_authenticate")
    assert client.session.get("_auth_user_id") is None
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(ddfe)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ddfe.pk)
    assert client.get(DASHBOARD).status_code == 200


def test_guessing_codes_is_throttled(client):
    ddfe = UserFactory(role=Role.DDFE)
    client.post(reverse("account_login"), {"login": ddfe.email, "password": PASSWORD})
    wrong = f"{(int(totp_code(ddfe)) + 1) % 10**6:06d}"
    for _attempt in range(5):
        response = client.post(reverse("mfa_authenticate"), {"code": wrong})
        assert "Code incorrect." in response.content.decode()

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(ddfe)})

    assert client.session.get("_auth_user_id") is None
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_export_lists_second_factors_without_their_secrets(client):
    ddfe = UserFactory(role=Role.DDFE)
    services.user_totp_activate(user=ddfe, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(ddfe)

    response = client.get(reverse("accounts:data_export"))

    data = json.loads(response.content)
    assert sorted(item["type"] for item in data["double_authentification"]) == [
        "Authentificateur TOTP",
        "Codes de récupération",
    ]
    text = response.content.decode()
    assert "JBSWY3DPEHPK3PXP" not in text
    assert "seed" not in text and "secret" not in text


def test_deleting_an_account_deletes_its_second_factors(learner):
    services.user_totp_activate(user=learner, secret=generate_totp_secret())

    services.user_anonymise(user=learner)

    assert not Authenticator.objects.filter(user=learner).exists()


def test_second_factor_secrets_are_stored_encrypted_and_still_verify(client, ddfe):
    from allauth.mfa.models import Authenticator

    from accounts import services
    from accounts.mfa import totp_code_now

    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    services.user_totp_activate(user=ddfe, secret=secret)

    stored = Authenticator.objects.get(user=ddfe, type=Authenticator.Type.TOTP).data["secret"]
    assert secret not in stored and stored.startswith("fernet:")
    seed = Authenticator.objects.get(user=ddfe, type=Authenticator.Type.RECOVERY_CODES).data
    assert seed["seed"].startswith("fernet:")
    # The app's code still opens the session.
    totp = Authenticator.objects.get(user=ddfe, type=Authenticator.Type.TOTP).wrap()
    assert totp.validate_code(totp_code_now(ddfe))
