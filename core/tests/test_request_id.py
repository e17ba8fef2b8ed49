"""A request id on every log line, from the request into its Celery tasks (core.request_id)."""

import io
import json
import logging
import logging.config
import re

import pytest
from celery import shared_task
from django.urls import reverse

from core import request_id
from elearning.settings.logs import logging_config

pytestmark = pytest.mark.django_db

HEALTHZ = reverse("core:healthz")


@pytest.fixture
def captured_log():
    """Records of the `egide.test` logger, through the console handler's filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(request_id.RequestIdFilter())
    handler.setFormatter(logging.Formatter("%(request_id)s %(message)s"))
    logger = logging.getLogger("egide.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)


def test_a_plain_request_id_is_kept_and_returned(client):
    response = client.get(HEALTHZ, headers={"X-Request-ID": "abc-123.Z_9"})

    assert response["X-Request-ID"] == "abc-123.Z_9"


@pytest.mark.parametrize(
    "given",
    [None, "", "a b", "x" * 65, "abc\nforged: 1", 'quo"te', "é"],
)
def test_a_missing_or_unsafe_request_id_is_replaced_by_a_new_one(client, given):
    headers = {"X-Request-ID": given} if given is not None else {}

    response = client.get(HEALTHZ, headers=headers)

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_each_request_gets_its_own_id(client):
    first = client.get(HEALTHZ)["X-Request-ID"]
    second = client.get(HEALTHZ)["X-Request-ID"]

    assert first != second


def test_the_id_is_cleared_after_the_request(client):
    client.get(HEALTHZ, headers={"X-Request-ID": "abc"})

    assert request_id.get() is None


def test_a_log_record_made_during_a_request_carries_its_id(client, captured_log, monkeypatch):
    from core import views

    real_run_checks = views.health.run_checks

    def logging_checks():
        logging.getLogger("egide.test").info("checking")
        return real_run_checks()

    monkeypatch.setattr(views.health, "run_checks", logging_checks)

    client.get(HEALTHZ, headers={"X-Request-ID": "abc"})

    assert captured_log.getvalue() == "abc checking\n"


def test_a_log_record_outside_any_request_shows_a_dash(captured_log):
    logging.getLogger("egide.test").info("starting")

    assert captured_log.getvalue() == "- starting\n"


def test_json_format_is_one_parsable_object_per_line_with_the_request_id():
    stream = io.StringIO()
    config = logging_config("json")
    config["handlers"]["console"]["stream"] = stream
    config["root"]["level"] = "INFO"
    config["disable_existing_loggers"] = False
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logging.config.dictConfig(config)
        token = request_id._current.set("abc")
        try:
            logging.getLogger("egide.test.json").warning("Attestation « %s » rendue", "n°1")
        finally:
            request_id._current.reset(token)
    finally:
        root.handlers, root.level = saved

    (line,) = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["request_id"] == "abc"
    assert record["message"] == "Attestation « n°1 » rendue"
    assert record["level"] == "WARNING"
    assert record["logger"] == "egide.test.json"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", record["time"])


def test_an_unknown_log_format_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        logging_config("xml")


@shared_task
def _log_in_task():
    logging.getLogger("egide.test").info("in task")
    return request_id.get()


def test_a_task_published_during_a_request_carries_the_id_in_its_headers():
    headers = {}
    token = request_id._current.set("abc")
    try:
        request_id.on_before_task_publish(headers=headers)
    finally:
        request_id._current.reset(token)

    assert headers == {"request_id": "abc"}


def test_a_task_published_outside_a_request_gets_no_header():
    headers = {}

    request_id.on_before_task_publish(headers=headers)

    assert headers == {}


class _Request:
    def __init__(self, **headers):
        self.__dict__.update(headers)


class _Task:
    def __init__(self, **headers):
        self.request = _Request(**headers)


def test_the_worker_sets_the_id_for_the_task_and_clears_it_after(captured_log):
    task = _Task(request_id="abc")

    request_id.on_task_prerun(task_id="t1", task=task)
    logging.getLogger("egide.test").info("in task")
    request_id.on_task_postrun(task_id="t1", task=task)
    logging.getLogger("egide.test").info("after")

    assert captured_log.getvalue() == "abc in task\n- after\n"


def test_the_worker_ignores_an_unsafe_id_in_a_message():
    request_id.on_task_prerun(task_id="t2", task=_Task(request_id="a b\nforged"))

    assert request_id.get() is None
    request_id.on_task_postrun(task_id="t2")


def test_an_eager_task_run_in_a_request_logs_with_the_request_id(captured_log):
    token = request_id._current.set("abc")
    try:
        seen = _log_in_task.apply().get()
    finally:
        request_id._current.reset(token)

    assert seen == "abc"
    assert captured_log.getvalue() == "abc in task\n"
