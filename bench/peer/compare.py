"""Égide beside wagtail-lms (the peer): same load, same server settings, alternated rounds.

Run by bench/peer.sh once both servers are up, in Égide's virtualenv with Égide's
environment (its sessions are made here, as bench/load.py does). The peer's sessions
come from bench/peer/seed_peer.py (a JSON file made in the peer's virtualenv).

Each round measures, in this order, the lesson page on the peer then on Égide, then the
TrueFalse xAPI statement on the peer then on Égide, with bench/loadtest's driver
(closed loop, `--concurrency` users on kept-alive connections, no think time, a warm-up
then `--seconds` of measurement). Printed per round: requests/s, p50/p95, gunicorn CPU
per request (and PostgreSQL's and Redis's), each worker's share of gunicorn's CPU and
of the clients' connections, and the ratios Égide/peer; then the medians over the
rounds and the verdict against issue 23's goal: Égide at least twice the peer in
gunicorn CPU per request in every round and in median throughput.
"""

import argparse
import asyncio
import json
import statistics
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.loadtest.rotation import seeded_rotation, setup_django  # noqa: E402
from bench.loadtest.scenario import Scenario, run_scenario  # noqa: E402
from bench.loadtest.wire import Connection, ProcessTree, http_request  # noqa: E402

GOAL = 2.0
# One answer in four is wrong, as in bench/load.py: most learners answer right, and a
# right answer costs Égide more (the module's completion rule is applied again).
WRONG_EVERY = 4


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--egide-url", required=True)
    parser.add_argument("--egide-pid", type=int, required=True)
    parser.add_argument("--peer-url", required=True)
    parser.add_argument("--peer-pid", type=int, required=True)
    parser.add_argument("--peer-rotation", required=True, help="JSON from seed_peer.py")
    parser.add_argument("--postgres-pid", type=int)
    parser.add_argument("--redis-pid", type=int)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--learners", type=int, default=64)
    return parser.parse_args()


