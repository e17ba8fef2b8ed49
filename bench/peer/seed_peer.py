"""Seed wagtail-lms (the peer): one course, one H5P lesson with a TrueFalse activity, learners.

Runs in the peer's virtualenv with the host project (bench/peer.sh):
`python bench/peer/seed_peer.py --learners 1000 --rotation 64 --out rotation.json`.
Written through wagtail-lms's own models, as its README's author would: the .h5p is
built from the vendored TrueFalse sample and its libraries (vendor/h5p, the same
question as Égide's seeded activities) and saved as an `H5PActivity`, which extracts
it to the media storage; pages are created with `add_child` and published. Learners
share one password hash and are enrolled in bulk (`CourseEnrollment`).

Writes a JSON file for the load driver: the lesson path, the xAPI endpoint and one
session cookie per learner of the rotation (logged in with Django's test client in
this process: same database and cache as the server).
"""

import argparse
import io
import json
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "host.settings")

SAMPLE = ROOT / "vendor/h5p/samples/truefalse"
LIBRARIES = ROOT / "vendor/h5p/libraries"
USERNAME = "apprenant{:05d}"


def truefalse_package() -> bytes:
    """The TrueFalse sample with every library it depends on, zipped as a .h5p file."""
    wanted, seen = [json.loads((SAMPLE / "h5p.json").read_text())], set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SAMPLE.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(SAMPLE).as_posix())
        while wanted:
            for dep in wanted.pop().get("preloadedDependencies", []):
                name = f"{dep['machineName']}-{dep['majorVersion']}.{dep['minorVersion']}"
                if name in seen or not (LIBRARIES / name).is_dir():
                    continue
                seen.add(name)
                wanted.append(json.loads((LIBRARIES / name / "library.json").read_text()))
                for path in sorted((LIBRARIES / name).rglob("*")):
                    if path.is_file():
                        archive.write(path, path.relative_to(LIBRARIES).as_posix())
    return buffer.getvalue()


def seed(learners: int):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.files.base import ContentFile
    from django.db import transaction
    from wagtail.models import Page, Site
    from wagtail_lms.models import CourseEnrollment, CoursePage, H5PActivity, H5PLessonPage

    User = get_user_model()
    with transaction.atomic():
        activity = H5PActivity(title="Vrai ou faux")
        activity.package_file.save("vrai-faux.h5p", ContentFile(truefalse_package()), save=False)
        activity.save()
        home = Site.objects.get(is_default_site=True).root_page
        course = home.add_child(
            instance=CoursePage(title="Violences faites aux femmes", slug="cours")
        )
        course.save_revision().publish()
        lesson = course.add_child(
            instance=H5PLessonPage(
                title="Repérer les violences",
                slug="lecon",
                intro="<p>Une victime sans blessure visible peut subir des violences.</p>",
                # Raw StreamField data, as Wagtail stores it.
                body=json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": "<p>Les violences psychologiques laissent peu de traces.</p>",
                        },
                        {"type": "h5p_activity", "value": {"activity": activity.pk}},
                    ]
                ),
            )
        )
        lesson.save_revision().publish()
        password = make_password("peer-bench-2026")
        users = User.objects.bulk_create(
            User(
                username=USERNAME.format(n),
                email=f"{USERNAME.format(n)}@peer.test",
                password=password,
            )
            for n in range(1, learners + 1)
        )
        CourseEnrollment.objects.bulk_create(
            CourseEnrollment(user=user, course=course) for user in users
        )
    print(
        f"Pair : 1 cours, 1 leçon H5P (activité {activity.pk}, {activity.main_library}), "
        f"{learners} apprenant·es inscrit·es."
    )
    return Page.objects.get(pk=lesson.pk).specific, activity


def sessions(count: int) -> list[str]:
    """Session cookies of `count` learners spread over the seeded ones."""
    import random

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    ids = list(get_user_model().objects.filter(is_staff=False).values_list("pk", flat=True))
    cookies = []
    for user in get_user_model().objects.filter(pk__in=random.Random(3).sample(ids, count)):
        client = Client()
        client.force_login(user)
        cookies.append(
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--rotation", type=int, default=64)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    import django

    django.setup()
    from django.urls import reverse
    from wagtail_lms.models import H5PActivity, H5PLessonPage

    lesson = H5PLessonPage.objects.live().first()
    if lesson is None:
        lesson, activity = seed(args.learners)
    else:
        activity = H5PActivity.objects.get()
    Path(args.out).write_text(
        json.dumps(
            {
                "lesson": lesson.get_url(),
                "xapi": reverse("wagtail_lms:h5p_xapi", args=[activity.pk]),
                "cookies": sessions(args.rotation),
            }
        )
    )


if __name__ == "__main__":
    main()
