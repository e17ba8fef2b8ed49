"""Benchmark: roster imports of mandatory training, and the compliance page.

Run by bench/mandatory.sh (PostgreSQL on loopback, production settings):
`python bench/mandatory.py`.

1. Roster import, for 10,000 and 100,000 lines (a third of the people already have
   an account): the floor is a bare `bulk_create` of the same roster rows, in the
   same run; then the real import (`assignments.imports.parse` + `apply`: every line
   checked, accounts matched, the modules given to those who have an account,
   invitations queued), then the same file imported again (nothing to add).
   Target (issue 8): the import in at most twice the time of the bare bulk_create.
2. The unit manager's page of an institution of 5,000 people, and the DDFE's compliance
   page of the same assignment, through Django's test client:
   time and SQL queries, beside the same page for 500 people (queries must be equal).
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.prod")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from assignments import imports, services  # noqa: E402
from assignments.models import Assignment, Obligation, RosterEntry  # noqa: E402
from courses.models import ModuleIndexPage, ModulePage  # noqa: E402

TARGET = 2.0
DOMAIN = "bench-assignments.invalid"


def module() -> ModulePage:
    existing = ModulePage.objects.filter(slug="bench-obligatoire").first()
    if existing:
        return existing
    page = ModulePage(
        title="Accueil des victimes de violences conjugales",
        slug="bench-obligatoire",
        summary="Module obligatoire du banc d'essai.",
        validity_months=24,
    )
    ModuleIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return ModulePage.objects.get(pk=page.pk)


def people(count: int, *, unit: str, arrondissement: str = "62-lens") -> None:
    """`count` accounts (gendarmes of one unit) with addresses personne{i}@…"""
    User.objects.filter(email__endswith=f"@{DOMAIN}").delete()
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"personne{i}@{DOMAIN}",
                first_name="Camille",
                last_name=f"Durand-{i:06d}",
                profession="gendarmerie_nationale",
                employer=unit,
                departement="62",
                arrondissement=arrondissement,
                password=password,
            )
            for i in range(count)
        ],
        batch_size=5000,
    )


def roster_csv(lines: int) -> bytes:
    rows = ["email;nom;prenom;profession;institution"]
    rows += [
        f"personne{i}@{DOMAIN};Durand-{i:06d};Camille;Gendarmerie nationale;Brigade de Lens"
        for i in range(lines)
    ]
    return "\n".join(rows).encode()


def fresh_assignment(target: ModulePage, title: str) -> Assignment:
    # No criterion: the population is the roster only (nothing assigned before the import).
    assignment = Assignment.objects.create(title=title, due_date=date(2027, 6, 30))
    assignment.modules.set([target])
    return assignment


def timed(function) -> float:
    started = time.perf_counter()
    with transaction.atomic():
        function()
    return time.perf_counter() - started


def import_file(data: bytes, assignment: Assignment, reports: list) -> None:
    reports.append(
        imports.apply(
            imports.parse(data, "liste.csv", assignment=assignment), assignment=assignment
        )
    )


def bench_roster(lines: int, target: ModulePage, runs: int) -> dict:
    people(lines // 3, unit="Brigade de Lens")
    data = roster_csv(lines)
    floors, imports_, again = [], [], []
    for _run in range(runs):
        bare = fresh_assignment(target, "bare")
        parsed = imports.parse(data, "liste.csv", assignment=bare)
        entries = [
            RosterEntry(
                assignment=bare,
                email=entry.email,
                last_name=entry.last_name,
                first_name=entry.first_name,
                profession=entry.profession,
                institution=entry.institution,
            )
            for entry in parsed.entries
        ]
        floors.append(timed(partial(RosterEntry.objects.bulk_create, entries, batch_size=5000)))
        bare.delete()

        assignment = fresh_assignment(target, "import")
        reports = []
        run_import = partial(import_file, data, assignment, reports)
        imports_.append(timed(run_import))
        assert reports[0].added == lines and not reports[0].rejected, reports[0].rejected[:3]
        assert reports[0].obligations == lines // 3
        again.append(timed(run_import))
        assert reports[1].added == 0 and reports[1].obligations == 0
        assignment.delete()
    floor, real = statistics.median(floors), statistics.median(imports_)
    return {
        "lines": lines,
        "floor": floor,
        "import": real,
        "again": statistics.median(again),
        "ratio": real / floor,
    }


def bench_page(size: int, target: ModulePage) -> dict[str, tuple[float, int]]:
    """(seconds, SQL queries) of the unit manager's page of an institution of `size`
    people, and of the DDFE's compliance page of the same assignment."""
    from django.test import Client
    from django.urls import reverse

    from accounts.constants import Role
    from accounts.models import Institution
    from accounts.tests.factories import UserFactory

    people(size, unit="Brigade de Lens")
    unit, _created = Institution.objects.get_or_create(
        name="Brigade de gendarmerie de Lens (banc d'essai)",
        city="Lens",
        defaults={
            "kind": "gendarmerie",
            "address": "1 rue",
            "departement": "62",
            "arrondissement": "62-lens",
        },
    )
    User.objects.filter(email__endswith=f"@{DOMAIN}").update(institution=unit)
    assignment = Assignment.objects.create(
        title="Conformité",
        professions=["gendarmerie_nationale"],
        due_date=date(2027, 6, 30),
    )
    assignment.modules.set([target])
    services.assignment_apply(assignment=assignment)
    manager = User.objects.filter(email="responsable@bench-assignments.test").first()
    if manager is None:
        manager = UserFactory(email="responsable@bench-assignments.test", role=Role.UNIT_MANAGER)
    unit.managers.add(manager)
    ddfe = User.objects.filter(email="ddfe@bench-assignments.test").first() or UserFactory(
        email="ddfe@bench-assignments.test", role=Role.DDFE
    )
    result = {}
    for label, user, url in (
        ("unité", manager, reverse("assignments:unit")),
        ("DDFE", ddfe, reverse("assignments:detail", args=[assignment.pk])),
    ):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        client.get(url, secure=True)  # warm the caches
        timings = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, secure=True)
                timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        result[label] = (statistics.median(timings), len(queries))
    Obligation.objects.filter(assignment=assignment).delete()
    assignment.delete()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    target = module()
    print("Import de listes (médiane de", args.runs, "passages)")
    failed = False
    for lines in [int(size) for size in args.sizes.split(",")]:
        result = bench_roster(lines, target, args.runs)
        verdict = "OK" if result["ratio"] <= TARGET else "AU-DESSUS DE LA CIBLE"
        failed |= result["ratio"] > TARGET
        print(
            f"  {result['lines']:>7} lignes : bulk_create nu {result['floor']:.2f} s, "
            f"import {result['import']:.2f} s (ratio {result['ratio']:.2f}, cible ≤ {TARGET}) "
            f"{verdict} ; réimport {result['again']:.2f} s"
        )
    small = bench_page(500, target)
    large = bench_page(5000, target)
    print("Pages de conformité (client de test Django, médiane de 3)")
    for label in small:
        for size, figures in (("500", small[label]), ("5 000", large[label])):
            print(
                f"  {label}, structure de {size} personnes : {figures[0] * 1000:.0f} ms, "
                f"{figures[1]} requêtes SQL"
            )
        if small[label][1] != large[label][1]:
            print("  ÉCHEC : le nombre de requêtes dépend du nombre de personnes")
            failed = True
    User.objects.filter(email__endswith=f"@{DOMAIN}").delete()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
