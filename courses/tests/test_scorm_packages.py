"""SCORM packages stored and extracted the way H5P packages are (courses.scorm.packages)."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from courses.constants import PackageStatus
from courses.models import ScormPackage
from courses.scorm import packages
from courses.scorm.packages import (
    scorm_content_dir,
    scorm_package_extract,
    scorm_package_prepare,
    scorm_package_queue_extraction,
    scorm_root,
    scorm_upload_check,
)

from .h5p_uploads import files_under

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "scorm"
GOLF = FIXTURES / "golf-2004-3rd.zip"
# Égide's own SCORM 1.2 package (two SCOs, a score, suspend data): the one the demo
# offers in the continuum module, so the tests play what learners see.
EGIDE_12 = Path(__file__).resolve().parents[2] / "demo" / "content" / "scorm" / "reperer-orienter"


def egide_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(EGIDE_12.rglob("*")):
            if path.is_file():
                archive.writestr(path.relative_to(EGIDE_12).as_posix(), path.read_bytes())
    return buffer.getvalue()


def golf_zip() -> bytes:
    return GOLF.read_bytes()


def store(data: bytes, *, user, filename="paquet.zip", package=None) -> ScormPackage:
    """Check, save and extract a package, as an upload form and its task will."""
    validated = scorm_upload_check(fileobj=io.BytesIO(data), filename=filename, user=user)
    package = package or ScormPackage()
    scorm_package_prepare(package=package, validated=validated, user=user)
    package.file.save(filename, ContentFile(data), save=True)
    return scorm_package_extract(package=package)


@pytest.fixture
def root():
    """The private folder of SCORM files, emptied before and after (one per test session)."""
    import shutil

    folder = scorm_root()
    shutil.rmtree(folder, ignore_errors=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_scorm_files_are_private(root, settings):
    assert root.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not root.is_relative_to(Path(settings.MEDIA_ROOT))


def test_golf_2004_is_stored_extracted_and_ready(root, editor):
    package = store(golf_zip(), user=editor, filename="golf.zip")

    package.refresh_from_db()
    assert package.status == PackageStatus.READY, package.error
    assert package.is_ready and package.error == "" and package.extracted_at
    assert package.version == "2004" and package.edition == 3
    assert package.title == "Golf Explained - Run-time Advanced Calls"
    assert str(package) == package.title
    assert package.uploaded_by == editor
    assert package.manifest["organization"] == {
        "identifier": "golf_sample_default_org",
        "title": "Golf Explained - Run-time Advanced Calls",
    }
    [sco] = package.manifest["scos"]
    assert sco["identifier"] == "item_1" and sco["resource"] == "resource_1"
    assert sco["launch_url"] == "shared/launchpage.html"
    assert sco["mastery_score"] is None
    content = scorm_content_dir(package)
    assert content == root / str(package.pk)
    assert (content / "shared" / "launchpage.html").is_file()
    assert (content / "imsmanifest.xml").is_file()
    assert len(files_under(content)) == 69
    assert not [path for path in root.iterdir() if path.name.startswith(".")]


def test_our_scorm_12_package_is_stored_with_its_two_scos_in_order(root, editor):
    package = store(egide_zip(), user=editor)

    assert package.status == PackageStatus.READY, package.error
    assert package.version == "1.2" and package.edition is None
    assert package.title == "Repérer et orienter (SCORM 1.2)"
    assert [
        (sco["identifier"], sco["title"], sco["launch_url"], sco["mastery_score"])
        for sco in package.scos
    ] == [
        ("item_reperer", "Repérer les signaux", "reperer/index.html", 80),
        ("item_orienter", "Orienter la victime", "orienter/index.html?etape=1", None),
    ]
    content = scorm_content_dir(package)
    for sco in package.scos:
        assert (content / sco["launch_url"].partition("?")[0]).is_file()
    assert {path.relative_to(content).as_posix() for path in files_under(content)} == {
        "imsmanifest.xml",
        "commun/scorm12.js",
        "commun/style.css",
        "orienter/index.html",
        "reperer/index.html",
    }
    # The manifest facts survive the database round trip as plain JSON.
    assert ScormPackage.objects.get(pk=package.pk).manifest == package.manifest


def test_a_refused_upload_raises_the_french_errors_and_stores_nothing(root, editor):
    with zipfile.ZipFile(io.BytesIO(egide_zip())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    del members["reperer/index.html"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)

    with pytest.raises(ValidationError) as caught:
        scorm_upload_check(fileobj=buffer, filename="paquet.zip", user=editor)

    assert caught.value.messages == [
        "La ressource « res_reperer » lance « reperer/index.html », absent du paquet."
    ]
    assert buffer.tell() == 0  # rewound, as for H5P
    with pytest.raises(ValidationError) as caught:
        scorm_upload_check(fileobj=io.BytesIO(b"pas un zip"), filename="cours.pdf", user=editor)
    assert any("archive .zip" in message for message in caught.value.messages)
    assert not ScormPackage.objects.exists()
    assert files_under(root) == []


def test_an_extraction_failure_records_a_french_error_and_leaves_no_files(
    root, editor, monkeypatch
):
    def disk_full(archive, info, target):
        target.write_bytes(b"moiti")  # half a file, then the disk fills up
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(packages, "_write_file", disk_full)

    package = store(egide_zip(), user=editor)

    package.refresh_from_db()
    assert package.status == PackageStatus.ERROR and not package.is_ready
    assert package.error.startswith("Le paquet n'a pas pu être extrait sur le serveur.")
    assert str(root) not in package.error and "/" not in package.error
    assert package.extracted_at is None
    assert not scorm_content_dir(package).exists()
    # Only the upload itself remains: no staging folder, no half-written file.
    assert [path.name for path in files_under(root)] == [Path(package.file.name).name]


def test_a_stored_file_that_no_longer_validates_records_the_validation_errors(root, editor):
    package = store(egide_zip(), user=editor)
    assert package.is_ready
    package.file.save("abime.zip", ContentFile(b"pas un zip"), save=True)

    scorm_package_extract(package=package)

    package.refresh_from_db()
    assert package.status == PackageStatus.ERROR
    assert package.error and str(root) not in package.error
    assert not scorm_content_dir(package).exists()  # the old files went with the old upload


def test_uploading_again_replaces_the_extracted_files(root, editor):
    package = store(golf_zip(), user=editor, filename="golf.zip")
    content = scorm_content_dir(package)
    assert (content / "shared" / "launchpage.html").is_file()
    first_extraction = package.extracted_at

    package.title = ""
    store(egide_zip(), user=editor, package=package)

    package.refresh_from_db()
    assert package.is_ready and package.version == "1.2" and package.edition is None
    assert package.title == "Repérer et orienter (SCORM 1.2)"
    assert package.extracted_at > first_extraction
    assert (content / "reperer" / "index.html").is_file()
    assert not (content / "shared").exists()
    assert len(files_under(content)) == 5
    assert not [path for path in root.iterdir() if path.name.startswith(".")]


def test_deleting_a_package_removes_its_files(root, editor, django_capture_on_commit_callbacks):
    package = store(egide_zip(), user=editor)
    kept = store(golf_zip(), user=editor, filename="golf.zip")
    content, upload = scorm_content_dir(package), Path(package.file.path)
    assert content.is_dir() and upload.is_file()

    with django_capture_on_commit_callbacks(execute=True):
        package.delete()

    assert not content.exists() and not upload.exists()
    assert scorm_content_dir(kept).is_dir() and Path(kept.file.path).is_file()


def test_extraction_is_queued_once_committed(root, editor, django_capture_on_commit_callbacks):
    data = egide_zip()
    validated = scorm_upload_check(fileobj=io.BytesIO(data), filename="paquet.zip", user=editor)
    package = ScormPackage()
    scorm_package_prepare(package=package, validated=validated, user=editor)
    package.file.save("paquet.zip", ContentFile(data), save=True)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        scorm_package_queue_extraction(package=package)
    assert package.status == PackageStatus.PENDING and len(callbacks) == 1

    callbacks[0]()  # Celery runs eagerly in the tests

    package.refresh_from_db()
    assert package.status == PackageStatus.READY
    assert (scorm_content_dir(package) / "reperer" / "index.html").is_file()


def test_the_task_of_a_deleted_package_does_nothing():
    from courses.tasks import scorm_package_extract as task

    assert task.apply(args=[987654]).get() == "missing"