def statement(response: str, correct: str, actor: dict, object_id: str) -> bytes:
    """A TrueFalse "answered" statement as H5P sends it (fresh id, the learner's verdict).

    The same shape goes to both platforms, addressed as each one's player addresses it
    (actor, activity IRI): the peer stores what the browser says, Égide checks the actor
    and the activity and re-scores the response from the package.
    """
    right = response == correct
    return json.dumps(
        {
            "id": str(uuid.uuid4()),
            "actor": actor,
            "verb": {
                "id": "http://adlnet.gov/expapi/verbs/answered",
                "display": {"en-US": "answered"},
            },
            "object": {
                "id": object_id,
                "objectType": "Activity",
                "definition": {
                    "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                    "interactionType": "true-false",
                    "correctResponsesPattern": [correct],
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


def answers(count: int, correct: str) -> list[str]:
    wrong = "true" if correct == "false" else "false"
    return [wrong if n % WRONG_EVERY == WRONG_EVERY - 1 else correct for n in range(count)]


def _get(host_header, path, cookies):
    raw = http_request("GET", path, host_header, cookies=cookies)
    return lambda: raw


def _post(host_header, path, cookies, csrf, response, correct, actor):
    headers = [("Content-Type", "application/json"), ("X-CSRFToken", csrf)]
    # Both players name the activity by the xAPI endpoint's absolute address.
    object_id = f"http://{host_header}{path}"
    return lambda: http_request(
        "POST",
        path,
        host_header,
        cookies=cookies,
        headers=headers,
        body=statement(response, correct, actor, object_id),
    )


def _csrf(host, port, path, cookie, name="csrftoken") -> str:
    conn = Connection(host, port)
    status, cookies, _ = asyncio.run(
        conn.request(http_request("GET", path, f"{host}:{port}", cookies=cookie))
    )
    conn.close()
    found = [
        c.split(b";")[0].split(b"=", 1)[1] for c in cookies if c.startswith(name.encode() + b"=")
    ]
    assert status == 200 and found, (path, status)
    return found[0].decode()


def egide_scenarios(host, port, learners):
    from courses.models import H5PPackage
    from courses.services.activity_keys import xapi_mbox

    pages, activities = seeded_rotation(host, port, learners)
    assert pages and activities, "pas de données Égide (bench/seed.py)"
    hh = f"{host}:{port}"
    package_id = int(activities[0][3].split("/")[3])
    correct = H5PPackage.objects.get(pk=package_id).content_json["correct"]
    lesson = Scenario("page de leçon", [_get(hh, p, c) for _u, c, p in pages], [])
    xapi = Scenario(
        "xAPI TrueFalse",
        [
            # Égide's player names each learner by a pseudonymous mbox (checked).
            _post(hh, x, c, t, a, correct, {"objectType": "Agent", "mbox": xapi_mbox(u)})
            for (u, c, _p, x, t), a in zip(
                activities, answers(len(activities), correct), strict=True
            )
        ],
        [],
    )
    return lesson, xapi, len(pages), correct


def peer_scenarios(host, port, rotation_file):
    rotation = json.loads(Path(rotation_file).read_text())
    hh = f"{host}:{port}"
    lesson_path, xapi_path = rotation["lesson"], rotation["xapi"]
    # The vendored TrueFalse sample's answer (vendor/h5p/xapi/truefalse-right.json).
    correct = "true"
    lesson = Scenario("page de leçon", [_get(hh, lesson_path, c) for c in rotation["cookies"]], [])
    posts = []
    for number, (cookie, answer) in enumerate(
        zip(rotation["cookies"], answers(len(rotation["cookies"]), correct), strict=True)
    ):
        csrf = _csrf(host, port, lesson_path, cookie)
        # The peer's player names the learner by username; it is not checked.
        actor = {"objectType": "Agent", "name": f"apprenant{number}"}
        posts.append(
            _post(hh, xapi_path, f"{cookie}; csrftoken={csrf}", csrf, answer, correct, actor)
        )
    return lesson, Scenario("xAPI TrueFalse", posts, []), len(rotation["cookies"])


def measure(url, scenario, trees, args):
    parts = urlsplit(url)
    asyncio.run(
        run_scenario(
            parts.hostname, parts.port, scenario, args.concurrency, args.seconds, args.warmup, trees
        )
    )
    return dict(scenario.result)


HEAD = (
    f"{'scénario':<16}{'plateforme':<11}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'web ms':>8}"
    f"{'pg ms':>7}{'redis':>7}{'err.':>6}  CPU par worker   connexions par worker"
)


def line(label, who, r):
    shares = " / ".join(f"{x} %" for x in r["worker_shares"]) or "—"
    conns = " / ".join(f"{x} %" for x in r["worker_connections"]) or "—"
    first = f"  première erreur : {r['first_error']}" if r["errors"] else ""
    return (
        f"{label:<16}{who:<11}{r['rps']:>8.1f}{r['p50_ms']:>8.1f}{r['p95_ms']:>8.1f}"
        f"{r['cpu_web']:>8.2f}{r['cpu_pg']:>7.2f}{r['cpu_redis']:>7.2f}{r['errors']:>6}  "
        f"{shares:<16} {conns}{first}"
    )


def main():
    args = parse_args()
    setup_django()
    egide_url, peer_url = urlsplit(args.egide_url), urlsplit(args.peer_url)
    for u in (egide_url, peer_url):
        assert u.hostname in {"127.0.0.1", "localhost", "::1"}, "loopback only"
    e_lesson, e_xapi, e_count, e_correct = egide_scenarios(
        egide_url.hostname, egide_url.port, args.learners
    )
    p_lesson, p_xapi, p_count = peer_scenarios(peer_url.hostname, peer_url.port, args.peer_rotation)
    from django.db import connection

    connection.close()  # only the servers' connections from here on
    print(
        f"Rotation : {e_count} apprenant·es Égide et {p_count} du pair, une session chacun·e ; "
        f"xAPI : une réponse sur {WRONG_EVERY} fausse ({len(e_xapi.requests)} et "
        f"{len(p_xapi.requests)} déclarations distinctes, identifiant neuf à chaque envoi)."
    )
    db, cache = ProcessTree(args.postgres_pid), ProcessTree(args.redis_pid)
    platforms = {
        "pair": (args.peer_url, (ProcessTree(args.peer_pid), db, cache)),
        "Égide": (args.egide_url, (ProcessTree(args.egide_pid), db, cache)),
    }
    scenarios = {
        "page de leçon": {"pair": p_lesson, "Égide": e_lesson},
        "xAPI TrueFalse": {"pair": p_xapi, "Égide": e_xapi},
    }
    results = {label: {"pair": [], "Égide": []} for label in scenarios}
    for number in range(1, args.rounds + 1):
        print(
            f"\nTour {number}/{args.rounds} ({args.concurrency} clients, {args.warmup:g} s de "
            f"chauffe puis {args.seconds:g} s mesurées par phase)",
            flush=True,
        )
        print(HEAD)
        for label, pair in scenarios.items():
            for who in ("pair", "Égide"):
                url, trees = platforms[who]
                results[label][who].append(measure(url, pair[who], trees, args))
                print(line(label, who, results[label][who][-1]), flush=True)
            peer, ours = results[label]["pair"][-1], results[label]["Égide"][-1]
            print(
                f"{'':<16}Égide/pair : débit × {ours['rps'] / peer['rps']:.2f}, CPU gunicorn "
                f"par requête ÷ {peer['cpu_web'] / ours['cpu_web']:.2f}, p95 × "
                f"{ours['p95_ms'] / peer['p95_ms']:.2f}"
            )
    print(
        f"\nSynthèse sur {args.rounds} tours (objectif : Égide ≥ {GOAL:g}× le pair en CPU "
        f"gunicorn par requête à chaque tour et en débit médian)"
    )
    met = True
    for label, by in results.items():
        peer_rps = statistics.median(r["rps"] for r in by["pair"])
        ours_rps = statistics.median(r["rps"] for r in by["Égide"])
        cpu = [p["cpu_web"] / e["cpu_web"] for p, e in zip(by["pair"], by["Égide"], strict=True)]
        errors = sum(r["errors"] for r in by["pair"] + by["Égide"])
        ok = ours_rps / peer_rps >= GOAL and min(cpu) >= GOAL and not errors
        met &= ok
        print(
            f"  {label:<16}: débit médian {ours_rps:.1f} contre {peer_rps:.1f} req/s "
            f"(× {ours_rps / peer_rps:.2f}) ; CPU par requête ÷ "
            f"{' ; ÷ '.join(f'{c:.2f}' for c in cpu)} ; erreurs {errors} → "
            f"{'atteint' if ok else 'non atteint'}"
        )
    print(
        f"Verdict : objectif {'atteint' if met else 'non atteint'}. Le banc d'essai mesure et "
        "ne fait jamais échouer la commande."
    )


if __name__ == "__main__":
    main()
