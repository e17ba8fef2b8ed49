"""H5P files are private: only courses.views.h5p_file serves them, to signed-in people.

`make run` (DEBUG) serves MEDIA_ROOT under /media/ to anyone: uploads, extracted
content and libraries live in the private storage instead, in every setting.
"""

import importlib
import json

import pytest
from django.urls import clear_url_caches, reverse

from courses.h5p.files import CONTENT_TYPES
from courses.h5p.validation.definitions import LIBRARY_EXTENSIONS

from .h5p_builders import fixture_json, needs_npm_fixtures
from .h5p_uploads import files_under, fresh_h5p_root, upload_package

pytestmark = [
    pytest.mark.django_db,
    needs_npm_fixtures(),
]

TRUE_FALSE = "H5P.TrueFalse-1.6"


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def h5p_root(media_root):
    yield from fresh_h5p_root()


@pytest.fixture
def package(h5p_root, superuser):
    package = upload_package(user=superuser)
    assert package.is_ready, package.error
    return package


@pytest.fixture
def make_run_urls(settings, media_root):
    """The URLs `make run` serves: with DEBUG, elearning.urls adds MEDIA_ROOT under /media/."""
    import elearning.urls

    settings.DEBUG = True
    importlib.reload(elearning.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(elearning.urls)
    clear_url_caches()


def file_url(path: str) -> str:
    return reverse("courses:h5p_file", args=[path])


def true_false_script() -> str:
    return fixture_json(f"{TRUE_FALSE}/library.json")["preloadedJs"][0]["path"]


def test_former_media_paths_are_not_served_even_in_debug(
    client, learner, make_run_urls, media_root, package
):
    (media_root / "image.png").write_bytes(b"png")
    assert client.get("/media/image.png").status_code == 200  # /media/ is served here
    former = [
        f"/media/{package.file.name}",
        f"/media/h5p/content/{package.pk}/h5p.json",
        f"/media/h5p/content/{package.pk}/content/content.json",
        f"/media/h5p/libraries/{TRUE_FALSE}/library.json",
        f"/media/h5p/libraries/{TRUE_FALSE}/{true_false_script()}",
    ]

    for url in former:
        assert client.get(url).status_code == 404, url
    client.force_login(learner)
    for url in former:
        assert client.get(url).status_code == 404, url
    assert files_under(media_root) == [media_root / "image.png"]


def test_a_signed_in_learner_gets_content_and_library_files(client, learner, package):
    client.force_login(learner)

    response = client.get(file_url(f"content/{package.pk}/h5p.json"))

    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == "H5P.TrueFalse"
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "private, max-age=3600"
    # Sandboxed, loading nothing but our media (tests/test_security_headers.py has the rest).
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    script = client.get(file_url(f"libraries/{TRUE_FALSE}/{true_false_script()}"))
    assert script.status_code == 200
    assert script["Content-Type"] == "text/javascript; charset=utf-8"
    assert "private" in script["Cache-Control"]


def test_anonymous_people_are_sent_to_sign_in(client, package):
    response = client.get(file_url(f"content/{package.pk}/h5p.json"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


REFUSED_PATHS = [
    "content/{pk}/../../uploads/{upload}",
    "content/{pk}/%2e%2e/%2e%2e/uploads/{upload}",
    "content/{pk}/..%2f..%2fuploads/{upload}",
    "libraries/../../../../../../etc/passwd",
    "content/{pk}/../../libraries/H5P.TrueFalse-1.6/library.json",
    "content/{pk}//h5p.json",
    "content/{pk}/./h5p.json",
    "content/{pk}\\..\\..\\uploads/{upload}",
    "uploads/{upload}",
    "libraries/.h5p-install.lock",
    "libraries/.H5P.Staged-1.0.tmp/library.json",
    "libraries/H5P.TrueFalse-1.6",
    "libraries/H5P.TrueFalse-1.6/",
    "content/{pk}",
    "content/abc/h5p.json",
    "content/{pk}/lien.json",
    "libraries/H5P.TrueFalse-1.6/library.php",
]


def test_paths_outside_extracted_files_are_refused(client, learner, package, h5p_root):
    staged = h5p_root / "libraries" / ".H5P.Staged-1.0.tmp"
    staged.mkdir()
    (staged / "library.json").write_text("{}")
    (h5p_root / "libraries" / TRUE_FALSE / "library.php").write_text("<?php")
    outside = h5p_root.parent / "secret.json"
    outside.write_text('{"secret": true}')
    (h5p_root / "content" / str(package.pk) / "lien.json").symlink_to(outside)
    upload = package.file.name.removeprefix("h5p/uploads/")
    base = file_url("x").removesuffix("x")
    client.force_login(learner)
    assert client.get(file_url(f"content/{package.pk}/h5p.json")).status_code == 200

    for path in REFUSED_PATHS:
        url = base + path.format(pk=package.pk, upload=upload)
        assert client.get(url).status_code == 404, url


def test_every_allowed_extension_has_a_content_type():
    assert LIBRARY_EXTENSIONS <= CONTENT_TYPES.keys()


def test_migration_moves_former_public_files_to_the_private_storage(media_root, h5p_root):
    migration = importlib.import_module("courses.migrations.0006_h5p_files_private")
    public = media_root / "h5p"
    for name, data in {
        "uploads/2026/11/vrai-ou-faux.h5p": b"PK",
        "content/3/h5p.json": b"{}",
        "libraries/H5P.TrueFalse-1.6/library.json": b'{"patchVersion": 5}',
        "libraries/Drop-1.0/library.json": b"{}",
    }.items():
        (public / name).parent.mkdir(parents=True, exist_ok=True)
        (public / name).write_bytes(data)
    # Installed since the deployment: the private copy is the one to keep.
    (h5p_root / "libraries" / "H5P.TrueFalse-1.6").mkdir(parents=True)
    (h5p_root / "libraries" / "H5P.TrueFalse-1.6" / "library.json").write_text(
        '{"patchVersion": 6}'
    )

    migration.move_h5p_files(None, None)

    assert not public.exists()
    assert (h5p_root / "uploads" / "2026" / "11" / "vrai-ou-faux.h5p").read_bytes() == b"PK"
    assert (h5p_root / "content" / "3" / "h5p.json").is_file()
    assert (h5p_root / "libraries" / "Drop-1.0" / "library.json").is_file()
    library = h5p_root / "libraries" / "H5P.TrueFalse-1.6" / "library.json"
    assert library.read_text() == '{"patchVersion": 6}'
    migration.move_h5p_files(None, None)  # run again (e.g. another machine): nothing to do


def test_licence_notices_are_served_as_plain_text(client, learner, h5p_root, superuser):
    # H5P.Components ships "LICENSE" and Course Presentation "LICENCE.md": text, never HTML.
    import io

    from courses.h5p.authoring import build_package

    package = upload_package(
        user=superuser, archive=io.BytesIO(build_package("coursepresentation")), filename="cp.h5p"
    )
    assert package.is_ready, package.error
    client.force_login(learner)

    for path in ("H5P.Components-1.0/LICENSE", "H5P.CoursePresentation-1.27/LICENCE.md"):
        response = client.get(file_url(f"libraries/{path}"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert b"MIT" in b"".join(response.streaming_content)
    assert client.get(file_url("libraries/H5P.Components-1.0/README")).status_code == 404
