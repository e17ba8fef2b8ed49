"""Partner platforms are registered by administrators in the CMS (Paramètres)."""

import pytest
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiRegistration

pytestmark = pytest.mark.django_db


def _form(**extra) -> dict:
    return {
        "name": "Mentor",
        "issuer": "https://mentor.gouv.fr",
        "client_id": "AbC123",
        "auth_url": "https://mentor.gouv.fr/mod/lti/auth.php",
        "token_url": "https://mentor.gouv.fr/mod/lti/token.php",
        "keyset_url": "https://mentor.gouv.fr/mod/lti/certs.php",
        "audience": "",
        "deployment_ids": "3\n 7 \n",
        "is_active": "on",
        **extra,
    }


def test_an_administrator_registers_a_platform_with_its_deployments(client, administrator):
    client.force_login(administrator)
    add = reverse("lti_registrations:add")
    page = client.get(add)
    assert page.status_code == 200
    # The addresses to copy into the platform are shown.
    assert "http://testserver/lti/connexion/" in page.text
    assert "http://testserver/lti/jwks/" in page.text

    response = client.post(add, _form())

    assert response.status_code == 302
    registration = LtiRegistration.objects.get(issuer="https://mentor.gouv.fr")
    assert sorted(
        registration.deployments.filter(is_active=True).values_list("deployment_id", flat=True)
    ) == ["3", "7"]
    listing = client.get(reverse("lti_registrations:index"))
    assert "Mentor" in listing.text


def test_removing_a_deployment_deactivates_it(client, administrator):
    registration = LtiRegistration.objects.create(
        **{k: v for k, v in _form().items() if k not in ("deployment_ids", "is_active")}
    )
    LtiDeployment.objects.create(registration=registration, deployment_id="3", is_active=True)
    LtiDeployment.objects.create(registration=registration, deployment_id="9", is_active=False)
    client.force_login(administrator)
    edit = reverse("lti_registrations:edit", args=[registration.pk])
    assert "Déploiements vus mais non activés : 9" in client.get(edit).text

    client.post(edit, _form(deployment_ids="9"))

    active = registration.deployments.filter(is_active=True).values_list("deployment_id", flat=True)
    assert list(active) == ["9"]


@pytest.mark.parametrize("who", ["editor", "ddfe"])
def test_other_roles_cannot_see_registrations(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("lti_registrations:index")).status_code in (302, 403)
    assert client.post(reverse("lti_registrations:add"), _form()).status_code in (302, 403)
    assert not LtiRegistration.objects.exists()
