"""Seeded learners' sessions and lessons to rotate over, and the SQL of sample requests.

Django runs in this process (same database and settings as the server) to log learners
in and count the queries of a request with the test client.
"""

import asyncio
import json
import random
import uuid

from .wire import Connection, http_request


def setup_django():
    import django

    django.setup()


def session_cookie(user) -> str:
    """Log `user` in through the test client; return the session cookie it was given."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def captured_get(path: str, user=None) -> list[str]:
    """Return the SQL of one GET of `path` (after a first one warms per-process caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user)
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return [query["sql"] for query in ctx.captured_queries]


def captured_xapi_post(user, lesson_path: str, xapi_path: str, body) -> list[str]:
    """Return the SQL of one xAPI POST, CSRF enforced, the token taken from the lesson page."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get(lesson_path).status_code == 200
    headers = {"X-CSRFToken": client.cookies[settings.CSRF_COOKIE_NAME].value}

    def post():
        return client.post(xapi_path, body(), content_type="application/json", headers=headers)

    post()
    with CaptureQueriesContext(connection) as ctx:
        response = post()
    assert response.status_code == 200, (xapi_path, response.status_code, response.content)
    return [query["sql"] for query in ctx.captured_queries]


def answered_statement(
    response: str, user, xapi_path: str, host: str = "127.0.0.1", *, right: bool = True
) -> bytes:
    """A TrueFalse "answered" statement as the H5P player sends it, with a fresh id.

    Addressed as Égide's player addresses it (issue 19 refuses any other): the learner's
    pseudonymous mbox as actor, the xAPI endpoint's absolute address as activity, and
    the player's own verdict (`right`), which the server checks against its re-scoring.
    """
    from courses.services.activity_keys import xapi_mbox

    return json.dumps(
        {
            "id": str(uuid.uuid4()),
            "actor": {"objectType": "Agent", "mbox": xapi_mbox(user)},
            "verb": {
                "id": "http://adlnet.gov/expapi/verbs/answered",
                "display": {"en-US": "answered"},
            },
            "object": {
                "id": f"http://{host}{xapi_path}",
                "objectType": "Activity",
                "definition": {
                    "interactionType": "true-false",
                    "correctResponsesPattern": ["false"],
                },
            },
            "result": {
                "score": {"min": 0, "max": 1, "raw": int(right), "scaled": int(right)},
                "completion": True,
                "success": right,
                "duration": "PT4.2S",
                "response": response,
            },
        }
    ).encode()


def seeded_rotation(host: str, port: int, learners: int, candidates=None):
    """Pick seeded learners; return their lesson pages and H5P activities, with sessions.

    Returns (lesson pages, activities), shuffled: (user, cookie header, lesson path) and
    (user, cookie header with the CSRF cookie, lesson path, xAPI path, CSRF token).
    `candidates`: the users to pick from (default: every seeded learner), e.g. the demo
    learners, or the first 50,000 seeded ones so that two sizes measure the same people.
    """
    from django.conf import settings

    from accounts.models import User
    from bench.seeding.common import EMAIL_DOMAIN
    from courses.models import Enrolment, LessonPage, ModulePage

    rng = random.Random(3)
    if candidates is None:
        candidates = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    ids = list(
        candidates.filter(enrolments__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return [], []
    users = list(
        User.objects.filter(pk__in=rng.sample(ids, min(learners, len(ids)))).order_by("pk")
    )
    module_ids: dict[int, list[int]] = {}
    for user_id, module_id in Enrolment.objects.filter(user__in=users).values_list(
        "user_id", "module_id"
    ):
        module_ids.setdefault(user_id, []).append(module_id)
    lessons_by_parent: dict[str, list] = {}
    for lesson in LessonPage.objects.live().order_by("path"):
        lessons_by_parent.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
    module_paths = dict(ModulePage.objects.values_list("pk", "path"))
    pages, activities = [], []
    loop = asyncio.new_event_loop()
    for user in users:
        cookie = session_cookie(user)
        csrf = None
        for module_id in module_ids[user.pk]:
            for lesson in lessons_by_parent.get(module_paths[module_id], []):
                path = lesson.get_url()
                pages.append((user, cookie, path))
                for block in lesson.h5p_blocks():
                    if csrf is None:
                        csrf = _csrf_token(loop, host, port, path, cookie)
                    xapi = f"/parcours/h5p/{block['package'].pk}/lecons/{lesson.pk}/xapi/"
                    activities.append(
                        (user, f"{cookie}; {settings.CSRF_COOKIE_NAME}={csrf}", path, xapi, csrf)
                    )
    loop.close()
    rng.shuffle(pages)
    rng.shuffle(activities)
    return pages, activities


def _csrf_token(loop, host: str, port: int, path: str, cookie: str) -> str:
    """The CSRF cookie, got the way a browser gets it: from a page, over the wire."""
    from django.conf import settings

    raw = http_request("GET", path, f"{host}:{port}", cookies=cookie)
    conn = Connection(host, port)
    status, cookies, _ = loop.run_until_complete(conn.request(raw))
    conn.close()
    name = settings.CSRF_COOKIE_NAME.encode()
    found = [c.split(b";")[0].split(b"=", 1)[1] for c in cookies if c.startswith(name + b"=")]
    assert status == 200 and found, (path, status, cookies)
    return found[0].decode()
