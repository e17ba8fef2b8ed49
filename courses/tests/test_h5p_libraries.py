"""The Wagtail admin "Bibliothèques H5P": who sees it, what it lists, removing an unused
library, and library upgrades by a newer patch version (administrators only)."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.h5p.authoring import build_package
from courses.models import H5PLibrary, H5PPackage

from .h5p_uploads import fresh_h5p_root, upload_package

pytestmark = pytest.mark.django_db

LIST_URL = "courses_h5p_libraries"
REMOVE_URL = "courses_h5p_library_remove"


@pytest.fixture
def h5p_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield from fresh_h5p_root()


def upload(user, kind: str, *, title: str = "") -> H5PPackage:
    archive = io.BytesIO(build_package(kind))
    return upload_package(user=user, archive=archive, filename=f"{kind}.h5p", title=title)


def with_patch(kind: str, folder: str, patch: int) -> io.BytesIO:
    """The sample package of `kind` whose library `folder` claims patch version `patch`."""
    source = zipfile.ZipFile(io.BytesIO(build_package(kind)))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == f"{folder}/library.json":
                data = json.dumps(json.loads(data) | {"patchVersion": patch}).encode()
            archive.writestr(info.filename, data)
    return result


def library(machine_name: str) -> H5PLibrary:
    return H5PLibrary.objects.get(machine_name=machine_name)


def rows(response) -> dict[str, tuple[str, int]]:
    return {lib.machine_name: (lib, lib.package_count) for lib in response.context["libraries"]}


def test_administrators_see_each_library_its_version_and_how_many_packages_use_it(
    client, h5p_root, administrator
):
    upload(administrator, "truefalse")
    upload(administrator, "multichoice")
    client.force_login(administrator)

    response = client.get(reverse(LIST_URL))

    assert response.status_code == 200
    listed = rows(response)
    assert listed["H5P.TrueFalse"][1] == 1 and listed["H5P.MultiChoice"][1] == 1
    assert listed["H5P.Question"][1] == 2  # shared by both
    assert set(listed) == set(H5PLibrary.objects.values_list("machine_name", flat=True))
    true_false = library("H5P.TrueFalse")
    version = f"{true_false.major_version}.{true_false.minor_version}.{true_false.patch_version}"
    assert f"<td>{version}</td>" in response.content.decode()
    assert "Bibliothèques H5P" in response.content.decode()  # the menu item


def test_the_list_costs_the_same_queries_whatever_the_number_of_libraries(
    client, h5p_root, administrator
):
    upload(administrator, "truefalse")
    client.force_login(administrator)
    client.get(reverse(LIST_URL))  # warm caches (site, permissions)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(LIST_URL)).status_code == 200
        return len(captured)

    few = queries()
    libraries_before = H5PLibrary.objects.count()
    for kind in ("multichoice", "questionset", "dragquestion"):
        upload(administrator, kind)
    upload(administrator, "truefalse")
    assert H5PLibrary.objects.count() > libraries_before
    client.get(reverse(LIST_URL))  # the uploads emptied the same caches

    assert queries() == few


@pytest.mark.parametrize("role", ["editor", "learner"])
def test_only_people_who_install_libraries_see_or_remove_them(
    client, h5p_root, administrator, request, role
):
    upload(administrator, "truefalse").delete()
    unused = library("H5P.TrueFalse")
    client.force_login(request.getfixturevalue(role))

    listing = client.get(reverse(LIST_URL))
    confirm = client.get(reverse(REMOVE_URL, args=[unused.pk]))
    removal = client.post(reverse(REMOVE_URL, args=[unused.pk]))

    expected = 403 if role == "editor" else 302  # learners never reach the admin
    assert (listing.status_code, confirm.status_code, removal.status_code) == (expected,) * 3
    assert H5PLibrary.objects.filter(pk=unused.pk).exists()
    if role == "editor":
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(LIST_URL) not in home


def test_an_unused_library_is_removed_after_confirmation_with_its_folder(
    client, h5p_root, administrator, django_capture_on_commit_callbacks
):
    upload(administrator, "truefalse").delete()
    unused = library("H5P.TrueFalse")
    folder = h5p_root / "libraries" / unused.folder
    assert folder.is_dir()
    client.force_login(administrator)
    url = reverse(REMOVE_URL, args=[unused.pk])

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Oui, supprimer" in confirm.content.decode()
    assert H5PLibrary.objects.filter(pk=unused.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302 and response["Location"] == reverse(LIST_URL)
    assert not H5PLibrary.objects.filter(pk=unused.pk).exists()
    assert not folder.exists()
    assert (h5p_root / "libraries" / library("H5P.Question").folder).is_dir()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [f"La bibliothèque « {unused} » a été supprimée."]


def test_a_library_in_use_is_not_removed(
    client, h5p_root, administrator, django_capture_on_commit_callbacks
):
    upload(administrator, "truefalse")
    used = library("H5P.TrueFalse")
    client.force_login(administrator)

    confirm = client.get(reverse(REMOVE_URL, args=[used.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(REMOVE_URL, args=[used.pk]))

    assert "Oui, supprimer" not in confirm.content.decode()
    assert response.status_code == 302
    assert [str(m) for m in response.wsgi_request._messages] == [
        f"La bibliothèque « {used} » sert encore à 1 activité H5P : "
        "elle ne peut pas être supprimée."
    ]
    assert H5PLibrary.objects.filter(pk=used.pk).exists()
    assert (h5p_root / "libraries" / used.folder / "library.json").is_file()


def test_removal_needs_the_csrf_token(h5p_root, administrator):
    upload(administrator, "truefalse").delete()
    unused = library("H5P.TrueFalse")
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)

    response = client.post(reverse(REMOVE_URL, args=[unused.pk]))

    assert response.status_code == 403
    assert H5PLibrary.objects.filter(pk=unused.pk).exists()


def test_a_newer_patch_version_upgrades_the_installed_library(h5p_root, administrator):
    upload(administrator, "truefalse")
    installed = library("H5P.TrueFalse")
    newer = installed.patch_version + 1

    upload_package(
        user=administrator,
        archive=with_patch("truefalse", installed.folder, newer),
        filename="plus-recent.h5p",
    )

    upgraded = library("H5P.TrueFalse")
    assert upgraded.pk == installed.pk and upgraded.patch_version == newer
    on_disk = h5p_root / "libraries" / installed.folder / "library.json"
    assert json.loads(on_disk.read_bytes())["patchVersion"] == newer
    assert H5PPackage.objects.count() == 2


def test_an_editor_may_not_upload_a_package_upgrading_a_library(h5p_root, administrator, editor):
    from django.core.exceptions import ValidationError

    upload(administrator, "truefalse")
    installed = library("H5P.TrueFalse")
    upload(editor, "truefalse", title="Mêmes bibliothèques")  # nothing new: allowed

    with pytest.raises(ValidationError) as refused:
        upload_package(
            user=editor,
            archive=with_patch("truefalse", installed.folder, installed.patch_version + 1),
            filename="plus-recent.h5p",
        )

    assert refused.value.messages == [
        "Ce paquet installe ou met à jour des bibliothèques H5P (H5P.TrueFalse "
        f"{installed.major_version}.{installed.minor_version}) : seul·e un·e "
        "administrateur·rice peut le téléverser."
    ]
    assert library("H5P.TrueFalse").patch_version == installed.patch_version
