"""GET /healthz: what the load balancer and the on-call person read."""

import os
import socket
import threading
import time
import uuid

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
            "storage": {"status": "ok", "backend": "FileSystemStorage"},
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
    assert set(body["checks"]) == {"database", "redis", "storage", "celery"}


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


class BrokenStorage:
    def exists(self, name):
        raise PermissionError("access denied")


class HangingStorage:
    def __init__(self):
        self.release = threading.Event()

    def exists(self, name):
        self.release.wait(30)
        return False


@pytest.fixture
def private_storage(monkeypatch):
    """Replace the private storage the health check asks (storages["private"])."""

    def replace(storage):
        monkeypatch.setitem(health.storages._storages, "private", storage)

    health.storages["private"]  # noqa: B018 - made once, so the handler has an entry
    return replace


def test_healthz_is_503_when_the_private_storage_refuses(client, no_redis, private_storage):
    private_storage(BrokenStorage())

    response = client.get(URL)

    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["storage"] == {"status": "error", "detail": "PermissionError"}
    assert body["checks"]["database"]["status"] == "ok"


def test_healthz_answers_within_the_timeout_when_the_storage_hangs(
    client, no_redis, private_storage, monkeypatch
):
    monkeypatch.setattr(health, "STORAGE_TIMEOUT", 0.3)
    storage = HangingStorage()
    private_storage(storage)
    try:
        started = time.monotonic()
        response = client.get(URL)
        elapsed = time.monotonic() - started
    finally:
        storage.release.set()

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == {"status": "error", "detail": "timeout"}
    assert elapsed < 2


def test_healthz_storage_probe_works_on_an_empty_private_folder(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "missing"},
        },
    }

    assert health.check_storage() == {"status": "ok", "backend": "FileSystemStorage"}


def test_healthz_network_checks_run_side_by_side(settings, monkeypatch):
    """Redis and the workers' ping wait at the same time: the page costs the slowest."""
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_TASK_ALWAYS_EAGER = True

    def slow(result):
        def check():
            time.sleep(0.5)
            return result

        return check

    monkeypatch.setattr(health, "check_redis", slow({"status": "ok"}))
    monkeypatch.setattr(health, "check_celery", slow({"status": "ok", "workers": 2}))

    started = time.monotonic()
    healthy, checks = health.run_checks()

    assert time.monotonic() - started < 0.9
    assert healthy
    assert checks["celery"] == {"status": "ok", "workers": 2}


def _s3_private_storage(settings, bucket: str) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": os.environ["EGIDE_TEST_S3_URL"],
                "access_key": "test",
                "secret_key": "test",
                "region_name": "eu-west-3",
            },
        },
    }


@pytest.fixture
def s3_server(monkeypatch):
    """The S3-compatible server `make test` starts (moto), when there is one."""
    pytest.importorskip("storages.backends.s3")
    # A new storage builds its boto3 session on its first call: slow on a busy machine,
    # and not what these tests are about (the answer is).
    monkeypatch.setattr(health, "STORAGE_TIMEOUT", 15)
    if not os.environ.get("EGIDE_TEST_S3_URL"):
        pytest.skip("EGIDE_TEST_S3_URL is not set (run `make test`)")
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=os.environ["EGIDE_TEST_S3_URL"],
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="eu-west-3",
    )


def test_healthz_storage_probe_asks_the_s3_bucket(settings, s3_server):
    bucket = f"egide-healthz-{uuid.uuid4().hex[:12]}"
    s3_server.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    _s3_private_storage(settings, bucket)

    assert health.check_storage() == {"status": "ok", "backend": "S3Storage"}


def test_healthz_storage_probe_fails_on_a_missing_s3_bucket(settings, s3_server):
    _s3_private_storage(settings, f"egide-missing-{uuid.uuid4().hex[:12]}")

    assert health.check_storage() == {"status": "error", "detail": "ClientError"}
