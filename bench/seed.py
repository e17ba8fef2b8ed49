"""Seed the benchmark database: 200 modules, 2,000 lessons, 50,000 learners with progress.

Run by bench/run.sh after `migrate` and `load_demo`, with the bench's environment
(DJANGO_SETTINGS_MODULE, DATABASE_URL…): `python bench/seed.py`. Idempotent: when the
benchmark modules are already there it only adds learners up to `--learners` (bench/scale.sh
grows 50,000 to 250,000), or does nothing. PostgreSQL only.

Pages are real Wagtail pages (treebeard paths, depth and numchild, url_path, live,
one published revision each, search index entries) but are written in bulk:
`add_child` + `save_revision().publish()` costs about 140 ms a page here, i.e. five
minutes for 2,200 pages at every `make bench`. Page ids are reserved from the page
sequence first so that revisions, pages and their specific rows are three inserts.
Not written: admin log entries ("Page created"…) and the reference index ("usage"
of H5P packages in the admin), which no measured page reads.

Learners, enrolments, lesson progress, activity results and module completions are
written with COPY in batches of BATCH learners (user ids reserved from their sequence);
one password hash is shared by everyone.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

from bench.seeding.common import (  # noqa: E402
    LEARNERS,
    LESSONS_PER_MODULE,
    MODULE_SLUG_PREFIX,
    MODULES,
    n,
    phase,
)
from bench.seeding.integrity import (  # noqa: E402
    check_foreign_keys,
    foreign_key_checks_off,
    seeded_models,
)
from bench.seeding.learners import seed_learners  # noqa: E402
from bench.seeding.pages import seed_pages  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=MODULES)
    parser.add_argument("--lessons-per-module", type=int, default=LESSONS_PER_MODULE)
    parser.add_argument("--learners", type=int, default=LEARNERS)
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    from django.db import transaction

    from courses.models import ModulePage

    if ModulePage.objects.filter(slug__startswith=MODULE_SLUG_PREFIX).exists():
        grow(args.learners)
        return
    # Wagtail logs every page it creates or publishes; thousands of lines say nothing here.
    logging.getLogger("wagtail").setLevel(logging.WARNING)

    print("Chargement des données du banc d'essai :", flush=True)
    timings: list = []
    start = time.perf_counter()
    with transaction.atomic():
        checks_off = foreign_key_checks_off()
        module_pages, lesson_pages = seed_pages(
            modules=args.modules, lessons_per_module=args.lessons_per_module, timings=timings
        )
        counts = seed_learners(
            module_pages=module_pages,
            lesson_pages=lesson_pages,
            learners=args.learners,
            timings=timings,
        )
        if checks_off:
            with phase("vérification des clés étrangères (une anti-jointure par clé)", timings):
                check_foreign_keys(seeded_models())
    vacuum_analyze(timings)
    elapsed = time.perf_counter() - start
    with_h5p = sum(1 for lesson in lesson_pages if lesson.h5p_blocks())
    print(
        f"Chargé en {elapsed:.1f} s : {len(module_pages)} modules, {n(len(lesson_pages))} leçons "
        f"(dont {n(with_h5p)} avec une activité H5P), {n(counts['users'])} apprenant·es, "
        f"{n(counts['enrolments'])} inscriptions, {n(counts['progress'])} leçons ouvertes "
        f"(dont {n(counts['completed'])} terminées), {n(counts['results'])} résultats "
        f"d'activité, {n(counts['completions'])} modules terminés."
    )


def vacuum_analyze(timings: list) -> None:
    """Fresh statistics and visibility maps, so autovacuum does not start mid-measurement."""
    from django.db import connection

    with phase("VACUUM ANALYZE", timings), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def grow(learners: int) -> None:
    """Add seeded learners up to `learners` in total, on the modules already seeded.

    bench/scale.sh measures at 50,000 learners, then grows the same database to
    250,000 and measures again: the pages, the learners measured and their progress
    stay the same, only the tables grow. Does nothing when there are already enough.
    """
    from django.db import transaction

    from accounts.models import User
    from bench.seeding.common import EMAIL_DOMAIN
    from courses.models import LessonPage, ModulePage

    present = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count()
    if present >= learners:
        print(f"Données du banc d'essai déjà présentes ({n(present)} apprenant·es) : rien à faire.")
        return
    print(f"Croissance de {n(present)} à {n(learners)} apprenant·es :", flush=True)
    timings: list = []
    start = time.perf_counter()
    module_pages = list(
        ModulePage.objects.filter(slug__startswith=MODULE_SLUG_PREFIX).order_by("path")
    )
    module_paths = {module.path for module in module_pages}
    lesson_pages = [
        lesson
        for lesson in LessonPage.objects.filter(depth=module_pages[0].depth + 1).order_by("path")
        if lesson.path[: -lesson.steplen] in module_paths
    ]
    with transaction.atomic():
        checks_off = foreign_key_checks_off()
        counts = seed_learners(
            module_pages=module_pages,
            lesson_pages=lesson_pages,
            learners=learners,
            timings=timings,
            first=present + 1,
        )
        if checks_off:
            with phase("vérification des clés étrangères (une anti-jointure par clé)", timings):
                check_foreign_keys(seeded_models())
    vacuum_analyze(timings)
    print(
        f"Ajouté en {time.perf_counter() - start:.1f} s : {n(counts['users'])} apprenant·es, "
        f"{n(counts['enrolments'])} inscriptions, {n(counts['progress'])} leçons ouvertes "
        f"(dont {n(counts['completed'])} terminées), {n(counts['results'])} résultats "
        f"d'activité, {n(counts['completions'])} modules terminés."
    )


if __name__ == "__main__":
    main()
