"""The API's documentation page: in French, with the command to type and its answer."""

import html
import json
import re

import pytest
from django.urls import reverse

from .test_counting import dataset  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_the_ddfe_reads_a_worked_example_with_her_plan(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    keys = client.get(reverse("indicators:api_tokens")).content.decode()
    assert reverse("indicators:api_guide") in keys

    page = html.unescape(client.get(reverse("indicators:api_guide")).content.decode())

    command = re.search(r'<pre[^>]*id="exemple-commande"><code>(.*?)</code>', page, re.S)
    assert command and 'curl -H "Authorization: Token VOTRE_CLÉ"' in command.group(1)
    assert "/api/v1/indicators/?plan=TEST-2024&from=" in command.group(1)
    answer = re.search(r'<pre[^>]*id="exemple-reponse"><code>(.*?)</code>', page, re.S)
    example = json.loads(answer.group(1))
    assert example["plan"]["code"] == "TEST-2024"
    assert {"code", "label", "value", "counting_rule"} <= set(example["indicators"][0])
    # Every parameter of the API is explained, in French.
    for name in ("plan", "from", "to", "arrondissement", "by", "territoire"):
        assert f"<code>{name}</code>" in page
    assert "Ventiler les personnes formées." in page
