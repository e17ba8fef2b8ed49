"""LTI Dynamic Registration: a platform registers Égide from an administrator's address."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from lti_tool.models import LtiRegistration

from accounts.tests.factories import UserFactory

from .helpers import launch, text
from .platform import Platform

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    platform = Platform()
    yield platform
    platform.close()


def _invitation(client, administrator) -> str:
    client.force_login(administrator)
    page = client.get(reverse("lti:dynamic_registration_invite"))
    assert page.status_code == 200
    address = re.search(r'readonly value="([^"]+)"', page.content.decode()).group(1)
    client.logout()
    return address


def test_a_platform_registers_egide_then_launches(client, administrator, partner, module):
    address = _invitation(client, administrator)
    query = {
        "openid_configuration": partner.url("/.well-known/openid-configuration"),
        "registration_token": partner.registration_token,
    }

    offer = client.get(f"{address}?{urlencode(query)}")
    assert offer.status_code == 200
    assert "moodle" in text(offer) and partner.issuer in text(offer)
    assert not LtiRegistration.objects.exists()  # nothing is written on a GET

    done = client.post(address, query)

    assert done.status_code == 200
    assert "Égide est inscrit" in text(done)
    assert f"frame-ancestors {partner.issuer}" in done["Content-Security-Policy"]
    sent = partner.tool_registrations[0]
    assert sent["initiate_login_uri"] == "http://testserver/lti/connexion/"
    assert sent["jwks_uri"] == "http://testserver/lti/jwks/"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in sent["scope"].split()
    registration = LtiRegistration.objects.get()
    assert (registration.issuer, registration.client_id) == (partner.issuer, "client-dynamique")
    assert registration.token_url == partner.url("/token")
    assert list(registration.deployments.values_list("deployment_id", "is_active")) == [
        ("deploiement-dynamique", True)
    ]

    # The platform now launches Égide with what it was given.
    UserFactory(email="camille@exemple.fr")
    partner.trust_tool_keys(client.get("/lti/jwks/").json())
    response = launch(client, partner, email="camille@exemple.fr", custom={"module": module.pk})
    assert response.status_code == 302 and response["Location"] == module.url


def test_registration_needs_an_administrator_address(client, partner):
    query = {
        "openid_configuration": partner.url("/.well-known/openid-configuration"),
        "registration_token": partner.registration_token,
    }
    forged = reverse("lti:dynamic_registration", args=["forge"])

    assert client.get(f"{forged}?{urlencode(query)}").status_code == 403
    response = client.post(forged, query)

    assert response.status_code == 403
    assert "n'est pas valide ou a expiré" in text(response)
    assert not LtiRegistration.objects.exists() and partner.tool_registrations == []


def test_a_configuration_outside_its_issuer_is_refused(client, administrator, partner):
    address = _invitation(client, administrator)
    other = Platform()
    try:
        query = {
            # Served by another host than the issuer it declares.
            "openid_configuration": other.url("/.well-known/openid-configuration").replace(
                other.url(""), partner.url("")
            ),
            "registration_token": "mauvais-jeton",
        }
        response = client.post(address, query)
    finally:
        other.close()

    assert response.status_code == 400
    assert not LtiRegistration.objects.exists()


def test_the_invitation_page_is_for_administrators(client, learner):
    client.force_login(learner)

    assert client.get(reverse("lti:dynamic_registration_invite")).status_code == 403
