"""Seed the benchmark database: 200 modules, 2,000 lessons, 50,000 learners with progress.

Run by bench/run.sh after `migrate` and `load_demo`, with the bench's environment
(DJANGO_SETTINGS_MODULE, DATABASE_URL…): `python bench/seed.py`. Idempotent: it does
nothing when the benchmark modules are already there. PostgreSQL only.

Pages are real Wagtail pages (treebeard paths, depth and numchild, url_path, live,
one published revision each, search index entries) but are written in bulk:
`add_child` + `save_revision().publish()` costs about 140 ms a page here, i.e. five
minutes for 2,200 pages at every `make bench`. Page ids are reserved from the page
sequence first so that revisions, pages and their specific rows are three inserts.
Not written: admin log entries ("Page created"…) and the reference index ("usage"
of H5P packages in the admin), which no measured page reads.

Learners, enrolments, lesson progress, activity results and module completions are
bulk-created in batches of BATCH learners; one password hash is shared by everyone.
"""

import argparse
import os
import random
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

MODULES = 200
LESSONS_PER_MODULE = 10
LEARNERS = 50_000
BATCH = 5_000
SEED = 20260
EMAIL_DOMAIN = "bench.egide.test"
MODULE_SLUG_PREFIX = "bench-module-"
# Shared by every seeded learner; the database only lives as long as the bench.
PASSWORD = "egide-bench-2026"


def learner_email(number: int) -> str:
    return f"apprenant{number:05d}@{EMAIL_DOMAIN}"


THEMES = [
    "Repérer les violences conjugales",
    "Accueillir la parole des victimes",
    "Le continuum des violences",
    "L'emprise et ses mécanismes",
    "Violences sexuelles : cadre juridique",
    "Les enfants co-victimes",
    "Le certificat médical initial",
    "L'ordonnance de protection",
    "Évaluer le danger",
    "Travailler en réseau sur le territoire",
]
TOPICS = [
    ("bench-reperage", "Repérage"),
    ("bench-accueil", "Accueil et écoute"),
    ("bench-droit", "Droit et procédure"),
    ("bench-sante", "Santé"),
    ("bench-enfance", "Enfance"),
    ("bench-reseau", "Travail en réseau"),
]
PARAGRAPHS = [
    "<p>Les violences au sein du couple s'installent le plus souvent progressivement. Des "
    "remarques dévalorisantes, un contrôle des dépenses ou du téléphone, un isolement des "
    "proches précèdent fréquemment les coups. Repérer ces signes, c'est pouvoir orienter "
    "plus tôt, avant que la situation ne devienne dangereuse pour la victime et ses enfants.</p>",
    "<p>Lorsqu'une victime se confie, la première réponse compte : la <b>croire</b>, lui dire "
    "que la loi interdit et punit ces violences, que l'auteur en est seul responsable et "
    "qu'elle peut être aidée. Évitez les questions qui culpabilisent (« pourquoi n'êtes-vous "
    "pas partie ? ») : elles renforcent l'emprise.</p>",
    "<p>L'agresseur suit souvent une stratégie : il isole, dévalorise, inverse la culpabilité, "
    "installe la peur et recrute des alliés pour assurer son impunité. Connaître cette "
    "stratégie aide à comprendre pourquoi une victime revient sur ses déclarations ou reste "
    "auprès de l'auteur : ce sont des effets de l'emprise, pas un manque de sincérité.</p>",
    "<p>Le 3919, Violences Femmes Info, est gratuit, anonyme et joignable 24 heures sur 24 et "
    "7 jours sur 7. En cas de danger immédiat, composez le 17 ou envoyez un SMS au 114. Les "
    "associations spécialisées du département accompagnent les victimes dans leurs démarches "
    "juridiques, sociales et médicales.</p>",
    "<p>Les enfants exposés aux violences conjugales en sont aussi victimes : troubles du "
    "sommeil, difficultés scolaires, anxiété, parfois reproduction des comportements. Leur "
    "situation doit être prise en compte dans l'évaluation du danger et, le cas échéant, "
    "signalée à la cellule de recueil des informations préoccupantes.</p>",
    "<p>Le certificat médical initial décrit les lésions et le retentissement psychologique "
    "sans se prononcer sur l'auteur. Il fixe une incapacité totale de travail qui oriente la "
    "qualification pénale. Rédigé avec précision, il constitue une pièce essentielle de la "
    "procédure, même si la victime ne porte pas plainte immédiatement.</p>",
    "<p>L'ordonnance de protection, délivrée par le juge aux affaires familiales, peut "
    "interdire à l'auteur d'entrer en contact avec la victime, attribuer le logement à "
    "celle-ci et organiser l'exercice de l'autorité parentale. Elle peut être demandée sans "
    "dépôt de plainte préalable.</p>",
    "<p>Le travail en réseau permet d'éviter que la victime ait à répéter son récit : "
    "forces de sécurité, professionnel·les de santé, travailleur·ses sociaux, associations et "
    "magistrat·es partagent, dans le respect du secret professionnel, les informations "
    "nécessaires à sa protection.</p>",
]
CALLOUT = "<p>Le 3919 est <b>gratuit et anonyme</b>, joignable jour et nuit.</p>"
FIRST_NAMES = [
    "Camille", "Nadia", "Julien", "Sophie", "Karim", "Léa", "Thomas", "Inès", "Hugo", "Manon",
    "Yasmine", "Pierre", "Chloé", "Mehdi", "Sarah", "Louis", "Aïcha", "Nicolas", "Emma", "Omar",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Benali", "Laurent", "Girard",
    "Rousseau", "Diallo", "Fontaine", "Chevalier", "Robin", "Nguyen", "Mercier", "Dupont",
]  # fmt: skip
EMPLOYERS = [
    "Commissariat de Lens", "Brigade de gendarmerie d'Arras", "CH de Douai", "CIDFF du Nord",
    "Conseil départemental", "Tribunal judiciaire de Lille", "Mairie de Calais",
    "Cabinet libéral", "Maison départementale des solidarités",
]  # fmt: skip


