"""Links leaving the browser point to the server actually answering (issue 20, point 3)."""

from django.test import RequestFactory, override_settings

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
