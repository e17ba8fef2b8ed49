"""Benchmark: xAPI ingestion with server re-scoring, per content type.

Run by bench/xapi.sh (PostgreSQL on loopback, production settings):
`python bench/xapi.py --count 3000`.

Three real packages built from the vendored samples (TrueFalse, QuestionSet,
DragQuestion) are uploaded and extracted as the admin does, in one lesson followed
by `--learners` learners. Then `--count` statements of each kind go through
`courses.services.xapi_statement_record` (what the view calls once it has found the
learner's enrolment), in the same run, interleaved in rounds so that the machine's
load weighs on the three alike: the real answers H5P sent in Chromium (right and
wrong, vendor/h5p/xapi/), re-addressed to the activity and the learner, each with a
fresh id. Each statement is re-scored from the package's answer key (built once per
package version and process), stored with its verdict, and the learner's result is
recomputed from the latest verdict per question.

Target (issue 19): a QuestionSet answer and a DragQuestion answer ingested at
≥ 0.9 × the TrueFalse rate, within ≤ 8 SQL queries per statement (the view adds
two to the service's: the signed-in user and the enrolment).
"""

import argparse
import copy
import io
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.prod")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from accounts.models import User  # noqa: E402
from courses import services  # noqa: E402
from courses.h5p import packages  # noqa: E402
from courses.h5p.authoring import VENDOR_DIR, build_package  # noqa: E402
from courses.models import H5PPackage, LessonPage, ModuleIndexPage, ModulePage  # noqa: E402
from courses.services.activities import xapi_pseudonym  # noqa: E402

KINDS = {
    "truefalse": "TrueFalse",
    "questionset": "QuestionSet (une question)",
    "dragquestion": "DragQuestion",
}
TARGET_RATIO = 0.9
QUERY_BUDGET = 8
DOMAIN = "bench-xapi.invalid"


def installer() -> User:
    user, _created = User.objects.get_or_create(
        email=f"installe@{DOMAIN}",
        defaults={"is_superuser": True, "is_staff": True, "profession": "autre"},
    )
    return user


def package(kind: str, user: User) -> H5PPackage:
    """A real package, checked, saved and extracted as the admin's upload does."""
    data = build_package(kind)
    validated = packages.h5p_upload_check(
        fileobj=io.BytesIO(data), filename=f"{kind}.h5p", user=user
    )
    item = H5PPackage(title=f"Banc d'essai {kind}")
    packages.h5p_package_prepare(package=item, validated=validated, user=user)
    item.file.save(f"{kind}.h5p", ContentFile(data), save=True)
    return packages.h5p_package_extract(package=item)


def lesson(items: list[H5PPackage]) -> LessonPage:
    module = ModulePage(title="Banc d'essai xAPI", summary="Ingestion xAPI.")
    ModuleIndexPage.objects.get().add_child(instance=module)
    module.save_revision().publish()
    body = [("paragraph", RichText("<p>Activités.</p>"))]
    body += [("h5p", {"package": p, "instructions": "", "required": True}) for p in items]
    page = LessonPage(title="Leçon du banc d'essai", body=body)
    module.add_child(instance=page)
    page.save_revision().publish()
    return LessonPage.objects.get(pk=page.pk)


def learners(count: int, module: ModulePage) -> list[User]:
    User.objects.filter(email__endswith=f"@{DOMAIN}", is_superuser=False).delete()
    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=f"personne{i}@{DOMAIN}",
            first_name="Camille",
            last_name=f"Durand-{i:05d}",
            profession="police",
            employer="Commissariat de Lille",
            password=password,
        )
        for i in range(count)
    )
    for user in users:
        services.enrolment_create(user=user, module=module)
    return users


def answers(kind: str) -> list[dict]:
    """The answered statements H5P sent for a right and a wrong run (for QuestionSet,
    its questions' answers, not the set's total)."""
    found = []
    for run in ("right", "wrong"):
        found += json.loads((VENDOR_DIR / "xapi" / f"{kind}-{run}.json").read_text())
    return found


