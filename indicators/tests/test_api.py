"""The API's generated OpenAPI schema and its documentation page (indicators.api):
every path with its typed answers, for the roles who may use the API only."""

import pytest
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import services

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "indicators_api:indicators": "IndicatorsOut",
    "indicators_api:territories": "TerritoryOut",
}


def _resolve(schema: dict, node: dict) -> dict:
    """A schema's `$ref` followed into components."""
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def test_the_generated_schema_lists_every_path_with_its_typed_answers(client, ddfe):
    client.force_login(ddfe)
    response = client.get(reverse("indicators_api:openapi"))
    schema = response.json()

    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {reverse(name) for name in OPERATIONS}
    for name, model in OPERATIONS.items():
        operation = schema["paths"][reverse(name)]["get"]
        assert set(operation) >= {"summary", "parameters", "responses", "security"}
        answers = operation["responses"]
        assert set(answers) == {"200", "400", "401", "403", "404"}
        ok = answers["200"]["content"]["application/json"]["schema"]
        assert ok["$ref"].endswith(f"/{model}")
        assert _resolve(schema, ok)["type"] == "object"
        for status in ("400", "401", "403", "404"):
            error = _resolve(schema, answers[status]["content"]["application/json"]["schema"])
            assert list(error["properties"]) == ["erreur"]
            assert answers[status]["description"] != "Unknown Status Code"
        assert {"TokenAuth", "SessionAuth"} == {next(iter(s)) for s in operation["security"]}
    report = _resolve(schema, {"$ref": "#/components/schemas/IndicatorsOut"})
    assert list(report["properties"]) == [
        "plan",
        "arrondissement",
        "from",
        "to",
        "by",
        "indicators",
    ]
    item = _resolve(schema, report["properties"]["indicators"]["items"])
    assert item["properties"]["breakdown"]["additionalProperties"] == {"type": "integer"}
    parameters = {
        p["name"]: p
        for p in schema["paths"][reverse("indicators_api:indicators")]["get"]["parameters"]
    }
    assert parameters["by"]["schema"]["anyOf"][0]["enum"] == [
        "profession",
        "arrondissement",
        "type",
        "channel",
        "month",
    ]
    assert parameters["from"]["schema"]["anyOf"][0] == {"type": "string", "format": "date"}
    assert schema["components"]["securitySchemes"]["TokenAuth"]["name"] == "Authorization"


def test_the_schema_and_its_page_are_for_the_api_users_only(client):
    schema, docs = reverse("indicators_api:openapi"), reverse("indicators_api:docs")
    for address in (schema, docs):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    client.force_login(UserFactory(role=Role.TRAINER))
    assert client.get(schema).status_code == 403
    assert client.get(docs).status_code == 403


def test_a_key_reads_the_schema(client, ddfe):
    _token, key = services.api_token_create(user=ddfe, name="Générateur")
    answer = client.get(reverse("indicators_api:openapi"), HTTP_AUTHORIZATION=f"Token {key}")
    assert answer.status_code == 200 and "paths" in answer.json()
    wrong = client.get(reverse("indicators_api:openapi"), HTTP_AUTHORIZATION="Token faux")
    assert wrong.status_code == 401 and "Authentification requise" in wrong.json()["erreur"]
    _token, other = services.api_token_create(user=UserFactory(), name="ancienne")
    refused = client.get(reverse("indicators_api:openapi"), HTTP_AUTHORIZATION=f"Token {other}")
    assert refused.status_code == 403


def test_the_documentation_page_loads_swagger_from_our_own_files(client, ddfe):
    client.force_login(ddfe)
    page = client.get(reverse("indicators_api:docs")).content.decode()
    assert 'id="swagger-settings"' in page
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    # Her keys page leads to the French guide, which leads to the reference.
    tokens = client.get(reverse("indicators:api_tokens")).content.decode()
    assert reverse("indicators:api_guide") in tokens
    guide = client.get(reverse("indicators:api_guide")).content.decode()
    assert reverse("indicators_api:docs") in guide


def test_an_empty_parameter_counts_as_absent_and_errors_stay_json(client, ddfe):
    services.plan_load(
        data={
            "code": "VIDE-2024",
            "name": "Plan",
            "departement": "62",
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
            "axes": [],
        }
    )
    client.force_login(ddfe)
    url = reverse("indicators_api:indicators")
    data = client.get(url, {"plan": "VIDE-2024", "from": "", "to": "", "by": ""}).json()
    assert data["from"] == "2024-01-01" and data["to"] == "2024-12-31"
    assert "breakdown" not in str(data)
    assert client.post(url).status_code == 405


def test_csrf_is_checked_for_a_session_not_for_a_key(ddfe):
    from django.test import Client

    url = reverse("indicators_api:indicators")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ddfe)
    refused = browser.post(url)
    assert refused.status_code == 403 and b"CSRF" in refused.content
    _token, key = services.api_token_create(user=ddfe, name="Script")
    script = Client(enforce_csrf_checks=True)
    assert script.post(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 405
