"""The xAPI resources as a partner's system sees them (the full protocol is checked by
ADL's conformance suite: `make conformance`)."""

import base64
import hashlib
import json
import uuid

import pytest
from django.test import Client

from lrs.constants import Scope

from . import factories

pytestmark = pytest.mark.django_db

SECRET = "secret-de-test"


def _client(partner) -> tuple[Client, dict]:
    auth = base64.b64encode(f"{partner.key}:{SECRET}".encode()).decode()
    return Client(), {
        "HTTP_AUTHORIZATION": f"Basic {auth}",
        "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
    }


def _post(client, headers, data, **extra):
    return client.post(
        "/xapi/statements", json.dumps(data), content_type="application/json", **headers, **extra
    )


def test_statements_round_trip_with_what_the_store_adds():
    partner = factories.partner()
    client, headers = _client(partner)
    statement = factories.statement()
    response = _post(client, headers, statement)
    assert response.status_code == 200
    assert response.json() == [statement["id"]]
    assert response["X-Experience-API-Version"] == "1.0.3"

    response = client.get("/xapi/statements", {"statementId": statement["id"]}, **headers)
    stored = response.json()
    assert stored["actor"] == statement["actor"]
    assert stored["authority"]["account"]["name"] == partner.key
    assert stored["version"] == "1.0.0"
    assert stored["stored"].endswith("Z")
    assert "Last-Modified" in response


def test_credentials_and_version_are_required():
    partner = factories.partner()
    client, headers = _client(partner)
    assert client.get("/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION="1.0.3").status_code == 401
    wrong = base64.b64encode(f"{partner.key}:autre".encode()).decode()
    assert (
        client.get(
            "/xapi/statements",
            HTTP_AUTHORIZATION=f"Basic {wrong}",
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        ).status_code
        == 401
    )
    assert (
        client.get("/xapi/statements", HTTP_AUTHORIZATION=headers["HTTP_AUTHORIZATION"]).status_code
        == 400
    )
    assert client.get("/xapi/about").json()["version"][0] == "1.0.3"


@pytest.mark.parametrize(
    "change",
    [
        {"actor": {"mbox": "agent@gendarmerie.test"}},  # not a mailto: IRI
        {"verb": {"id": "completed"}},  # not an IRI
        {"object": {"objectType": "activity", "id": "https://a.test/1"}},  # case
        {"timestamp": "2025-03-10T10:00:00-00:00"},
        {"result": {"score": {"scaled": 1.5}}},
        {"extra": True},
    ],
)
def test_invalid_statements_are_refused_with_400(change):
    client, headers = _client(factories.partner())
    assert _post(client, headers, factories.statement(**change)).status_code == 400


def test_same_id_same_statement_is_kept_once_other_content_conflicts():
    client, headers = _client(factories.partner())
    statement = factories.statement()
    assert _post(client, headers, statement).status_code == 200
    assert _post(client, headers, statement).status_code == 200
    changed = {**statement, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}}
    assert _post(client, headers, changed).status_code == 409


def test_voided_statements_leave_queries_but_stay_readable_by_voided_id():
    client, headers = _client(factories.partner())
    statement = factories.statement()
    _post(client, headers, statement)
    voiding = factories.statement(
        verb="http://adlnet.gov/expapi/verbs/voided",
        object={"objectType": "StatementRef", "id": statement["id"]},
    )
    assert _post(client, headers, voiding).status_code == 200
    assert (
        client.get("/xapi/statements", {"statementId": statement["id"]}, **headers).status_code
        == 404
    )
    response = client.get("/xapi/statements", {"voidedStatementId": statement["id"]}, **headers)
    assert response.json()["id"] == statement["id"]
    ids = [s["id"] for s in client.get("/xapi/statements", **headers).json()["statements"]]
    assert ids == [voiding["id"]]


def test_a_partner_reads_only_its_own_statements_without_the_read_all_scope():
    first, second = (
        factories.partner(),
        factories.partner(scopes=[Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE]),
    )
    client_1, headers_1 = _client(first)
    client_2, headers_2 = _client(second)
    _post(client_1, headers_1, factories.statement())
    assert client_2.get("/xapi/statements", **headers_2).json()["statements"] == []
    writer = factories.partner(scopes=[Scope.STATEMENTS_WRITE])
    client_3, headers_3 = _client(writer)
    assert client_3.get("/xapi/statements", **headers_3).status_code == 403
    assert client_3.put("/xapi/activities/state", **headers_3).status_code == 403


def test_statements_query_pages_with_more():
    client, headers = _client(factories.partner())
    _post(client, headers, [factories.statement() for _ in range(3)])
    page = client.get("/xapi/statements", {"limit": 2}, **headers).json()
    assert len(page["statements"]) == 2
    rest = client.get(page["more"], **headers).json()
    assert len(rest["statements"]) == 1 and rest["more"] == ""


