"""GET /healthz: what the load balancer and the on-call person read."""

import socket

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from core import health

pytestmark = pytest.mark.django_db

URL = reverse("core:healthz")


@pytest.fixture
def no_redis(settings):
    settings.REDIS_URL = None
    settings.CELERY_TASK_ALWAYS_EAGER = True


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BrokenConnection:
    vendor = "postgresql"

    def cursor(self):
        raise OperationalError("connection refused")


def test_healthz_is_ok_without_redis(client, no_redis):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": {"status": "ok", "vendor": connection.vendor},
            "redis": {"status": "not_configured"},
            "celery": {"status": "not_configured", "detail": "eager"},
        },
    }


def test_healthz_is_never_cached(client, no_redis):
    response = client.get(URL)

    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client, no_redis, monkeypatch):
    monkeypatch.setattr(health, "connection", BrokenConnection())

    response = client.get(URL)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"] == {"status": "error", "detail": "OperationalError"}
    assert body["checks"]["redis"] == {"status": "not_configured"}


def test_healthz_is_503_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = True

    response = client.get(URL)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["redis"]["status"] == "error"
    assert body["checks"]["database"]["status"] == "ok"
    assert set(body["checks"]) == {"database", "redis", "celery"}


def test_healthz_reports_missing_celery_workers(settings, monkeypatch):
    from elearning.celery import app

    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(app.control, "ping", lambda timeout: [])

    assert health.check_celery() == {"status": "error", "detail": "no worker answered"}

    monkeypatch.setattr(app.control, "ping", lambda timeout: [{"w1": "pong"}, {"w2": "pong"}])
    assert health.check_celery() == {"status": "ok", "workers": 2}


def test_healthz_accepts_get_only(client, no_redis):
    assert client.post(URL).status_code == 405
