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
import json
import math
import os
import random
import re
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MAX_REQUESTS_PER_SCENARIO = 200_000
ARRIVAL_GAP = 0.005  # seconds between two simulated users' first requests
REQUEST_TIMEOUT = 30
# Issue 3: 2 gunicorn workers, 8 concurrent users, 2 cores.
LESSON_TARGET = (220, 7)  # pages/s, SQL queries per page at most
XAPI_TARGET = (200, 8)  # statements/s, SQL queries per statement at most


# --- CPU time of server processes (Linux /proc) ----------------------------------------


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ProcessTree:
    """A process and its children (gunicorn's workers, PostgreSQL's backends)."""

    def __init__(self, pid: int | None):
        self.pid = pid

    def snapshot(self) -> dict[int, float]:
        if not self.pid:
            return {}
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        except FileNotFoundError:
            children = []
        times = {pid: _cpu_seconds(pid) for pid in [self.pid, *map(int, children)]}
        return {pid: seconds for pid, seconds in times.items() if seconds is not None}

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        """CPU seconds used between two snapshots (processes started since count in full)."""
        return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


# --- A minimal HTTP/1.1 client ----------------------------------------------------------


class Connection:
    """One client socket: sends a prepared request, reads the whole response."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes) -> tuple[int, list[bytes], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length, chunked, close, cookies = None, False, False, []
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                close = b"close" in value.lower()
            elif name == b"set-cookie":
                cookies.append(value.strip())
        if chunked:
            body = bytearray()
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                body += await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        elif length is not None:
            body = await self.reader.readexactly(length)
        else:
            body, close = await self.reader.read(), True
        if close:
            self.close()
        return status, cookies, bytes(body)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def http_request(
    method: str, path: str, host: str, *, cookies: str = "", headers=(), body: bytes = b""
) -> bytes:
    lines = [f"{method} {quote(path, safe='/?=&%:@;,+~')} HTTP/1.1", f"Host: {host}"]
    if cookies:
        lines.append(f"Cookie: {cookies}")
    lines += [f"{name}: {value}" for name, value in headers]
    if method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class Scenario:
    label: str
    # Each call returns the next request's bytes (a fresh statement id for xAPI).
    requests: list
    # SQL of sample requests, from the test client: one list of statements per request.
    samples: list
    target_rps: float | None = None
    max_queries: int | None = None
    result: dict = field(default_factory=dict)

    @property
    def worst(self) -> list[str]:
        """The SQL of the sample request that issued the most queries."""
        return max(self.samples, key=len)

    def distribution(self) -> str:
        counts = Counter(len(sample) for sample in self.samples)
        return ", ".join(f"{n} requêtes × {times}" for n, times in sorted(counts.items()))


async def run_scenario(host, port, scenario: Scenario, concurrency, seconds, warmup, pids):
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    errors: list[str] = []
    requests = scenario.requests
    count = 0

    # One connection per simulated user for the whole scenario (warm-up, then
    # measurement), as a browser keeps its connection alive between pages.
    connections = [Connection(host, port) for _ in range(concurrency)]

    async def client(number: int, stop_at: float, record: bool):
        nonlocal count
        conn = connections[number]
        # Clients start at different places of the rotation and walk through it.
        position = number * len(requests) // concurrency
        while loop.time() < stop_at and count < MAX_REQUESTS_PER_SCENARIO:
            raw = requests[position % len(requests)]()
            position += 1
            count += 1
            start = time.perf_counter()
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    status, _cookies, _body = await conn.request(raw)
                if status != 200 and record:
                    errors.append(f"HTTP {status}")
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
                conn.close()
                if record:
                    errors.append(type(error).__name__)
            if record:
                latencies.append(time.perf_counter() - start)

    async def run(duration: float, record: bool):
        stop_at = loop.time() + duration
        await asyncio.gather(*(client(n, stop_at, record) for n in range(concurrency)))

    async def arrive():
        # Users arrive a few milliseconds apart, not in the same instant: eight
        # connections opened within a millisecond all go to whichever gunicorn
        # worker wakes first (measured: 8 of 8 on one worker in most runs, one core
        # idle), which no real audience does. Each opens its connection with a
        # first request of the rotation, unmeasured.
        async def one(number: int):
            await asyncio.sleep(number * ARRIVAL_GAP)
            raw = requests[number * len(requests) // concurrency]()
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    await connections[number].request(raw)
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                connections[number].close()

        await asyncio.gather(*(one(n) for n in range(concurrency)))

    async def visit_all():
        # Every distinct request once, spread over the clients: the pages a server in
        # use has already seen are in its caches (page cache: 10 minutes).
        async def visit(share):
            conn = Connection(host, port)
            for make in share:
                try:
                    async with asyncio.timeout(REQUEST_TIMEOUT):
                        await conn.request(make())
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                    conn.close()
            conn.close()

        await asyncio.gather(*(visit(requests[n::concurrency]) for n in range(concurrency)))

    if warmup:
        await visit_all()
    await arrive()
    if warmup:
        await run(warmup, record=False)
    count = 0
    server, database, cache = (tree.snapshot() for tree in pids)
    client_cpu = time.process_time()
    wall = time.perf_counter()
    await run(seconds, record=True)
    wall = time.perf_counter() - wall
    client_cpu = time.process_time() - client_cpu
    for conn in connections:
        conn.close()
    after = [tree.snapshot() for tree in pids]
    used = [
        ProcessTree.used(before, now)
        for before, now in zip((server, database, cache), after, strict=True)
    ]
    # How the work was shared between gunicorn's workers: with one worker per core,
    # a share far from even means a core was idle for part of the run.
    workers = {
        pid: seconds - server.get(pid, 0.0)
        for pid, seconds in after[0].items()
        if pid != pids[0].pid
    }
    latencies.sort()
    n = len(latencies)

    def per_request(cpu: float) -> float:
        return cpu * 1000 / n if n else 0.0

    scenario.result = {
        "requests": n,
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "rps": n / wall,
        "p50_ms": latencies[n // 2] * 1000 if n else 0.0,
        "p95_ms": latencies[max(0, math.ceil(n * 0.95) - 1)] * 1000 if n else 0.0,
        "cpu_web": per_request(used[0]),
        "cpu_pg": per_request(used[1]),
        "cpu_redis": per_request(used[2]),
        "cpu_client": per_request(client_cpu),
        "worker_shares": sorted(
            (round(100 * seconds / sum(workers.values())) for seconds in workers.values()),
            reverse=True,
        )
        if sum(workers.values()) > 0
        else [],
    }


# --- Sessions, CSRF tokens and query counts (Django, in this process) ------------------


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


def answered_statement(response: str) -> bytes:
    """A TrueFalse "answered" statement as the H5P player sends it, with a fresh id."""
    return json.dumps(
        {
            "id": str(uuid.uuid4()),
            "actor": {"objectType": "Agent", "name": "Apprenant·e"},
            "verb": {
                "id": "http://adlnet.gov/expapi/verbs/answered",
                "display": {"en-US": "answered"},
            },
            "object": {
                "id": "http://127.0.0.1/h5p",
                "objectType": "Activity",
                "definition": {
                    "interactionType": "true-false",
                    "correctResponsesPattern": ["false"],
                },
            },
            "result": {
                "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
                "completion": True,
                "success": True,
                "duration": "PT4.2S",
                "response": response,
            },
        }
    ).encode()


def seeded_rotation(host: str, port: int, learners: int):
    """Pick seeded learners; return their lesson pages and H5P activities, with sessions.

    Returns (lesson pages, activities), shuffled: (user, cookie header, lesson path) and
    (user, cookie header with the CSRF cookie, lesson path, xAPI path, CSRF token).
    """
    from django.conf import settings

    from accounts.models import User
    from bench.seed import EMAIL_DOMAIN
    from courses.models import Enrolment, LessonPage, ModulePage

    rng = random.Random(3)
    ids = list(
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}", enrolments__isnull=False)
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
                        # The CSRF cookie comes the way a browser gets it: from a page.
                        raw = http_request("GET", path, f"{host}:{port}", cookies=cookie)
                        conn = Connection(host, port)
                        status, cookies, _ = loop.run_until_complete(conn.request(raw))
                        conn.close()
                        name = settings.CSRF_COOKIE_NAME.encode()
                        found = [
                            c.split(b";")[0].split(b"=", 1)[1]
                            for c in cookies
                            if c.startswith(name + b"=")
                        ]
                        assert status == 200 and found, (path, status, cookies)
                        csrf = found[0].decode()
                    xapi = f"/parcours/h5p/{block['package'].pk}/lecons/{lesson.pk}/xapi/"
                    activities.append(
                        (user, f"{cookie}; {settings.CSRF_COOKIE_NAME}={csrf}", path, xapi, csrf)
                    )
    loop.close()
    rng.shuffle(pages)
    rng.shuffle(activities)
    return pages, activities


# --- Report -------------------------------------------------------------------------------


def verdict(scenario: Scenario) -> str:
    if scenario.target_rps is None:
        return "—"
    misses = []
    if scenario.result["rps"] < scenario.target_rps:
        misses.append("débit")
    if len(scenario.worst) > scenario.max_queries:
        misses.append("SQL")
    if scenario.result["errors"]:
        misses.append("erreurs")
    return "atteint" if not misses else f"non atteint ({', '.join(misses)})"


COLUMNS = [
    ("scénario", 40, "<"),
    ("req/s", 7, ">"),
    ("cible", 6, ">"),
    ("p50 ms", 8, ">"),
    ("p95 ms", 8, ">"),
    ("SQL", 5, ">"),
    ("max", 4, ">"),
    ("web", 7, ">"),
    ("pg", 6, ">"),
    ("redis", 6, ">"),
    ("client", 7, ">"),
    ("plafond", 8, ">"),
    ("erreurs", 8, ">"),
    ("objectif", 0, "<"),
]


def row(values) -> str:
    cells = []
    for (_name, width, align), value in zip(COLUMNS, values, strict=True):
        cells.append(f"{value:{align}{width}}" if width else f"  {value}")
    return "".join(cells)


def print_report(scenarios: list[Scenario], args):
    header = row([name for name, _w, _a in COLUMNS])
    print()
    print(
        f"gunicorn 2 workers, {args.concurrency} clients, {args.seconds:g} s par scénario "
        f"(après {args.warmup:g} s de chauffe), {os.cpu_count()} cœurs partagés.\n"
        "SQL : requêtes de la plus coûteuse des requêtes comptées ; max : budget.\n"
        "CPU en ms par requête : web = gunicorn, pg = PostgreSQL, redis, client = générateur.\n"
        f"Plafond : req/s que {os.cpu_count()} cœurs dédiés au serveur permettraient d'après "
        "son CPU mesuré (web + pg + redis),\nmoins bruité que le débit quand d'autres "
        "processus occupent la machine."
    )
    print(header)
    print("-" * (len(header) + 24))
    for s in scenarios:
        r = s.result
        print(
            row(
                [
                    s.label,
                    f"{r['rps']:.1f}",
                    f"{s.target_rps:g}" if s.target_rps else "",
                    f"{r['p50_ms']:.1f}",
                    f"{r['p95_ms']:.1f}",
                    len(s.worst),
                    s.max_queries if s.max_queries is not None else "",
                    f"{r['cpu_web']:.2f}",
                    f"{r['cpu_pg']:.2f}",
                    f"{r['cpu_redis']:.2f}",
                    f"{r['cpu_client']:.2f}",
                    f"{ceiling(r):.0f}",
                    r["errors"],
                    verdict(s),
                ]
            )
        )
    for s in scenarios:
        if s.result["errors"]:
            first = s.result["first_error"]
            print(f"  {s.label} : {s.result['errors']} erreurs, la première : {first}")
    print(
        "Part du CPU de chaque worker gunicorn : "
        + " ; ".join(
            f"{s.label.split(' (')[0]} {' / '.join(f'{x} %' for x in s.result['worker_shares'])}"
            for s in scenarios
            if s.result.get("worker_shares")
        )
    )
    print(
        "Objectif atteint : débit ≥ cible, requêtes SQL ≤ max et aucune erreur. "
        "Le banc d'essai mesure et ne fait jamais échouer la commande."
    )
    for s in scenarios:
        if s.max_queries is None:
            continue
        print(
            f"\n« {s.label} », {len(s.samples)} requêtes de la rotation comptées : "
            f"{s.distribution()}.\nRequêtes SQL de la plus coûteuse ({len(s.worst)}) :"
        )
        for number, sql in enumerate(s.worst, 1):
            sql = short_sql(sql)
            print(
                f"  {number:>2}. {sql[: args.sql_width]}{'…' if len(sql) > args.sql_width else ''}"
            )


def ceiling(result: dict) -> float:
    """Requests/s the machine's cores would serve if only the server used them."""
    server_ms = result["cpu_web"] + result["cpu_pg"] + result["cpu_redis"]
    return (os.cpu_count() or 1) * 1000 / server_ms if server_ms else 0.0


