"""Égide's own statements copied to an external LRS: a loopback HTTP server plays it."""

import http.server
import json
import threading

import pytest

from lrs import forwarding, services, tasks

from . import factories


class _Recorder(http.server.BaseHTTPRequestHandler):
    received: list = []
    statuses: list = []

    def do_POST(self):  # noqa: N802 -- http.server's naming
        length = int(self.headers["Content-Length"])
        self.received.append(
            {
                "path": self.path,
                "auth": self.headers["Authorization"],
                "version": self.headers["X-Experience-API-Version"],
                "body": json.loads(self.rfile.read(length)),
            }
        )
        status = self.statuses.pop(0) if self.statuses else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args):
        pass


@pytest.fixture
def external_lrs(settings):
    _Recorder.received, _Recorder.statuses = [], []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LRS_FORWARD_URL = f"http://127.0.0.1:{server.server_port}/xapi/"
    settings.LRS_FORWARD_USERNAME = "egide"
    settings.LRS_FORWARD_PASSWORD = "mot-de-passe"
    yield _Recorder
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_statements_are_sent_once_committed(external_lrs):
    statement = factories.statement()
    services.statements_forward(statements=[statement])
    assert len(external_lrs.received) == 1
    sent = external_lrs.received[0]
    assert sent["path"] == "/xapi/statements"
    assert sent["auth"].startswith("Basic ")
    assert sent["version"] == "1.0.3"
    assert sent["body"] == [statement]


def test_a_down_lrs_is_retried_and_a_refusal_is_not(external_lrs):
    external_lrs.statuses = [503]
    with pytest.raises(forwarding.ForwardingFailed):
        forwarding.statements_send([factories.statement()])
    external_lrs.statuses = [409]  # already there: done
    assert forwarding.statements_send([factories.statement()]) == 409
    external_lrs.statuses = [400]  # will never be taken: dropped (logged)
    assert forwarding.statements_send([factories.statement()]) == 400


def test_a_down_lrs_is_retried_later_by_the_worker(external_lrs, monkeypatch):
    """Outside eager mode the task asks Celery to try again later, with a growing delay."""

    class Retried(Exception):
        pass

    def retry(**kwargs):
        return Retried(kwargs["countdown"])

    external_lrs.statuses = [503]
    task = tasks.statements_forward
    monkeypatch.setattr(task, "retry", retry)
    task.push_request(id="forward-1", retries=2, is_eager=False)
    try:
        with pytest.raises(Retried) as raised:
            task.run([factories.statement()])
    finally:
        task.pop_request()
    assert raised.value.args == (30 * 2**2,)


@pytest.mark.django_db
def test_the_learners_h5p_statement_is_forwarded_and_a_down_lrs_never_blocks_her(
    external_lrs, client, learner, superuser, django_capture_on_commit_callbacks
):
    from courses.tests.h5p_uploads import fresh_h5p_root
    from courses.tests.test_xapi import activity, captured, post

    files = fresh_h5p_root()
    next(files)
    try:
        package, lesson = activity("truefalse", learner=learner, installer=superuser)
        client.force_login(learner)
        (statement,) = captured(
            "truefalse", "right", package=package, lesson=lesson, user=learner, every=False
        )
        external_lrs.statuses = [503]  # down: given up at once in eager mode
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, package, lesson, statement)
        assert response.status_code == 200
        assert [sent["body"][0]["id"] for sent in external_lrs.received] == [statement["id"]]
        # The actor sent is the player's pseudonym, not the learner's address.
        assert learner.email not in str(external_lrs.received[0]["body"])
    finally:
        next(files, None)


def test_nothing_is_sent_without_an_external_lrs(settings):
    settings.LRS_FORWARD_URL = ""
    assert not forwarding.enabled()
    services.statements_forward(statements=[factories.statement()])  # no error, no call
