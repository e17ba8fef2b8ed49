"""SCORM packages in the Wagtail admin: upload, refusals in French, replacement, rights."""

import html
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.constants import PackageStatus
from courses.models import ScormPackage
from courses.scorm.packages import scorm_content_dir, scorm_root

from .h5p_uploads import files_under
from .test_scorm_packages import egide_zip, golf_zip

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_courses_scormpackage:add"


@pytest.fixture
def root():
    import shutil

    shutil.rmtree(scorm_root(), ignore_errors=True)
    yield scorm_root()
    shutil.rmtree(scorm_root(), ignore_errors=True)


def upload(client, data: bytes, *, url=None, filename="paquet.zip", title=""):
    file = SimpleUploadedFile(filename, data, content_type="application/zip")
    return client.post(url or reverse(ADD), {"title": title, "file": file})


def test_an_administrator_uploads_a_package_extracted_with_its_manifest(
    client, root, administrator, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, egide_zip())
    assert response.status_code == 302, response.context["form"].errors
    package = ScormPackage.objects.get()
    assert package.status == PackageStatus.READY, package.error
    assert package.title == "Repérer et orienter (SCORM 1.2)"  # the organization's title
    assert package.version == "1.2"
    assert [sco["title"] for sco in package.scos] == ["Repérer les signaux", "Orienter la victime"]
    assert (scorm_content_dir(package) / "reperer" / "index.html").is_file()
    assert package.uploaded_by == administrator


def test_a_refused_package_says_why_in_french_and_leaves_nothing(client, root, administrator):
    client.force_login(administrator)
    response = upload(client, b"pas une archive", filename="paquet.zip")
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == ["L'archive n'est pas un fichier ZIP valide."]
    assert html.escape(errors[0]) in response.content.decode() or errors[0] in html.unescape(
        response.content.decode()
    )
    assert not ScormPackage.objects.exists()
    assert files_under(root) == []


def test_replacing_the_zip_removes_the_previous_upload_and_its_files(
    client, root, administrator, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, egide_zip(), filename="premier.zip")
    package = ScormPackage.objects.get()
    first_upload = package.file.path
    edit = reverse("wagtailsnippets_courses_scormpackage:edit", args=[package.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, golf_zip(), url=edit, filename="golf.zip", title="Golf")
    assert response.status_code == 302, response.context["form"].errors
    package.refresh_from_db()
    assert package.version == "2004" and package.edition == 3
    assert package.status == PackageStatus.READY, package.error
    assert not (scorm_content_dir(package) / "reperer").exists()
    assert (scorm_content_dir(package) / "shared" / "launchpage.html").is_file()
    uploads = [p for p in files_under(root / "uploads")]
    assert uploads == [Path(package.file.path)]
    assert first_upload != package.file.path


def test_editors_choose_packages_but_only_administrators_upload_them(
    client, root, administrator, editor, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, egide_zip())
    package = ScormPackage.objects.get()
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_courses_scormpackage:list")).status_code == 200
    chooser = client.get(reverse("wagtailsnippetchoosers_courses_scormpackage:choose"))
    assert chooser.status_code == 200
    assert package.title in html.unescape(json.loads(chooser.content)["html"])
    response = upload(client, egide_zip())
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert ScormPackage.objects.count() == 1
    download = reverse("courses:scorm_package_download", args=[package.pk])
    assert client.get(download).status_code == 403
    client.force_login(administrator)
    assert b"".join(client.get(download).streaming_content)[:2] == b"PK"
