"""Links leaving the browser point to the server actually answering (issue 20, point 3)."""

import pytest
from django.core import mail
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.absolute_urls import absolute_url


@override_settings(SITE_URL="https://egide.example.gouv.fr", SITE_URL_FROM_ENVIRONMENT=True)
def test_site_url_set_in_the_environment_wins_over_the_request():
    request = RequestFactory().get("/", HTTP_HOST="10.0.0.5:8100")
    assert absolute_url("/sessions/3/", request) == "https://egide.example.gouv.fr/sessions/3/"


@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_FROM_ENVIRONMENT=False)
def test_without_site_url_the_request_gives_the_port_served():
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8100")
    assert absolute_url("/sessions/3/", request) == "http://127.0.0.1:8100/sessions/3/"


@override_settings(SITE_URL="http://127.0.0.1:8100", SITE_URL_FROM_ENVIRONMENT=False)
def test_without_a_request_the_default_site_url_follows_port():
    assert absolute_url("/v/ABC/") == "http://127.0.0.1:8100/v/ABC/"


def test_default_site_url_follows_the_port_variable(monkeypatch):
    import importlib

    from elearning.settings import environment

    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", "8100")
    try:
        assert importlib.reload(environment).SITE_URL == "http://127.0.0.1:8100"
    finally:
        monkeypatch.undo()
        importlib.reload(environment)


SIGNUP = {
    "email": "lea@exemple.fr",
    "first_name": "Léa",
    "last_name": "Durand",
    "password1": "un-mot-de-passe-long-2026",
    "password2": "un-mot-de-passe-long-2026",
}


@pytest.mark.django_db
@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_FROM_ENVIRONMENT=False)
def test_signup_email_and_calendar_file_link_to_the_port_served(client):
    from events.tests.factories import SessionFactory

    client.post(reverse("account_signup"), SIGNUP, HTTP_HOST="127.0.0.1:8100")
    assert "http://127.0.0.1:8100/accounts/confirm-email/" in mail.outbox[0].body

    session = SessionFactory()
    response = client.get(reverse("events:ics", args=[session.pk]), HTTP_HOST="127.0.0.1:8100")
    assert f"http://127.0.0.1:8100/sessions/{session.pk}/" in response.content.decode()
