"""Benchmark: attestations issued and rendered through a real Celery worker.

Run by bench/attestations.sh (PostgreSQL and Redis on loopback, production
settings): `python bench/attestations.py --count 1000`.

1. The floor: the same template rendered to PDF in this process, one after the
   other (`certificates.rendering.render_pdf`), for `--floor` attestations.
2. The pipeline: one worker process (`--pool solo`, like the floor: one process)
   is started, then `--count` attestations are issued in one transaction as a
   completion issues them (`certificates.services.attestation_issue`: a row, an
   audit event, a task queued on commit). The clock starts at the commit, when the
   tasks leave for Redis, and stops when the last PDF is stored: queueing, the
   worker, the database and the storage. Issuing is timed apart.

Target (issue 5): the pipeline reaches at least 0.8 of the floor — queueing,
database and storage overhead stay small beside rendering.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.prod")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from certificates import rendering, services  # noqa: E402
from certificates.constants import RenderStatus  # noqa: E402
from certificates.models import Attestation, AttestationEvent  # noqa: E402
from certificates.selectors.issuers import issuer_for  # noqa: E402
from elearning.celery import app  # noqa: E402

TITLE = "Le continuum des violences faites aux femmes"
TARGET_RATIO = 0.8


def learners(count: int) -> list[User]:
    password = make_password(None)
    User.objects.filter(email__endswith="@bench-attestations.invalid").delete()
    return User.objects.bulk_create(
        [
            User(
                email=f"personne{i}@bench-attestations.invalid",
                first_name="Camille",
                last_name=f"Durand-{i:05d}",
                profession="police",
                employer="Commissariat de Lille",
                departement="59",
                password=password,
            )
            for i in range(count)
        ]
    )


def floor_rate(count: int, users: list[User]) -> tuple[float, float]:
    """Return (renders/s, CPU seconds per render) in this process."""
    issuer = issuer_for(departement_code="59")
    samples = [
        Attestation(
            user=user,
            code=f"EGD-FLOR-{i:04d}-AAAA",
            holder_name=user.get_full_name(),
            profession="Police nationale",
            title=TITLE,
            kind="formation",
            duration_minutes=90,
            completed_at=timezone.now(),
            score=85,
            issuer=issuer.issuer,
            departement=issuer.territory,
            signatory_name=issuer.signatory_name,
            signatory_title=issuer.signatory_title,
        )
        for i, user in enumerate(users[:count])
    ]
    rendering.render_pdf(samples[0])  # fonts loaded once, like a worker
    started, cpu = time.perf_counter(), time.process_time()
    for attestation in samples:
        rendering.render_pdf(attestation)
    return count / (time.perf_counter() - started), (time.process_time() - cpu) / count


WORKER_LOG = Path(os.environ.get("WORK", "/tmp")) / "bench-attestations-worker.log"


def start_worker() -> subprocess.Popen:
    hostname = f"bench-attestations-{os.getpid()}@localhost"
    log = WORKER_LOG.open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "elearning",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",  # one line per task with its duration, read back below
            "--hostname",
            hostname,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.control.ping(destination=[hostname], timeout=0.5):
            return process
    process.kill()
    raise SystemExit("the Celery worker did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pipeline_rate(users: list[User]) -> tuple[float, float, float]:
    """Return (attestations/s end to end, seconds spent issuing, worker CPU s each)."""
    worker = start_worker()
    try:
        # A first attestation warms the worker (imports, fonts), as in production.
        services.attestation_issue(
            user=users[0],
            source="bench:warmup",
            subject="bench:warmup",
            title=TITLE,
            kind="formation",
            completed_at=timezone.now(),
        )
        while Attestation.objects.filter(render_status=RenderStatus.READY).count() < 1:
            time.sleep(0.05)
        # Issued in one transaction, as a batch (an evening's attendance, an import):
        # the tasks leave together at commit. Issuing is the web side's cost and is
        # timed apart; the pipeline's clock starts at the commit.
        issue_started = time.perf_counter()
        with transaction.atomic():
            for user in users:
                services.attestation_issue(
                    user=user,
                    source="bench:module-completion",
                    subject="module:bench",
                    title=TITLE,
                    kind="formation",
                    duration_minutes=90,
                    completed_at=timezone.now(),
                    score=85,
                )
            issued = time.perf_counter() - issue_started
            cpu_before = cpu_seconds(worker.pid)
            started = time.perf_counter()
        spy = _start_py_spy(worker)
        _wait_until_ready(len(users) + 1, worker)
        elapsed = time.perf_counter() - started
        worker_cpu = (cpu_seconds(worker.pid) - cpu_before) / len(users)
        if spy is not None:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=30)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return len(users) / elapsed, issued, worker_cpu


def _start_py_spy(worker):
    """BENCH_PYSPY=file.txt: sample the worker with py-spy (collapsed stacks)."""
    if not os.environ.get("BENCH_PYSPY"):
        return None
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "py-spy"),
            "record",
            "--format",
            "raw",
            "-o",
            os.environ["BENCH_PYSPY"],
            "--pid",
            str(worker.pid),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_until_ready(total: int, worker) -> None:
    while True:
        ready = Attestation.objects.filter(render_status=RenderStatus.READY).count()
        if ready >= total:
            return
        if worker.poll() is not None:
            raise SystemExit("the Celery worker died")
        time.sleep(0.05)


def worker_task_seconds() -> list[float]:
    """Durations of the render tasks as the worker measured them (its log)."""
    pattern = re.compile(r"attestation_render\[[^\]]+\] succeeded in ([0-9.]+)s")
    return [float(m.group(1)) for m in pattern.finditer(WORKER_LOG.read_text())]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--floor", type=int, default=100)
    args = parser.parse_args()

    AttestationEvent.objects.all().delete()
    Attestation.objects.all().delete()
    users = learners(args.count)
    floor_count = min(args.floor, args.count)
    # The machine is shared and noisy: the floor is measured before and after the
    # pipeline, and CPU time per attestation is reported beside the rates.
    floor_before, floor_cpu_before = floor_rate(floor_count, users)
    rate, issuing, worker_cpu = pipeline_rate(users)
    floor_after, floor_cpu_after = floor_rate(floor_count, users)
    floor = (floor_before + floor_after) / 2
    floor_cpu = (floor_cpu_before + floor_cpu_after) / 2
    ratio = rate / floor
    cpu_ratio = floor_cpu / worker_cpu
    rendered_twice = Attestation.objects.filter(render_count__gt=1).count()
    durations = worker_task_seconds()
    task_ms = 1000 * sum(durations) / len(durations) if durations else float("nan")
    print()
    print(
        f"Plancher : rendu du même gabarit dans ce processus, {floor_count} PDF avant et "
        f"après la chaîne : {floor_before:.1f} et {floor_after:.1f}/s, "
        f"{1000 * floor_cpu:.0f} ms de CPU par PDF"
    )
    print(
        f"Chaîne : {args.count} attestations délivrées puis rendues par un worker Celery "
        f"(un processus) : {rate:.1f}/s, {1000 * worker_cpu:.0f} ms de CPU du worker "
        f"par attestation, tâche de {task_ms:.0f} ms en moyenne"
    )
    print(
        f"  délivrance avant l'envoi (ligne, journal) : {issuing:.1f} s pour les {args.count}, "
        "hors chronomètre"
    )
    print(
        f"Rapport chaîne / plancher : {ratio:.2f} en débit, {cpu_ratio:.2f} en CPU "
        f"(cible ≥ {TARGET_RATIO})"
    )
    print(f"PDF rendus deux fois : {rendered_twice}")
    verdict = "atteint" if ratio >= TARGET_RATIO and not rendered_twice else "non atteint (débit)"
    print(f"Objectif {verdict}. Le banc d'essai mesure et ne fait jamais échouer la commande.")


if __name__ == "__main__":
    main()
