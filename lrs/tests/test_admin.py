"""Partner credentials are managed by administrators in the CMS; the secret shows once."""

import base64
import re

import pytest
from django.test import Client
from django.urls import reverse

from lrs.models import Partner

pytestmark = pytest.mark.django_db


def test_an_administrator_creates_a_credential_and_sees_its_secret_once(client, administrator):
    client.force_login(administrator)
    url = reverse("wagtailsnippets_lrs_partner:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Plateforme de la gendarmerie",
            "key": "",
            "scopes": ["statements/write", "statements/read/mine"],
            "departement": "59",
            "is_active": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    partner = Partner.objects.get()
    assert partner.departement_id == "59"
    assert partner.scopes == ["statements/write", "statements/read/mine"]
    match = re.search(r"secret : ([A-Za-z0-9_\-]+)\.", response.text)
    assert match, "the secret is shown after creation"
    auth = base64.b64encode(f"{partner.key}:{match.group(1)}".encode()).decode()
    answer = Client().get(
        "/xapi/statements",
        HTTP_AUTHORIZATION=f"Basic {auth}",
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )
    assert answer.status_code == 200
    # Never again: the listing and the edit page do not show it.
    edit = client.get(reverse("wagtailsnippets_lrs_partner:edit", args=[partner.pk]))
    assert match.group(1) not in edit.text


def test_delegates_do_not_manage_credentials(client, ddfe):
    client.force_login(ddfe)
    response = client.get(reverse("wagtailsnippets_lrs_partner:list"))
    assert response.status_code in (302, 403)