def short_sql(sql: str) -> str:
    """One line, long column lists of SELECT shortened, so the clauses that matter show."""
    sql = re.sub(r"\s+", " ", sql)

    def columns(match: re.Match) -> str:
        names = match.group(1)
        if len(names) < 80:
            return match.group(0)
        table = re.match(r'"(\w+)"', names)
        return (
            f"SELECT {table.group(1) + '.' if table else ''}* ({names.count(',') + 1} col.) FROM "
        )

    return re.sub(r"SELECT (.+?) FROM ", columns, sql)


def main():
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
    args = parser.parse_args()

    setup_django()
    from django.contrib.auth import get_user_model

    parts = urlsplit(args.base_url)
    host, port = parts.hostname, parts.port
    host_header = f"{host}:{port}"
    assert host in {"127.0.0.1", "localhost", "::1"}, "loopback only"

    def get(path, cookies=""):
        raw = http_request("GET", path, host_header, cookies=cookies)
        return lambda: raw

    demo = get_user_model().objects.get(email="apprenante@egide.test")
    demo_cookie = session_cookie(demo)
    scenarios = [
        Scenario("page d'accueil (anonyme)", [get("/")], [captured_get("/")]),
        Scenario(
            "Mon espace (apprenant·e connecté·e)",
            [get("/mon-espace/", demo_cookie)],
            [captured_get("/mon-espace/", demo)],
        ),
        Scenario(
            "page de connexion", [get("/accounts/login/")], [captured_get("/accounts/login/")]
        ),
    ]

    pages, activities = seeded_rotation(host, port, args.learners)
    if not pages:
        print("Pas de données du banc d'essai (bench/seed.py) : leçons et xAPI non mesurés.")
    else:
        scenarios.append(
            Scenario(
                "page de leçon (apprenant·e inscrit·e)",
                [get(path, cookie) for _user, cookie, path in pages],
                [captured_get(path, user) for user, _cookie, path in pages[: args.sql_sample]],
                *LESSON_TARGET,
            )
        )

        def post(cookies, xapi, csrf, answer):
            headers = [("Content-Type", "application/json"), ("X-CSRFToken", csrf)]
            return lambda: http_request(
                "POST",
                xapi,
                host_header,
                cookies=cookies,
                headers=headers,
                body=answered_statement(answer),
            )

        # Mostly right answers: a success also re-applies the module's completion rule.
        answers = ["false" if n % 4 else "true" for n in range(len(activities))]
        scenarios.append(
            Scenario(
                "ingestion xAPI (TrueFalse, re-score)",
                [
                    post(cookies, xapi, csrf, answer)
                    for (_u, cookies, _p, xapi, csrf), answer in zip(
                        activities, answers, strict=True
                    )
                ],
                [
                    captured_xapi_post(
                        user, path, xapi, lambda answer=answer: answered_statement(answer)
                    )
                    for (user, _c, path, xapi, _t), answer in zip(
                        activities[: args.sql_sample], answers, strict=False
                    )
                ],
                *XAPI_TARGET,
            )
        )
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


if __name__ == "__main__":
    main()
