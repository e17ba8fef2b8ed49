"""ProConnect / Pro Santé Connect exist only when their three variables are set."""

import pytest
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from accounts.adapters import SocialAccountAdapter
from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.models import User
from elearning.settings.auth import _oidc_app

pytestmark = pytest.mark.django_db

PROCONNECT = {
    "PROCONNECT_CLIENT_ID": "egide-client",
    "PROCONNECT_CLIENT_SECRET": "s3cret",
    "PROCONNECT_SERVER_URL": "https://proconnect.example/api/v2",
}


def _proconnect_app(monkeypatch, **overrides):
    for name, value in {**PROCONNECT, **overrides}.items():
        monkeypatch.setenv(name, value)
    return _oidc_app("PROCONNECT", "proconnect", "ProConnect", ["openid", "email"])


def test_oidc_app_is_built_from_the_environment(monkeypatch):
    app = _proconnect_app(monkeypatch)

    assert app["provider_id"] == "proconnect"
    assert app["name"] == "ProConnect"
    assert app["client_id"] == PROCONNECT["PROCONNECT_CLIENT_ID"]
    assert app["secret"] == PROCONNECT["PROCONNECT_CLIENT_SECRET"]
    assert app["settings"]["server_url"] == PROCONNECT["PROCONNECT_SERVER_URL"]
    assert app["settings"]["scope"] == ["openid", "email"]
    assert app["settings"]["oauth_pkce_enabled"] is True


@pytest.mark.parametrize("missing", sorted(PROCONNECT))
def test_oidc_app_is_absent_when_a_variable_is_unset_or_empty(monkeypatch, missing):
    assert _proconnect_app(monkeypatch, **{missing: ""}) is None

    monkeypatch.delenv(missing)
    assert _oidc_app("PROCONNECT", "proconnect", "ProConnect", ["openid"]) is None


def test_login_page_shows_a_proconnect_button_when_configured(client, settings, monkeypatch):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [_proconnect_app(monkeypatch)]}}

    content = client.get(reverse("account_login")).content.decode()

    assert "Se connecter avec ProConnect" in content
    assert "/accounts/oidc/proconnect/login/" in content


def test_login_page_has_no_proconnect_button_without_configuration(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}

    content = client.get(reverse("account_login")).content.decode()

    assert "ProConnect" not in content
    assert "/accounts/oidc/" not in content


def test_proconnect_newcomer_gets_the_usual_name_and_the_learner_role(rf):
    claims = {"email": "agent@interieur.gouv.fr", "given_name": "Léa", "usual_name": "Durand"}
    sociallogin = SocialLogin(
        user=User(email=claims["email"]),
        account=SocialAccount(provider="proconnect", uid="pc-1", extra_data={"userinfo": claims}),
    )
    request = rf.get("/accounts/oidc/proconnect/login/callback/")
    request.session = SessionStore()
    adapter = SocialAccountAdapter(request)

    adapter.populate_user(request, sociallogin, {"email": claims["email"]})
    user = adapter.save_user(request, sociallogin)

    user = User.objects.get(pk=user.pk)
    assert (user.first_name, user.last_name) == ("Léa", "Durand")
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [ROLE_GROUP_NAMES[Role.LEARNER]]
    assert SocialAccount.objects.get(user=user).uid == "pc-1"
