"""A task goes through Redis to a real worker process and changes PostgreSQL."""

import json
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core.tasks import clear_expired_sessions

from .conftest import start_worker, stop_worker, wait_for, worker_log

pytestmark = pytest.mark.integration


def _session(expire_in: timedelta) -> str:
    store = SessionStore()
    store["note"] = "x"
    store.set_expiry(expire_in)
    store.create()
    return store.session_key


def test_worker_runs_a_task_queued_on_commit_and_its_effect_is_in_the_database(celery_worker):
    expired = _session(-timedelta(days=1))
    alive = _session(timedelta(days=1))
    assert Session.objects.filter(expire_date__lt=timezone.now()).count() == 1

    with transaction.atomic():
        # Queued only once the transaction commits, like every task in Égide.
        transaction.on_commit(clear_expired_sessions.delay)

    wait_for(lambda: not Session.objects.filter(session_key=expired).exists())
    assert Session.objects.filter(session_key=alive).exists()


def test_sign_up_email_is_delivered_by_the_worker(celery_worker, email_dir, client, settings):
    """With Redis configured, outgoing mail leaves the web process through Celery."""
    settings.EMAIL_BACKEND = "core.mail.CeleryEmailBackend"
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nouvelle@exemple.fr",
            "first_name": "Inès",
            "last_name": "Durand",
            "password1": "une-phrase-de-passe-longue",
            "password2": "une-phrase-de-passe-longue",
        },
    )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing was sent from the web process itself

    def delivered():
        # The worker may still be writing the file: wait for a complete message.
        texts = [path.read_text() for path in email_dir.glob("*.log")]
        return [text for text in texts if "/accounts/confirm-email/" in text]

    content = wait_for(delivered)[0]
    assert "nouvelle@exemple.fr" in content


def test_healthz_reports_every_real_service(celery_worker, client, settings):
    settings.REDIS_URL = settings.TEST_REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get("/healthz")

    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["database"] == {"status": "ok", "vendor": "postgresql"}
    assert checks["redis"] == {"status": "ok"}
    assert checks["storage"]["status"] == "ok"
    assert checks["celery"] == {"status": "ok", "workers": 1}


def test_healthz_counts_the_workers_that_answer(
    celery_worker, celery_app, email_dir, client, settings
):
    settings.REDIS_URL = settings.TEST_REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False
    second = start_worker(celery_app, email_dir, name="second")
    try:
        response = client.get("/healthz")
    finally:
        stop_worker(second)

    assert response.status_code == 200
    assert response.json()["checks"]["celery"] == {"status": "ok", "workers": 2}


def test_healthz_fails_when_no_worker_answers(client, settings, celery_app, db):
    settings.REDIS_URL = settings.TEST_REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["celery"]["status"] == "error"


def test_a_request_id_follows_the_request_into_the_worker_s_json_log(
    celery_app, email_dir, client, settings, transactional_db, django_db_serialized_rollback
):
    """The worker logs in JSON (the production default) with the id of the request
    that queued its task: here the sign-up confirmation email."""
    worker = start_worker(celery_app, email_dir, name="json", extra_env={"LOG_FORMAT": "json"})
    try:
        settings.EMAIL_BACKEND = "core.mail.CeleryEmailBackend"
        response = client.post(
            "/accounts/signup/",
            {
                "email": "suivie@exemple.fr",
                "first_name": "Léa",
                "last_name": "Martin",
                "password1": "une-phrase-de-passe-longue",
                "password2": "une-phrase-de-passe-longue",
            },
            headers={"X-Request-ID": "abc"},
        )
        assert response.status_code == 302
        assert response["X-Request-ID"] == "abc"

        def records_of_the_request():
            records = []
            for line in worker_log(worker).splitlines():
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # Celery's start-up banner is plain text
                if isinstance(record, dict) and record.get("request_id") == "abc":
                    records.append(record)
            return [record for record in records if "send_email" in record["message"]]

        (record,) = wait_for(records_of_the_request, worker=worker)
    finally:
        stop_worker(worker)
    assert "succeeded" in record["message"]
    assert record["logger"] == "celery.app.trace"
