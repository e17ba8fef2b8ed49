"""Drive a running Égide server and print throughput, latency, queries and CPU per request.

Bounded in time and in requests, loopback only. Each scenario runs `--seconds`
with `--concurrency` client threads holding keep-alive connections.
SQL queries per request are counted in-process with Django's test client on the
same database (the server's own count is the same code path).
"""

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MAX_REQUESTS_PER_SCENARIO = 200_000


def cpu_seconds(pids: list[int]) -> float:
    """Return user+system CPU seconds of the given processes (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def server_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [master, *map(int, children)]


def run_scenario(base_url, path, cookie, concurrency, seconds, pids):
    parts = urlsplit(base_url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        nonlocal errors
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        local = []
        local_errors = 0
        while (
            time.monotonic() < stop_at and len(latencies) + len(local) < MAX_REQUESTS_PER_SCENARIO
        ):
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    local_errors += 1
            except (OSError, http.client.HTTPException):
                local_errors += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            local.append(time.perf_counter() - start)
        with lock:
            latencies.extend(local)
            errors += local_errors

    cpu_before = cpu_seconds(pids)
    wall = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - wall
    cpu = cpu_seconds(pids) - cpu_before
    latencies.sort()
    count = len(latencies)
    return {
        "requests": count,
        "errors": errors,
        "rps": count / wall,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else 0,
        "p95_ms": latencies[int(count * 0.95) - 1] * 1000 if count else 0,
        "cpu_ms": cpu * 1000 / count if count else 0,
    }


def setup_django():
    import django

    django.setup()


def learner_session_cookie() -> str:
    """Return a session cookie for the demo learner (created by load_demo)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email="apprenante@egide.test"))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(path: str, cookie: str | None) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", headers={"Cookie": cookie} if cookie else {})
    client.get(path)  # warm caches the way a running server has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, secure=False)
    assert response.status_code == 200, (path, response.status_code)
    return len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--gunicorn-pid", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()

    setup_django()
    cookie = learner_session_cookie()
    scenarios = [
        ("page d'accueil (anonyme)", "/", None),
        ("Mon espace (apprenant·e connecté·e)", "/mon-espace/", cookie),
        ("page de connexion", "/accounts/login/", None),
    ]
    pids = server_pids(args.gunicorn_pid)
    print(
        f"gunicorn 2 workers, {args.concurrency} clients, {args.seconds:g} s per page, "
        f"{os.cpu_count()} cores"
    )
    header = (
        f"{'page':<40}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'SQL/req':>9}{'CPU ms/req':>12}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    for label, path, scenario_cookie in scenarios:
        queries = count_queries(path, scenario_cookie)
        result = run_scenario(
            args.base_url, path, scenario_cookie, args.concurrency, args.seconds, pids
        )
        print(
            f"{label:<40}{result['rps']:>8.1f}{result['p50_ms']:>9.1f}{result['p95_ms']:>9.1f}"
            f"{queries:>9}{result['cpu_ms']:>12.2f}{result['errors']:>8}"
        )


if __name__ == "__main__":
    main()