def n(number: int) -> str:
    """Format a count the French way (50 000)."""
    return f"{number:,}".replace(",", "\u202f")


@contextmanager
def phase(label: str, timings: list):
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    timings.append((label, elapsed))
    print(f"  {label:<66}{elapsed:>7.1f} s", flush=True)


def reserve_ids(table: str, count: int) -> list[int]:
    """Take `count` ids from a table's sequence (PostgreSQL), to link rows before inserting."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def lesson_body(*, module_number: int, lesson_number: int, package):
    from wagtail.rich_text import RichText

    first = (module_number + lesson_number) % len(PARAGRAPHS)
    texts = [PARAGRAPHS[(first + i) % len(PARAGRAPHS)] for i in range(3)]
    body = [
        ("heading", {"text": "Ce qu'il faut savoir", "level": "h2"}),
        ("paragraph", RichText(texts[0] + texts[1])),
        ("callout", {"title": "À retenir", "text": RichText(CALLOUT)}),
        ("paragraph", RichText(texts[2])),
    ]
    if package is not None:
        body.append(
            ("h5p", {"package": package, "instructions": "Vrai ou faux ?", "required": True})
        )
    return body


def seed_pages(*, modules: int, lessons_per_module: int, timings: list):
    """Create the H5P packages, modules and lessons; return the modules and their lessons."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Page, Revision
    from wagtail.search.backends import get_search_backend

    from courses.constants import Kind, PackageStatus
    from courses.models import Audience, H5PPackage, LessonPage, ModuleIndexPage, ModulePage, Topic

    rng = random.Random(SEED)
    index = ModuleIndexPage.objects.get()
    now = timezone.now()
    page_content_type = ContentType.objects.get_for_model(Page)

    with phase(f"{n(modules * lessons_per_module // 2)} activités H5P TrueFalse (prêtes)", timings):
        packages = H5PPackage.objects.bulk_create(
            [
                H5PPackage(
                    title=f"Vrai ou faux n° {number}",
                    file=f"h5p/uploads/bench/vrai-faux-{number}.h5p",
                    status=PackageStatus.READY,
                    main_library="H5P.TrueFalse 1.6",
                    h5p_json={"title": f"Vrai ou faux n° {number}", "mainLibrary": "H5P.TrueFalse"},
                    content_json={
                        "correct": "false" if number % 3 else "true",
                        "question": "<p>Une victime sans blessure visible ne subit pas de "
                        "violences.</p>",
                    },
                )
                for number in range(1, modules * lessons_per_module // 2 + 1)
            ],
            batch_size=BATCH,
        )
        topics = [
            Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in TOPICS
        ]
        audiences = list(Audience.objects.all())

    with phase(f"{modules} modules et {n(modules * lessons_per_module)} leçons (pages)", timings):
        page_ids = iter(reserve_ids(Page._meta.db_table, modules * (lessons_per_module + 1)))
        revision_ids = iter(
            reserve_ids(Revision._meta.db_table, modules * (lessons_per_module + 1))
        )
        last_child = index.get_last_child()
        first_step = ModulePage._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        package_iter = iter(packages)
        module_pages, lesson_pages, m2m = [], [], []

        def common(page, *, parent, step, slug, published_at):
            page.id = page.page_ptr_id = next(page_ids)
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.slug = slug
            page.url_path = f"{parent.url_path}{slug}/"
            page.draft_title = page.title
            page.locale_id = parent.locale_id
            page.translation_key = uuid.uuid4()
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = published_at
            page.latest_revision_created_at = published_at
            page.latest_revision_id = page.live_revision_id = next(revision_ids)

        for number in range(1, modules + 1):
            theme = THEMES[(number - 1) % len(THEMES)]
            title = f"{theme} — module {number}"
            published_at = now - timedelta(days=rng.randint(30, 720))
            module = ModulePage(
                title=title,
                summary=f"{theme} : repères, cadre juridique et conduite à tenir ({number}).",
                objectives="<ul><li>Repérer les situations</li><li>Orienter la victime</li></ul>",
                kind=Kind.FORMATION if number % 3 else Kind.SENSIBILISATION,
                duration_minutes=rng.choice([20, 30, 45, 60, 90]),
                content_warning="Ce module évoque des violences conjugales et sexuelles."
                if number % 4 == 0
                else "",
                validity_months=24 if number % 5 == 0 else None,
                numchild=lessons_per_module,
                show_in_menus=False,
            )
            common(
                module,
                parent=index,
                step=first_step + number - 1,
                slug=f"{MODULE_SLUG_PREFIX}{number:03d}-{slugify(theme)}",
                published_at=published_at,
            )
            module_audiences = rng.sample(audiences, rng.randint(1, 3))
            module_topics = rng.sample(topics, rng.randint(1, 2))
            mandatory = module_audiences[:1] if number % 7 == 0 else []
            # In memory for the revision's content; written below through the M2M tables.
            module.audiences.set(module_audiences)
            module.topics.set(module_topics)
            module.mandatory_for.set(mandatory)
            m2m.append((module, module_audiences, module_topics, mandatory))
            module_pages.append(module)
            for lesson_number in range(1, lessons_per_module + 1):
                package = next(package_iter) if lesson_number % 2 else None
                lesson_title = f"{theme} — leçon {lesson_number}"
                lesson = LessonPage(
                    title=lesson_title,
                    intro=f"Leçon {lesson_number} du module {number} : l'essentiel en quelques "
                    "minutes.",
                    body=lesson_body(
                        module_number=number, lesson_number=lesson_number, package=package
                    ),
                    show_in_menus=False,
                )
                lesson.reading_minutes = lesson.compute_reading_minutes()
                common(
                    lesson,
                    parent=module,
                    step=lesson_number,
                    slug=f"lecon-{lesson_number:02d}",
                    published_at=published_at,
                )
                lesson_pages.append(lesson)

        all_pages = module_pages + lesson_pages
        Revision.objects.bulk_create(
            [
                Revision(
                    id=page.latest_revision_id,
                    content_type_id=page.content_type_id,
                    base_content_type_id=page_content_type.pk,
                    object_id=str(page.pk),
                    created_at=page.latest_revision_created_at,
                    content=page.serializable_data(),
                    object_str=page.title,
                )
                for page in all_pages
            ],
            batch_size=1000,
        )
        base_fields = [field.attname for field in Page._meta.concrete_fields]
        Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in base_fields}) for page in all_pages],
            batch_size=1000,
        )
        # Django refuses bulk_create on multi-table children: insert their own rows the way
        # Model.save() does, once the base rows exist.
        for model, pages in ((ModulePage, module_pages), (LessonPage, lesson_pages)):
            for start in range(0, len(pages), 1000):
                model._base_manager._insert(
                    pages[start : start + 1000], fields=model._meta.local_concrete_fields
                )
            for page in pages:
                page._state.adding = False
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + modules)
        ModulePage.audiences.through.objects.bulk_create(
            ModulePage.audiences.through(modulepage_id=m.pk, audience_id=a.pk)
            for m, auds, _t, _m in m2m
            for a in auds
        )
        ModulePage.topics.through.objects.bulk_create(
            ModulePage.topics.through(modulepage_id=m.pk, topic_id=t.pk)
            for m, _a, tops, _m in m2m
            for t in tops
        )
        ModulePage.mandatory_for.through.objects.bulk_create(
            ModulePage.mandatory_for.through(modulepage_id=m.pk, audience_id=a.pk)
            for m, _a, _t, mand in m2m
            for a in mand
        )

    with phase("index de recherche des pages", timings):
        backend = get_search_backend()
        backend.add_bulk(ModulePage, module_pages)
        backend.add_bulk(LessonPage, lesson_pages)

    with phase("vérification de l'arbre des pages", timings):
        check_page_tree()
    return module_pages, lesson_pages