def addressed(statement: dict, *, iri: str, user: User) -> dict:
    statement = copy.deepcopy(statement)
    statement["id"] = str(uuid.uuid4())
    statement["actor"] = {
        "name": "apprenant",
        "mbox": f"mailto:{xapi_pseudonym(user)}@apprenants.egide.invalid",
    }
    query = statement["object"]["id"].partition("?")[2]
    statement["object"]["id"] = iri + ("?" + query if query else "")
    return statement


def batch(kind, count, *, item, page, users) -> list[tuple[User, dict]]:
    iri = "https://egide.example.gouv.fr" + reverse("courses:h5p_xapi", args=[item.pk, page.pk])
    captured = answers(kind)
    work = []
    for i in range(count):
        user = users[i % len(users)]
        work.append((user, addressed(captured[i % len(captured)], iri=iri, user=user)))
    return work


def ingest(work, *, item, page, module_id) -> float:
    started = time.perf_counter()
    for user, statement in work:
        services.xapi_statement_record(
            user=user,
            package=item,
            lesson=page,
            statement=statement,
            module_id=module_id,
            enrolment_cycle=1,
        )
    return time.perf_counter() - started


def queries_per_statement(work, *, show=False, **where) -> tuple[float, int]:
    counts = []
    for one in work:
        with CaptureQueriesContext(connection) as ctx:
            ingest([one], **where)
        sql = [
            q["sql"]
            for q in ctx.captured_queries
            # Transaction control is not a query (PostgreSQL's driver logs it).
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT"))
        ]
        counts.append(len(sql))
    if show:
        print("\n".join(f"    {q[:160]}" for q in sql))
    return sum(counts) / len(counts), max(counts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=3000, help="statements per kind")
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--show-sql", action="store_true", help="print one statement's SQL")
    args = parser.parse_args()

    user = installer()
    items = {kind: package(kind, user) for kind in KINDS}
    page = lesson(list(items.values()))
    module_id = page.module.pk
    users = learners(args.learners, page.module)
    per_round = max(1, args.count // args.rounds)
    work = {
        kind: batch(kind, per_round * args.rounds + 200, item=item, page=page, users=users)
        for kind, item in items.items()
    }
    where = {kind: {"item": items[kind], "page": page, "module_id": module_id} for kind in KINDS}
    for kind in KINDS:  # warm the process: answer keys, page cache, first results
        ingest(work[kind][:100], **where[kind])

    times = {kind: [] for kind in KINDS}
    for number in range(args.rounds):
        order = list(KINDS)[number % 3 :] + list(KINDS)[: number % 3]
        for kind in order:
            start = 100 + number * per_round
            times[kind].append(ingest(work[kind][start : start + per_round], **where[kind]))
    total = per_round * args.rounds
    # The median round: the machine may be shared, and a burst of load on one round
    # must not decide a ratio.
    rates = {kind: per_round / statistics.median(spent) for kind, spent in times.items()}
    queries = {
        kind: queries_per_statement(work[kind][-100:], show=args.show_sql, **where[kind])
        for kind in KINDS
    }

    print(
        f"Ingestion xAPI re-notée par le serveur ({total} déclarations par type, "
        f"{args.learners} apprenants, {args.rounds} tours alternés, médiane des tours, "
        "xapi_statement_record)"
    )
    reference = rates["truefalse"]
    for kind, label in KINDS.items():
        mean, worst = queries[kind]
        line = f"  {label:<28}: {rates[kind]:7.0f} décl./s"
        if kind != "truefalse":
            ratio = rates[kind] / reference
            verdict = "OK" if ratio >= TARGET_RATIO else "EN DESSOUS"
            line += f" (ratio {ratio:.2f} / TrueFalse, cible ≥ {TARGET_RATIO}) {verdict}"
        within = "OK" if worst + 2 <= QUERY_BUDGET else "HORS BUDGET"
        line += (
            f" ; {mean:.1f} requêtes SQL/décl. (max {worst}, "
            f"{worst + 2} avec la vue, budget {QUERY_BUDGET}) {within}"
        )
        print(line)


if __name__ == "__main__":
    main()
