"""The xAPI statements the benchmarks send are accepted and scored by Égide.

`make bench` and `make bench-peer` post TrueFalse answers built by
bench/loadtest/rotation.py and bench/peer/compare.py; since issue 19 Égide refuses a
statement about another person or another activity, so a benchmark whose statements
drift from the player's would measure refusals (HTTP 400) instead of ingestion.
"""

import json

import pytest

from bench.loadtest.rotation import answered_statement
from bench.peer.compare import statement
from courses.models import ActivityResult
from courses.services.activity_keys import xapi_mbox
from courses.tests.h5p_uploads import fresh_h5p_root
from courses.tests.test_xapi import activity, xapi_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _h5p_files():
    yield from fresh_h5p_root()


def test_bench_statements_are_accepted_and_rescored(client, learner, superuser):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    url = xapi_url(package, lesson)

    # The vendored TrueFalse sample's right answer is "true".
    wrong = client.post(
        url,
        answered_statement("false", learner, url, "testserver", right=False),
        "application/json",
    )
    assert wrong.status_code == 200, wrong.content
    assert ActivityResult.objects.get(user=learner).success is False

    actor = {"objectType": "Agent", "mbox": xapi_mbox(learner)}
    body = statement("true", "true", actor, f"http://testserver{url}")
    assert json.loads(body)["result"]["success"] is True
    right = client.post(url, body, "application/json")
    assert right.status_code == 200, right.content
    assert ActivityResult.objects.get(user=learner).success is True
