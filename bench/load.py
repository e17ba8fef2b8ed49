"""Drive a running Égide server and print throughput, latency, queries and CPU per request.

Bounded in time and in requests, loopback only. Each scenario runs `--warmup` then
`--seconds` with `--concurrency` clients in one asyncio process writing raw HTTP/1.1
on their own sockets (kept alive when the server allows it; gunicorn's sync workers
close after each response, so each request then opens a connection, as a browser
behind a proxy would). The generator costs about a millisecond of CPU per request;
it is printed beside the server's, since all of them share the machine's cores.

Lesson pages and xAPI statements rotate over `--learners` seeded learners (bench/seed.py),
each with their own session, over the lessons of the modules they are enrolled in.
SQL queries per request are counted in-process with Django's test client on the same
database and settings (the server runs the same code path), on `--sql-sample` requests
of each rotation: the count depends on the learner's progress. The table shows the
largest; the statements of that request are listed for the scenarios with a budget.
"""

import argparse
import asyncio
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadtest.report import print_report  # noqa: E402
from bench.loadtest.rotation import (  # noqa: E402
    answered_statement,
    captured_get,
    captured_xapi_post,
    seeded_rotation,
    session_cookie,
    setup_django,
)
from bench.loadtest.scenario import Scenario, run_scenario  # noqa: E402
from bench.loadtest.wire import ProcessTree, http_request  # noqa: E402

# Issue 3: 2 gunicorn workers, 8 concurrent users, 2 cores.
LESSON_TARGET = (220, 7)  # pages/s, SQL queries per page at most
XAPI_TARGET = (200, 8)  # statements/s, SQL queries per statement at most


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--gunicorn-pid", type=int, required=True)
    parser.add_argument("--postgres-pid", type=int)
    parser.add_argument("--redis-pid", type=int)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--learners", type=int, default=64, help="learners in the rotation")
    parser.add_argument(
        "--sql-sample", type=int, default=20, help="requests of each rotation whose SQL is counted"
    )
    parser.add_argument("--sql-width", type=int, default=400, help="characters shown per query")
    parser.add_argument(
        "--only", default="", help="measure only the scenarios whose label contains this text"
    )
    return parser.parse_args()


def main():
    args = parse_args()
    setup_django()
    parts = urlsplit(args.base_url)
    host, port = parts.hostname, parts.port
    assert host in {"127.0.0.1", "localhost", "::1"}, "loopback only"
    scenarios = page_scenarios(f"{host}:{port}")
    pages, activities = seeded_rotation(host, port, args.learners)
    if not pages:
        print("Pas de données du banc d'essai (bench/seed.py) : leçons et xAPI non mesurés.")
    else:
        scenarios += seeded_scenarios(f"{host}:{port}", pages, activities, args.sql_sample)
        print(
            f"Rotation : {len({p[0].pk for p in pages})} apprenant·es, {len(pages)} pages de "
            f"leçon, {len(activities)} activités H5P (une session chacun·e, "
            f"jeton CSRF reçu d'une page de leçon)."
        )

    from django.db import connection

    connection.close()  # the server's connections are the ones to measure
    if args.only:
        scenarios = [s for s in scenarios if args.only in s.label]
    trees = (
        ProcessTree(args.gunicorn_pid),
        ProcessTree(args.postgres_pid),
        ProcessTree(args.redis_pid),
    )
    load = os.getloadavg()
    print(f"Charge du système avant mesure : {load[0]:.2f} (1 min), {load[1]:.2f} (5 min).")
    for scenario in scenarios:
        asyncio.run(
            run_scenario(host, port, scenario, args.concurrency, args.seconds, args.warmup, trees)
        )
        print(f"  {scenario.label} : {scenario.result['rps']:.1f} req/s", flush=True)
    print_report(scenarios, args)


def _get(host_header: str, path: str, cookies: str = ""):
    raw = http_request("GET", path, host_header, cookies=cookies)
    return lambda: raw


def page_scenarios(host_header: str) -> list[Scenario]:
    """Pages without the seeded data: home, the demo learner's space, the login page."""
    from django.contrib.auth import get_user_model

    demo = get_user_model().objects.get(email="apprenante@egide.test")
    demo_cookie = session_cookie(demo)
    return [
        Scenario("page d'accueil (anonyme)", [_get(host_header, "/")], [captured_get("/")]),
        Scenario(
            "Mon espace (apprenant·e connecté·e)",
            [_get(host_header, "/mon-espace/", demo_cookie)],
            [captured_get("/mon-espace/", demo)],
        ),
        Scenario(
            "page de connexion",
            [_get(host_header, "/accounts/login/")],
            [captured_get("/accounts/login/")],
        ),
    ]


def seeded_scenarios(host_header: str, pages, activities, sql_sample: int) -> list[Scenario]:
    """Lesson pages and xAPI statements of the seeded learners (seeded_rotation)."""
    lessons = Scenario(
        "page de leçon (apprenant·e inscrit·e)",
        [_get(host_header, path, cookie) for _user, cookie, path in pages],
        [captured_get(path, user) for user, _cookie, path in pages[:sql_sample]],
        *LESSON_TARGET,
    )

    from courses.models import H5PPackage
    from courses.services.activity_keys import xapi_mbox

    # The player claims success only for a right answer; the server re-scores and
    # refuses a false claim. /parcours/h5p/<package>/lecons/<lesson>/xapi/
    package_ids = {int(xapi.split("/")[3]) for _u, _c, _p, xapi, _t in activities}
    correct = dict(
        H5PPackage.objects.filter(pk__in=package_ids).values_list("pk", "content_json__correct")
    )

    def statement(user, xapi, answer):
        right = answer == correct[int(xapi.split("/")[3])]
        # The actor the player sends (checked by the server) and the activity's IRI.
        return answered_statement(answer, xapi_mbox(user), xapi, right)

    def post(user, cookies, xapi, csrf, answer):
        headers = [("Content-Type", "application/json"), ("X-CSRFToken", csrf)]
        return lambda: http_request(
            "POST",
            xapi,
            host_header,
            cookies=cookies,
            headers=headers,
            body=statement(user, xapi, answer),
        )

    # Mostly right answers: a success also re-applies the module's completion rule.
    answers = ["false" if n % 4 else "true" for n in range(len(activities))]
    xapi = Scenario(
        "ingestion xAPI (TrueFalse, re-score)",
        [
            post(user, cookies, xapi, csrf, answer)
            for (user, cookies, _p, xapi, csrf), answer in zip(activities, answers, strict=True)
        ],
        [
            captured_xapi_post(
                user,
                path,
                xapi,
                lambda answer=answer, user=user, xapi=xapi: statement(user, xapi, answer),
            )
            for (user, _c, path, xapi, _t), answer in zip(
                activities[:sql_sample], answers, strict=False
            )
        ],
        *XAPI_TARGET,
    )
    return [lessons, xapi]


if __name__ == "__main__":
    main()