def check_page_tree() -> None:
    """Check what treebeard and Wagtail's routing rely on, for every page, in one query.

    Depth matches the path, every parent exists, numchild counts the children and
    url_path is the parent's url_path plus the slug (treebeard's find_problems does
    the first three, in seconds rather than milliseconds).
    """
    from wagtail.models import Page

    rows = list(
        Page.objects.order_by().values_list("path", "depth", "numchild", "slug", "url_path")
    )
    by_path = {row[0]: row for row in rows}
    children: dict[str, int] = {}
    problems = []
    for path, depth, _numchild, slug, url_path in rows:
        if len(path) != depth * Page.steplen:
            problems.append(f"{path}: profondeur {depth}")
        if depth == 1:
            continue
        parent = by_path.get(path[: -Page.steplen])
        if parent is None:
            problems.append(f"{path}: parent absent")
            continue
        children[parent[0]] = children.get(parent[0], 0) + 1
        if url_path != f"{parent[4]}{slug}/":
            problems.append(f"{path}: url_path {url_path}")
    problems += [
        f"{path}: numchild {numchild} pour {children.get(path, 0)} enfants"
        for path, _depth, numchild, _slug, _url in rows
        if numchild != children.get(path, 0)
    ]
    if problems:
        raise SystemExit("Arbre des pages incohérent : " + "; ".join(problems[:10]))


