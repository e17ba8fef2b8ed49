"""Benchmark: server time and SQL queries of the DDFE's pages on the demo data.

Run after `make run`'s loading steps (migrate, load_territories, load_plans, load_demo),
against the same database: `python bench/indicators_pages.py`. Each page is read five
times through Django's test client as the demo DDFE of the Nord (the NORD-VIF-2023
plan, 83 indicators) and of the Pas-de-Calais; it prints the median time, the number
of SQL queries and the size of the HTML. Issue 20's target: the plan page under 300 ms.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from indicators.models import Indicator, Plan  # noqa: E402

RUNS = 7


def pages(plan: Plan) -> list[str]:
    first = Indicator.objects.filter(plan=plan, measure="people_trained").order_by("code").first()
    urls = [
        "/indicateurs/",
        f"/indicateurs/plans/{plan.code}/",
        "/indicateurs/synthese/",
        "/indicateurs/cles-api/",
        "/indicateurs/api/",
    ]
    if first is not None:
        urls.append(f"/indicateurs/plans/{plan.code}/indicateurs/{first.code}/")
    return urls


def measure(client: Client, url: str) -> tuple[float, float, int, int]:
    """Median wall and CPU times (ms), queries, bytes. On a shared machine the wall time
    varies with the load; the process's CPU time (SQLite runs in it) much less."""
    times, cpu = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            begin, begin_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            times.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
        assert response.status_code == 200, (url, response.status_code)
    return (
        statistics.median(times) * 1000,
        statistics.median(cpu) * 1000,
        len(queries),
        len(response.content),
    )


def main() -> None:
    for email, code in [("ddfe-nord@egide.test", "NORD-VIF-2023"), ("ddfe@egide.test", "PDC-2019")]:
        client = Client()
        client.force_login(User.objects.get(email=email))
        plan = Plan.objects.get(code=code)
        for url in pages(plan):
            ms, cpu, count, size = measure(client, url)
            print(
                f"{email:22} {url:62} {ms:5.0f} ms (CPU {cpu:4.0f} ms) "
                f"{count:3} queries {size // 1024:4} KiB"
            )


if __name__ == "__main__":
    main()
