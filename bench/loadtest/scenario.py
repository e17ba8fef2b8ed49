"""A scenario (requests to rotate over, sample SQL, target) and its timed run."""

import asyncio
import math
import os
import time
from collections import Counter
from dataclasses import dataclass, field

from .wire import Connection, ProcessTree

MAX_REQUESTS_PER_SCENARIO = 200_000
# Seconds between two simulated users' first requests. BENCH_ARRIVAL_GAP=0 makes them
# arrive in the same instant: the worst case for how gunicorn spreads connections.
ARRIVAL_GAP = float(os.environ.get("BENCH_ARRIVAL_GAP", "0.005"))
REQUEST_TIMEOUT = 30
# What a failed request may raise; the connection is then closed and opened again.
REQUEST_ERRORS = (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError)


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


@dataclass
class _Run:
    """What the clients of one run share: the request count, and what they record."""

    count: int = 0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def run_scenario(host, port, scenario: Scenario, concurrency, seconds, warmup, pids):
    """`port`: one server's, or a list of several nodes' (clients spread over them in
    turn, as a load balancer spreads connections)."""
    requests = scenario.requests
    ports = port if isinstance(port, list) else [port]
    # One connection per simulated user for the whole scenario (warm-up, then
    # measurement), as a browser keeps its connection alive between pages.
    connections = [Connection(host, ports[n % len(ports)]) for n in range(concurrency)]
    if warmup:
        await _visit_all(host, ports, requests, concurrency)
    await _arrive(connections, requests)
    if warmup:
        await _run(connections, requests, warmup, _Run(), record=False)
    measured = _Run()
    server, database, cache = (tree.snapshot() for tree in pids)
    client_cpu = time.process_time()
    wall = time.perf_counter()
    held: Counter = Counter()
    sampler = asyncio.create_task(_sample_connections(pids[0], ports, held))
    await _run(connections, requests, seconds, measured, record=True)
    sampler.cancel()
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
        if pid not in pids[0].roots
    }
    scenario.result = _result(measured, wall, [*used, client_cpu], workers)
    total = sum(held.values())
    scenario.result["worker_connections"] = (
        sorted((round(100 * count / total) for count in held.values()), reverse=True)
        if total
        else []
    )


CONNECTION_SAMPLE_EVERY = 0.1  # seconds


async def _sample_connections(tree: ProcessTree, port: int | list[int], held: Counter):
    """Count, every CONNECTION_SAMPLE_EVERY, the client connections each worker holds.

    Summed over the phase, a worker's share is its share of the time clients spent
    connected to it: with keep-alive, the requests they sent; without it, the requests
    it had accepted and not answered yet. A few milliseconds of the generator's CPU
    per sample (reading /proc), counted in its figure.
    """
    while True:
        for pid, count in tree.connections(port).items():
            held[pid] += count
        await asyncio.sleep(CONNECTION_SAMPLE_EVERY)


async def _run(connections, requests, duration: float, state: _Run, *, record: bool):
    loop = asyncio.get_running_loop()
    stop_at = loop.time() + duration
    concurrency = len(connections)

    async def client(number: int):
        conn = connections[number]
        # Clients start at different places of the rotation and walk through it.
        position = number * len(requests) // concurrency
        while loop.time() < stop_at and state.count < MAX_REQUESTS_PER_SCENARIO:
            raw = requests[position % len(requests)]()
            position += 1
            state.count += 1
            start = time.perf_counter()
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    status, _cookies, _body = await conn.request(raw)
                if status != 200 and record:
                    state.errors.append(f"HTTP {status}")
            except REQUEST_ERRORS as error:
                conn.close()
                if record:
                    state.errors.append(type(error).__name__)
            if record:
                state.latencies.append(time.perf_counter() - start)

    await asyncio.gather(*(client(n) for n in range(concurrency)))


async def _arrive(connections, requests):
    """Users arrive a few milliseconds apart, not in the same instant: eight
    connections opened within a millisecond all go to whichever gunicorn
    worker wakes first (measured: 8 of 8 on one worker in most runs, one core
    idle), which no real audience does. Each opens its connection with a
    first request of the rotation, unmeasured."""
    concurrency = len(connections)

    async def one(number: int):
        await asyncio.sleep(number * ARRIVAL_GAP)
        raw = requests[number * len(requests) // concurrency]()
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                await connections[number].request(raw)
        except REQUEST_ERRORS:
            connections[number].close()

    await asyncio.gather(*(one(n) for n in range(concurrency)))


async def _visit_all(host, ports, requests, concurrency):
    """Every distinct request once, spread over the clients: the pages a server in
    use has already seen are in its caches (page cache: 10 minutes)."""

    async def visit(share, port):
        conn = Connection(host, port)
        for make in share:
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    await conn.request(make())
            except REQUEST_ERRORS:
                conn.close()
        conn.close()

    await asyncio.gather(
        *(visit(requests[n::concurrency], ports[n % len(ports)]) for n in range(concurrency))
    )


def _result(measured: _Run, wall: float, cpu: list[float], workers: dict) -> dict:
    """Figures of a measured run; `cpu`: seconds used by web, pg, redis and the client."""
    latencies = sorted(measured.latencies)
    n = len(latencies)

    def per_request(seconds: float) -> float:
        return seconds * 1000 / n if n else 0.0

    return {
        "requests": n,
        "errors": len(measured.errors),
        "first_error": measured.errors[0] if measured.errors else "",
        "rps": n / wall,
        "p50_ms": latencies[n // 2] * 1000 if n else 0.0,
        "p95_ms": latencies[max(0, math.ceil(n * 0.95) - 1)] * 1000 if n else 0.0,
        "cpu_web": per_request(cpu[0]),
        "cpu_pg": per_request(cpu[1]),
        "cpu_redis": per_request(cpu[2]),
        "cpu_client": per_request(cpu[3]),
        "worker_shares": sorted(
            (round(100 * seconds / sum(workers.values())) for seconds in workers.values()),
            reverse=True,
        )
        if sum(workers.values()) > 0
        else [],
    }