def test_attachments_travel_in_multipart_bodies():
    client, headers = _client(factories.partner())
    content = "Attestation de présence".encode()
    sha2 = hashlib.sha256(content).hexdigest()
    statement = factories.statement(
        attachments=[
            {
                "usageType": "https://egide.test/attestation",
                "display": {"fr-FR": "Attestation"},
                "contentType": "text/plain",
                "length": len(content),
                "sha2": sha2,
            }
        ]
    )
    body = (
        b"--b\r\nContent-Type: application/json\r\n\r\n"
        + json.dumps(statement).encode()
        + f"\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
        f"X-Experience-API-Hash: {sha2}\r\n\r\n".encode()
        + content
        + b"\r\n--b--"
    )
    response = client.post(
        "/xapi/statements", body, content_type="multipart/mixed; boundary=b", **headers
    )
    assert response.status_code == 200
    response = client.get(
        "/xapi/statements", {"statementId": statement["id"], "attachments": "true"}, **headers
    )
    assert response["Content-Type"].startswith("multipart/mixed")
    assert content in response.content
    # The content is required when no fileUrl says where it is.
    missing = factories.statement(attachments=statement["attachments"])
    assert _post(client, headers, missing).status_code == 400


def test_profile_documents_follow_the_concurrency_rules():
    client, headers = _client(factories.partner())
    params = "?activityId=https://a.test/1&profileId=p"
    url = "/xapi/activities/profile" + params
    put = lambda body, **h: client.put(url, body, content_type="application/json", **headers, **h)  # noqa: E731
    assert put('{"a": 1}').status_code == 400  # neither If-Match nor If-None-Match
    assert put('{"a": 1}', HTTP_IF_NONE_MATCH="*").status_code == 204
    assert put('{"a": 2}').status_code == 409
    assert put('{"a": 2}', HTTP_IF_NONE_MATCH="*").status_code == 412
    response = client.get(url, **headers)
    etag = response["ETag"]
    assert etag == '"' + hashlib.sha1(b'{"a": 1}').hexdigest() + '"'  # noqa: S324
    assert put('{"a": 3}', HTTP_IF_MATCH='"0000"').status_code == 412
    assert put('{"a": 3}', HTTP_IF_MATCH=etag).status_code == 204
    response = client.post(url, '{"b": 4}', content_type="application/json", **headers)
    assert response.status_code == 204
    assert client.get(url, **headers).json() == {"a": 3, "b": 4}


def test_state_documents_are_listed_merged_and_deleted():
    client, headers = _client(factories.partner())
    agent = json.dumps({"mbox": "mailto:agent@gendarmerie.test"})
    base = {"activityId": "https://a.test/1", "agent": agent}
    from urllib.parse import urlencode

    def url(**extra):
        return "/xapi/activities/state?" + urlencode({**base, **extra})

    for state_id in ("s1", "s2"):
        response = client.put(
            url(stateId=state_id), "{}", content_type="application/json", **headers
        )
        assert response.status_code == 204
    assert sorted(client.get(url(), **headers).json()) == ["s1", "s2"]
    assert (
        client.post(
            url(stateId="s1"), "[1]", content_type="application/json", **headers
        ).status_code
        == 400
    )
    assert client.delete(url(), **headers).status_code == 204
    assert client.get(url(), **headers).json() == []


def test_alternate_request_syntax():
    partner = factories.partner()
    client, headers = _client(partner)
    statement = factories.statement()
    from urllib.parse import urlencode

    form = urlencode(
        {
            "statementId": statement["id"],
            "content": json.dumps(statement),
            "Authorization": headers["HTTP_AUTHORIZATION"],
            "X-Experience-API-Version": "1.0.3",
        }
    )
    response = client.post(
        "/xapi/statements?method=PUT", form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 204
    assert (
        client.get("/xapi/statements", {"statementId": statement["id"]}, **headers).status_code
        == 200
    )


def test_the_management_command_prints_a_working_credential(capsys):
    from django.core.management import call_command

    call_command("lrs_partner", "Partenaire", "--key", "cle-partenaire")
    key, secret = capsys.readouterr().out.strip().split(":", 1)
    auth = base64.b64encode(f"{key}:{secret}".encode()).decode()
    response = Client().get(
        "/xapi/statements",
        HTTP_AUTHORIZATION=f"Basic {auth}",
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )
    assert response.status_code == 200
    assert uuid  # the module's helpers build ids


def test_oauth_client_credentials_give_a_bearer_token_until_the_secret_changes():
    partner = factories.partner()
    client = Client()
    response = client.post(
        "/xapi/oauth/token",
        {"grant_type": "client_credentials", "client_id": partner.key, "client_secret": SECRET},
    )
    assert response.status_code == 200
    token = response.json()["access_token"]
    assert response.json()["token_type"] == "Bearer"
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
    assert client.get("/xapi/statements", **bearer).status_code == 200
    wrong = client.post(
        "/xapi/oauth/token",
        {"grant_type": "client_credentials", "client_id": partner.key, "client_secret": "non"},
    )
    assert wrong.status_code == 401
    from lrs import services

    services.partner_secret_reset(partner=partner)
    assert client.get("/xapi/statements", **bearer).status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer abc", "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
    assert client.get("/xapi/statements", **bad).status_code == 401


def test_a_page_of_statements_costs_the_same_queries_whatever_its_size(
    django_assert_max_num_queries,
):
    client, headers = _client(factories.partner())
    _post(client, headers, [factories.statement() for _ in range(3)])
    # The partner, its last use (once a minute), the page.
    with django_assert_max_num_queries(3):
        client.get("/xapi/statements", **headers)
    _post(client, headers, [factories.statement() for _ in range(40)])
    with django_assert_max_num_queries(3):
        page = client.get("/xapi/statements", **headers)
    assert len(page.json()["statements"]) == 43