def foreign_key_checks_off() -> bool:
    """Skip PostgreSQL's row-by-row foreign key checks until the end of the transaction.

    Django defers them to COMMIT, where they take a quarter of the seeding time;
    check_foreign_keys() then verifies every reference set-wise in about a second.
    Needs a superuser, which the bench's own PostgreSQL has; return False without one
    (the rows are then checked as usual).
    """
    from django.db import DatabaseError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # LOCAL: until the end of the enclosing transaction, after this savepoint.
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def check_foreign_keys(models: list) -> None:
    """Count, with one anti-join per foreign key, rows of `models` pointing nowhere."""
    orphans = []
    for model in models:
        for field in model._meta.concrete_fields:
            if not field.is_relation:
                continue
            targets = field.related_model._base_manager.values(field.target_field.attname)
            count = (
                model._base_manager.filter(**{f"{field.attname}__isnull": False})
                .exclude(**{f"{field.attname}__in": targets})
                .count()
            )
            if count:
                orphans.append(f"{model._meta.label}.{field.name}: {count}")
    if orphans:
        raise SystemExit("Références invalides : " + ", ".join(orphans))


def seed_learners(*, module_pages, lesson_pages, learners: int, timings: list) -> dict:
    """Create learners with complete profiles, their enrolments and their progress."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.constants import ARRONDISSEMENTS, DEPARTEMENTS, ROLE_GROUP_NAMES, Profession, Role
    from accounts.models import User
    from courses.constants import EnrolmentSource
    from courses.models import ActivityResult, Enrolment, LessonProgress, ModuleCompletion

    rng = random.Random(SEED + 1)
    now = timezone.now()
    lessons_by_module: dict[int, list] = {}
    for lesson in lesson_pages:
        lessons_by_module.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
    module_lessons = {m.pk: lessons_by_module[m.path] for m in module_pages}
    packages_by_lesson = {
        lesson.pk: [block["package"].pk for block in lesson.h5p_blocks()] for lesson in lesson_pages
    }
    # Some modules (mandatory ones, popular topics) gather far more learners than others.
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(module_pages))]
    rng.shuffle(weights)
    cum_weights = [sum(weights[: i + 1]) for i in range(len(weights))]
    professions = [value for value, _label in Profession.choices]
    departements = [code for code, _name in DEPARTEMENTS]
    counts = dict.fromkeys(
        ["users", "enrolments", "progress", "completed", "results", "completions"], 0
    )

    with phase("empreinte du mot de passe (une seule fois)", timings):
        password = make_password(PASSWORD)
        learner_group, _created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[Role.LEARNER])

    label = f"{n(learners)} apprenant·es, inscriptions et progression (lots de {n(BATCH)})"
    with phase(label, timings):
        for start in range(1, learners + 1, BATCH):
            numbers = range(start, min(start + BATCH, learners + 1))
            users = []
            for number in numbers:
                departement = (
                    rng.choice(["59", "62"]) if rng.random() < 0.4 else rng.choice(departements)
                )
                arrondissements = ARRONDISSEMENTS.get(departement)
                users.append(
                    User(
                        email=learner_email(number),
                        password=password,
                        first_name=rng.choice(FIRST_NAMES),
                        last_name=rng.choice(LAST_NAMES),
                        profession=rng.choice(professions),
                        employer=rng.choice(EMPLOYERS),
                        departement=departement,
                        arrondissement=rng.choice(arrondissements)[0] if arrondissements else "",
                        date_joined=now - timedelta(days=rng.randint(1, 700)),
                        last_login=now - timedelta(days=rng.randint(0, 60)),
                    )
                )
            User.objects.bulk_create(users, batch_size=BATCH)
            User.groups.through.objects.bulk_create(
                [User.groups.through(user_id=u.pk, group_id=learner_group.pk) for u in users],
                batch_size=BATCH,
            )
            EmailAddress.objects.bulk_create(
                [
                    EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True)
                    for u in users
                ],
                batch_size=BATCH,
            )
            enrolments, progress, results, completions = [], [], [], []
            for user in users:
                chosen = set()
                wanted = rng.choices([1, 2, 3], weights=[50, 30, 20])[0]
                while len(chosen) < wanted:
                    chosen.add(rng.choices(range(len(module_pages)), cum_weights=cum_weights)[0])
                for position in chosen:
                    module = module_pages[position]
                    lessons = module_lessons[module.pk]
                    draw = rng.random()
                    # 30 % enrolled only, 55 % a few lessons done, 15 % module completed.
                    done = 0 if draw < 0.30 else len(lessons) if draw > 0.85 else rng.randint(1, 6)
                    opened = min(len(lessons), done + (1 if draw >= 0.15 else 0))
                    activity = now - timedelta(
                        days=rng.randint(0, 300), minutes=rng.randint(0, 1440)
                    )
                    enrolments.append(
                        Enrolment(
                            user_id=user.pk,
                            module_id=module.pk,
                            source=EnrolmentSource.ASSIGNMENT
                            if rng.random() < 0.2
                            else EnrolmentSource.SELF,
                            last_lesson_id=lessons[opened - 1].pk if opened else None,
                            last_activity_at=activity if opened else None,
                        )
                    )
                    scores = []
                    for rank, lesson in enumerate(lessons[:opened]):
                        completed_at = (
                            activity - timedelta(hours=opened - rank) if rank < done else None
                        )
                        progress.append(
                            LessonProgress(
                                user_id=user.pk,
                                lesson_id=lesson.pk,
                                module_id=module.pk,
                                completed_at=completed_at,
                            )
                        )
                        if completed_at is None:
                            continue
                        for package_id in packages_by_lesson[lesson.pk]:
                            success = rng.random() < 0.8
                            scores.append(1 if success else 0)
                            results.append(
                                ActivityResult(
                                    user_id=user.pk,
                                    package_id=package_id,
                                    lesson_id=lesson.pk,
                                    module_id=module.pk,
                                    attempts=rng.randint(1, 3),
                                    completed=True,
                                    success=success,
                                    score_scaled=1 if success else 0,
                                    server_checked=True,
                                )
                            )
                    if done == len(lessons):
                        completions.append(
                            ModuleCompletion(
                                user_id=user.pk,
                                module_id=module.pk,
                                cycle=1,
                                completed_at=activity,
                                score=round(100 * sum(scores) / len(scores), 2) if scores else None,
                                revision_id=module.live_revision_id,
                                module_title=module.title,
                            )
                        )
            Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
            LessonProgress.objects.bulk_create(progress, batch_size=BATCH)
            ActivityResult.objects.bulk_create(results, batch_size=BATCH)
            ModuleCompletion.objects.bulk_create(completions, batch_size=BATCH)
            counts["users"] += len(users)
            counts["enrolments"] += len(enrolments)
            counts["progress"] += len(progress)
            counts["completed"] += sum(1 for p in progress if p.completed_at)
            counts["results"] += len(results)
            counts["completions"] += len(completions)
    return counts


def seeded_models() -> list:
    """Models whose rows this script inserts (their foreign keys are checked at the end)."""
    from allauth.account.models import EmailAddress
    from wagtail.models import Page, Revision

    from accounts.models import User
    from courses.models import (
        ActivityResult,
        Enrolment,
        H5PPackage,
        LessonPage,
        LessonProgress,
        ModuleCompletion,
        ModulePage,
    )

    return [
        H5PPackage,
        Revision,
        Page,
        ModulePage,
        LessonPage,
        ModulePage.audiences.through,
        ModulePage.topics.through,
        ModulePage.mandatory_for.through,
        User,
        User.groups.through,
        EmailAddress,
        Enrolment,
        LessonProgress,
        ActivityResult,
        ModuleCompletion,
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=MODULES)
    parser.add_argument("--lessons-per-module", type=int, default=LESSONS_PER_MODULE)
    parser.add_argument("--learners", type=int, default=LEARNERS)
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    from django.db import connection, transaction

    from courses.models import ModulePage

    if ModulePage.objects.filter(slug__startswith=MODULE_SLUG_PREFIX).exists():
        print("Données du banc d'essai déjà présentes : rien à faire.")
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
    # Fresh statistics and visibility maps, so autovacuum does not start mid-measurement.
    with phase("VACUUM ANALYZE", timings):
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elapsed = time.perf_counter() - start
    with_h5p = sum(1 for lesson in lesson_pages if lesson.h5p_blocks())
    print(
        f"Chargé en {elapsed:.1f} s : {len(module_pages)} modules, {n(len(lesson_pages))} leçons "
        f"(dont {n(with_h5p)} avec une activité H5P), {n(counts['users'])} apprenant·es, "
        f"{n(counts['enrolments'])} inscriptions, {n(counts['progress'])} leçons ouvertes "
        f"(dont {n(counts['completed'])} terminées), {n(counts['results'])} résultats "
        f"d'activité, {n(counts['completions'])} modules terminés."
    )


if __name__ == "__main__":
    main()
