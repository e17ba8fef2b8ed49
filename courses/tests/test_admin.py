"""The Wagtail admin side of the training capability, through the admin's own views.

Editors upload H5P packages in "Activités H5P" (validated on upload, extracted by
the Celery task, eager here) and build modules and lessons in the page tree;
publishing goes through the "Validation par les administrateur·rices" workflow.
Ends with the issue's "Done when": a learner completes what an editor built.
"""

import errno
import html
import io
import json
import os
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses.constants import PackageStatus
from courses.h5p import extraction
from courses.models import (
    ActivityResult,
    H5PLibrary,
    H5PPackage,
    LessonPage,
    ModuleCompletion,
    ModulePage,
)

from . import factories
from .h5p_builders import (
    EDITOR_LIBRARIES,
    RUNTIME_LIBRARIES,
    build_h5p,
    fixture_json,
    needs_npm_fixtures,
    symlink_entry,
)
from .h5p_uploads import files_under, fresh_h5p_root, upload_package

pytestmark = [
    pytest.mark.django_db,
    needs_npm_fixtures(),
]

RULE_10_MESSAGE = (
    "Ce paquet installe ou met à jour des bibliothèques H5P ({names}) : seul·e "
    "un·e administrateur·rice peut le téléverser."
)
ALL_LIBRARIES = RUNTIME_LIBRARIES | EDITOR_LIBRARIES
SIXTEEN_MB = 16 * 1024 * 1024
LONG_NAME = "content/" + "é" * 128 + ".png"  # 260 bytes in a segment


def with_library_json(folder: str, **changes) -> io.BytesIO:
    library = fixture_json(f"{folder}/library.json") | changes
    return build_h5p(replace={f"{folder}/library.json": library})


def with_h5p_json(**changes) -> io.BytesIO:
    return build_h5p(h5p_json=fixture_json("h5p.json") | changes)


def question_depending_on_true_false() -> io.BytesIO:
    library = fixture_json("H5P.Question-1.4/library.json")
    library["preloadedDependencies"].append(
        {"machineName": "H5P.TrueFalse", "majorVersion": 1, "minorVersion": 6}
    )
    return build_h5p(replace={"H5P.Question-1.4/library.json": library})


def truncated() -> io.BytesIO:
    data = build_h5p().getvalue()
    return io.BytesIO(data[: len(data) // 2])


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def h5p_root(media_root):
    yield from fresh_h5p_root()


def upload_through_admin(client, archive, *, filename: str = "vrai-ou-faux.h5p", title: str = ""):
    """Send the "Activités H5P" add form, as an editor's browser does."""
    upload = SimpleUploadedFile(filename, archive.getvalue(), content_type="application/zip")
    return client.post(
        reverse("wagtailsnippets_courses_h5ppackage:add"), {"title": title, "file": upload}
    )


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def library_refs(package: H5PPackage) -> set[tuple[str, int, int]]:
    return set(package.libraries.values_list("machine_name", "major_version", "minor_version"))


def as_tuples(refs) -> set[tuple[str, int, int]]:
    return {(ref.machine_name, ref.major, ref.minor) for ref in refs}


# Uploads


@pytest.mark.parametrize("uploader", ["administrator", "superuser"])
def test_privileged_upload_is_extracted_with_its_libraries(
    client, h5p_root, media_root, django_capture_on_commit_callbacks, request, uploader
):
    user = request.getfixturevalue(uploader)
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload_through_admin(client, build_h5p())

    assert response.status_code == 302, response.context["form"].errors
    assert len(callbacks) == 1  # the extraction, queued once the package is saved
    package = H5PPackage.objects.get()
    assert package.status == PackageStatus.READY and package.error == ""
    assert package.title == "Hello World"  # from h5p.json, the title field being empty
    assert package.main_library == "H5P.TrueFalse 1.6"
    assert package.content_json["correct"] == "false"  # the answer key, kept for re-scoring
    assert package.uploaded_by == user
    assert library_refs(package) == as_tuples(ALL_LIBRARIES)
    assert H5PLibrary.objects.count() == len(ALL_LIBRARIES)
    content = h5p_root / "content" / str(package.pk)
    assert (content / "h5p.json").is_file()
    assert (content / "content" / "content.json").is_file()
    assert (h5p_root / "libraries" / "H5P.TrueFalse-1.6" / "library.json").is_file()
    assert files_under(media_root) == []  # nothing public: served by courses.views.h5p_file


def test_extraction_failure_is_recorded_in_french_without_server_paths(
    h5p_root, superuser, monkeypatch
):
    def fail(archive, info, target):
        raise OSError(errno.ENAMETOOLONG, "File name too long", str(target))

    monkeypatch.setattr(extraction, "_write_file", fail)

    package = upload_package(user=superuser)

    assert package.status == PackageStatus.ERROR
    assert package.error == (
        "Le paquet n'a pas pu être extrait sur le serveur. Téléversez-le à nouveau ; "
        "si l'erreur persiste, signalez-la à l'équipe technique."
    )
    assert files_under(h5p_root / "content") == []


def test_editor_may_not_upload_a_package_bringing_new_libraries(
    client, h5p_root, media_root, editor
):
    client.force_login(editor)

    response = upload_through_admin(client, build_h5p())

    assert response.status_code == 200
    names = ", ".join(str(ref) for ref in sorted(ALL_LIBRARIES))
    expected = RULE_10_MESSAGE.format(names=names)
    assert response.context["form"].errors["file"] == [expected]
    assert expected in page_text(response)
    assert not H5PPackage.objects.exists() and not H5PLibrary.objects.exists()
    assert files_under(media_root) == [] and files_under(h5p_root) == []


def test_editor_uploads_a_package_whose_libraries_are_installed(
    client, h5p_root, django_capture_on_commit_callbacks, administrator, editor
):
    upload_package(user=administrator, filename="premier.h5p")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload_through_admin(client, build_h5p(), title="Vrai ou faux : le continuum")

    assert response.status_code == 302, response.context["form"].errors
    package = H5PPackage.objects.get(uploaded_by=editor)
    assert package.status == PackageStatus.READY
    assert package.title == "Vrai ou faux : le continuum"
    assert library_refs(package) == as_tuples(ALL_LIBRARIES)
    assert H5PLibrary.objects.count() == len(ALL_LIBRARIES)  # shared, not installed twice
    assert (h5p_root / "content" / str(package.pk) / "h5p.json").is_file()
    # Editors add and change packages; only administrators delete them.
    assert client.get(reverse("wagtailsnippets_courses_h5ppackage:list")).status_code == 200
    delete_url = reverse("wagtailsnippets_courses_h5ppackage:delete", args=[package.pk])
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert H5PPackage.objects.filter(pk=package.pk).exists()


def test_the_edit_form_links_the_uploaded_file_to_a_download_for_editors_only(
    client, h5p_root, administrator, editor, learner
):
    package = upload_package(user=administrator, filename="premier.h5p")
    download = reverse("courses:h5p_package_download", args=[package.pk])
    client.force_login(editor)

    form = client.get(reverse("wagtailsnippets_courses_h5ppackage:edit", args=[package.pk]))
    assert f'href="{download}"' in form.content.decode()
    assert "/media/" not in form.content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert "attachment" in response["Content-Disposition"]

    client.force_login(learner)
    assert client.get(download).status_code == 403
    client.logout()
    assert client.get(download).status_code == 302


def test_editor_may_not_upgrade_a_library_by_replacing_a_package_file(
    client, h5p_root, administrator, editor
):
    package = upload_package(user=administrator, title="Vrai ou faux")
    question = fixture_json("H5P.Question-1.4/library.json")
    upgraded = build_h5p(replace={"H5P.Question-1.4/library.json": question | {"patchVersion": 99}})
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_courses_h5ppackage:edit", args=[package.pk]),
        {
            "title": "Vrai ou faux",
            "file": SimpleUploadedFile("nouvelle-version.h5p", upgraded.getvalue()),
        },
    )

    assert response.status_code == 200
    expected = RULE_10_MESSAGE.format(names="H5P.Question 1.4")
    assert response.context["form"].errors["file"] == [expected]
    assert H5PLibrary.objects.get(machine_name="H5P.Question").patch_version != 99
    package.refresh_from_db()
    assert package.file.name.endswith("vrai-ou-faux.h5p")


@pytest.mark.parametrize(
    ("archive", "filename", "message"),
    [
        pytest.param(
            lambda: build_h5p(raw=[("../../evil.json", b"{}")]),
            "activite.h5p",
            "Le fichier « ../../evil.json » sort du dossier de destination.",
            id="zip-slip",
        ),
        pytest.param(
            lambda: build_h5p(replace={"content/shell.php": b"<?php system($_GET['c']); ?>"}),
            "activite.h5p",
            "Le fichier « content/shell.php » a une extension non autorisée (.php).",
            id="php",
        ),
        pytest.param(
            lambda: build_h5p(remove=["h5p.json"]),
            "activite.h5p",
            "Le fichier « h5p.json » est absent de l'archive.",
            id="missing-h5p-json",
        ),
        pytest.param(
            lambda: build_h5p(remove=["Tether-1.0/"]),
            "activite.h5p",
            "La bibliothèque Tether 1.0, requise par Drop 1.0 et h5p.json, est absente du "
            "paquet et n'est pas installée sur la plateforme.",
            id="missing-dependency",
        ),
        pytest.param(
            lambda: build_h5p(raw=[symlink_entry("content/lien.json", "/etc/passwd")]),
            "activite.h5p",
            "Le fichier « content/lien.json » est un lien symbolique, ce qui est interdit.",
            id="symlink",
        ),
        pytest.param(
            # Random bytes do not compress: too big, not a zip bomb.
            lambda: build_h5p(replace={"content/video.mp4": os.urandom(SIXTEEN_MB + 1024 * 1024)}),
            "activite.h5p",
            "Le fichier « content/video.mp4 » est trop volumineux : "
            "17,0\u00a0Mio (maximum 16,0\u00a0Mio).",
            id="oversized",
        ),
        pytest.param(
            lambda: build_h5p(replace={"content/zeros.txt": bytes(4 * 1024 * 1024)}),
            "activite.h5p",
            "Le fichier « content/zeros.txt » est anormalement compressé",
            id="zip-bomb",
        ),
        pytest.param(
            lambda: build_h5p(),
            "activite.zip",
            "Le fichier « activite.zip » doit avoir l'extension .h5p.",
            id="extension",
        ),
        pytest.param(
            lambda: build_h5p(raw=[("content/facture\u202egnp.svg", b"x")]),
            "activite.h5p",
            "Le nom du fichier « content/facture\\u202egnp.svg » contient des caractères de "
            "contrôle ou de changement de sens d'écriture.",
            id="bidi-name",
        ),
        pytest.param(
            lambda: build_h5p(raw=[("content/cloche\x07.png", b"x")]),
            "activite.h5p",
            "Le nom du fichier « content/cloche\\u0007.png » contient des caractères",
            id="control-name",
        ),
        pytest.param(
            lambda: build_h5p(raw=[(LONG_NAME, b"x")]),
            "activite.h5p",
            f"Le chemin du fichier « {LONG_NAME[:119]}… » contient un nom de plus de 255 octets.",
            id="segment-over-255-bytes",
        ),
        pytest.param(
            lambda: build_h5p(raw=[("content/Photo.png", b"a"), ("content/photo.png", b"b")]),
            "activite.h5p",
            "Les fichiers « content/Photo.png » et « content/photo.png » ne diffèrent que "
            "par la casse (majuscules et minuscules) : renommez l'un des deux.",
            id="case-duplicates",
        ),
        pytest.param(
            lambda: build_h5p(
                replace={"h5p.json": json.dumps(fixture_json("h5p.json")).encode("utf-16")}
            ),
            "activite.h5p",
            "Le fichier « h5p.json » doit être encodé en UTF-8.",
            id="utf16-h5p-json",
        ),
        pytest.param(
            lambda: build_h5p(replace={"h5p.json": b'{"title": "Sans fin"'}),
            "activite.h5p",
            "Le fichier « h5p.json » n'est pas un JSON valide.",
            id="invalid-json",
        ),
        pytest.param(
            lambda: with_h5p_json(extra=os.urandom(40_000).hex()),
            "activite.h5p",
            "Le fichier « h5p.json » est trop volumineux (maximum 64,0\u00a0Kio).",
            id="oversized-h5p-json",
        ),
        pytest.param(
            lambda: with_h5p_json(language="français"),
            "activite.h5p",
            "La langue (language) de « h5p.json » doit être un code de langue",
            id="language",
        ),
        pytest.param(
            lambda: with_h5p_json(mainLibrary="H5P.Question"),
            "activite.h5p",
            "La bibliothèque principale H5P.Question 1.4 n'est pas un type de contenu "
            "(runnable vaut 0) : elle ne peut pas être jouée seule.",
            id="main-library-not-runnable",
        ),
        pytest.param(
            lambda: with_library_json(
                "H5P.TrueFalse-1.6", coreApi={"majorVersion": 1, "minorVersion": 30}
            ),
            "activite.h5p",
            "La bibliothèque « H5P.TrueFalse-1.6 » demande la version 1.30 de l'API H5P ; "
            "le lecteur de la plateforme fournit la version 1.28.",
            id="newer-core-api",
        ),
        pytest.param(
            question_depending_on_true_false,
            "activite.h5p",
            "Les bibliothèques H5P.TrueFalse 1.6 → H5P.Question 1.4 → H5P.TrueFalse 1.6 "
            "dépendent les unes des autres en boucle",
            id="dependency-cycle",
        ),
        pytest.param(
            lambda: build_h5p(
                content_json=fixture_json("content/content.json") | {"image": "_photo.png"},
                replace={"content/_photo.png": b"png"},
            ),
            "activite.h5p",
            "Le fichier « content/_photo.png » est utilisé par « content/content.json », mais "
            "H5P ignore les fichiers et dossiers dont le nom commence par « . » ou « _ »",
            id="skipped-file-used",
        ),
        pytest.param(
            truncated,
            "activite.h5p",
            "L'archive n'est pas un fichier ZIP valide.",
            id="truncated-zip",
        ),
    ],
)
def test_bad_packages_are_refused_in_french_and_nothing_is_written(
    client, h5p_root, media_root, superuser, archive, filename, message
):
    client.force_login(superuser)

    response = upload_through_admin(client, archive(), filename=filename)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(error.startswith(message) for error in errors), errors
    assert message in page_text(response)
    assert str(h5p_root.parent) not in page_text(response)  # no server path shown
    assert not H5PPackage.objects.exists() and not H5PLibrary.objects.exists()
    assert files_under(media_root) == [] and files_under(h5p_root) == []


# Building a module in the page tree, then following it


def add_page_form(client, *, model: str, parent: Page) -> dict:
    """Return the add form's data as the editor's browser would send it untouched."""
    url = reverse("wagtailadmin_pages:add", args=["courses", model, parent.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    # Selects without a selected option come back as their first option: none wanted.
    data.pop("prerequisites", None)
    return data


def submit_new_page(client, *, model: str, parent: Page, fields: dict) -> Page:
    """Create a page through the admin and submit it to moderation, as editors do."""
    data = add_page_form(client, model=model, parent=parent)
    data.update(nested_form_data(fields))
    data["slug"] = slugify(fields["title"])
    data["action-submit"] = "Soumettre à Validation par les administrateur·rices"
    url = reverse("wagtailadmin_pages:add", args=["courses", model, parent.pk])

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    page = Page.objects.child_of(parent).get(slug=data["slug"]).specific
    assert not page.live
    assert page.current_workflow_state is not None
    return page


def approve(client, page: Page) -> Page:
    """Approve the page's moderation task, as an administrator does from the dashboard."""
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Relu, on publie."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    return page


def test_editor_builds_a_module_with_an_h5p_lesson_that_a_learner_completes(
    client, h5p_root, django_capture_on_commit_callbacks, editor, administrator
):
    # The TrueFalse libraries were installed earlier by an administrator.
    upload_package(user=administrator, filename="bibliotheques.h5p")

    # The editor uploads the activity, then builds the module and its two lessons.
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_through_admin(client, build_h5p(), title="Vrai ou faux : les signaux")
    assert response.status_code == 302
    package = H5PPackage.objects.get(uploaded_by=editor)
    assert package.is_ready

    module = submit_new_page(
        client,
        model="modulepage",
        parent=factories.catalogue(),
        fields={
            "title": "Repérer les violences",
            "summary": "Les signaux d'alerte et les premiers gestes.",
            "objectives": rich_text("<ul><li>Repérer les signaux</li></ul>"),
            "kind": "formation",
            "duration_minutes": "20",
            "require_activities_success": "on",
        },
    )
    first = submit_new_page(
        client,
        model="lessonpage",
        parent=module,
        fields={
            "title": "Les signaux d'alerte",
            "intro": "Ce qui doit alerter.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Les signaux d'alerte sont multiples.</p>")),
                    (
                        "h5p",
                        {
                            "package": str(package.pk),
                            "instructions": "Vrai ou faux ?",
                            "required": "on",
                            "requirement": "success",
                            "min_score": "80",
                        },
                    ),
                ]
            ),
        },
    )
    second = submit_new_page(
        client,
        model="lessonpage",
        parent=module,
        fields={
            "title": "Orienter la victime",
            "body": streamfield([("paragraph", rich_text("<p>Le 3919 écoute 24 h/24.</p>"))]),
        },
    )
    assert first.h5p_blocks()[0]["package"] == package
    assert first.h5p_blocks()[0]["required"] is True
    assert first.h5p_blocks()[0]["requirement"] == "success"

    # An administrator approves the submissions: the pages are published.
    client.force_login(administrator)
    module = approve(client, module)
    first, second = approve(client, first), approve(client, second)
    assert ModulePage.objects.live().get(pk=module.pk).require_activities_success
    assert list(LessonPage.objects.live().child_of(module).order_by("path")) == [first, second]

    # A learner enrols, answers the activity right and completes both lessons.
    learner = UserFactory(first_name="Inès", last_name="Durand")
    client.force_login(learner)
    response = client.post(reverse("courses:enrol", args=[module.pk]))
    assert response.status_code == 302 and response["Location"] == first.url
    response = client.get(first.url)
    xapi_url = reverse("courses:h5p_xapi", args=[package.pk, first.pk])
    assert f'data-xapi-url="{xapi_url}"' in response.content.decode()
    statement = factories.answered("false", statement_id=str(uuid.uuid4()), raw_score=1)
    response = client.post(xapi_url, json.dumps(statement), content_type="application/json")
    assert response.status_code == 200
    result = ActivityResult.objects.get(user=learner, package=package, lesson=first)
    assert result.server_checked and result.success is True

    response = client.post(reverse("courses:lesson_complete", args=[first.pk]))
    assert response["Location"] == second.url
    response = client.post(reverse("courses:lesson_complete", args=[second.pk]))
    assert response["Location"] == module.url

    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score == 100
    assert completion.revision == module.live_revision
    assert "Module terminé" in page_text(client.get(module.url))
    trainings = page_text(client.get(reverse("courses:my_trainings")))
    completed_section = trainings.split('id="terminees"')[1]
    assert "Repérer les violences" in completed_section
    assert "Aucun module terminé" not in completed_section

    # The completion shows in the trainer's view of the module.
    client.force_login(UserFactory(role=Role.TRAINER))
    response = client.get(reverse("courses:module_learners", args=[module.pk]))
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row.user_id == learner.pk and row.status == "termine" and row.completed_lessons == 2
    text = page_text(response)
    assert "Inès Durand" in text and "2 leçons terminées sur 2" in text and "Terminé" in text


# The per-block rule: success or a minimal score only for activities the server scores


def _block_value(package, **fields):
    from courses.blocks import H5PActivityBlock

    block = H5PActivityBlock()
    raw = {"package": package.pk, "instructions": "", "required": True, **fields}
    return block, block.to_python(raw)


@pytest.mark.parametrize("requirement", ["success", "min_score"])
def test_the_block_refuses_success_or_a_score_on_an_unscored_activity(requirement):
    from wagtail.blocks.struct_block import StructBlockValidationError

    block, value = _block_value(factories.other_package("Cartes"), requirement=requirement)

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)

    (message,) = raised.value.block_errors["requirement"].messages
    assert message == (
        "L'activité « Cartes » n'a pas de corrigé : le serveur ne peut pas la noter. "
        "Choisissez « Être faite » ou « Règle du module »."
    )


@pytest.mark.parametrize(
    ("package_kind", "requirement"),
    [("scored", "success"), ("scored", "min_score"), ("unscored", "completion")],
)
def test_the_block_accepts_a_rule_its_activity_can_meet(package_kind, requirement):
    package = (
        factories.true_false_package() if package_kind == "scored" else factories.other_package()
    )
    block, value = _block_value(package, requirement=requirement, min_score=60)

    assert block.clean(value)["requirement"] == requirement


@pytest.mark.parametrize("min_score", [-1, 101])
def test_the_minimal_score_is_a_percentage(min_score):
    from wagtail.blocks.struct_block import StructBlockValidationError

    block, value = _block_value(
        factories.true_false_package(), requirement="min_score", min_score=min_score
    )

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert "min_score" in raised.value.block_errors


def test_the_editor_sees_why_an_unscored_activity_cannot_require_success(client, editor):
    module = factories.module(lessons=0)
    cards = factories.other_package("Cartes de dialogue")
    client.force_login(editor)
    data = add_page_form(client, model="lessonpage", parent=module)
    block = {"package": str(cards.pk), "required": "on", "requirement": "success"}
    data.update(nested_form_data({"title": "Repérer", "body": streamfield([("h5p", block)])}))
    data["slug"] = "reperer"

    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = client.post(url, data)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["body"].as_data()
    rendered = json.dumps(error.as_json_data(), ensure_ascii=False)
    assert "L'activité « Cartes de dialogue » n'a pas de corrigé" in rendered
    assert not LessonPage.objects.filter(slug="reperer").exists()


def test_an_administrator_deleting_a_package_deletes_its_files_not_the_shared_libraries(
    client, h5p_root, administrator, django_capture_on_commit_callbacks
):
    package = upload_package(user=administrator, filename="premier.h5p")
    content = h5p_root / "content" / str(package.pk)
    upload = package.file.storage.path(package.file.name)
    assert (content / "h5p.json").is_file() and os.path.isfile(upload)
    client.force_login(administrator)

    delete_url = reverse("wagtailsnippets_courses_h5ppackage:delete", args=[package.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url)

    assert response.status_code == 302
    assert not H5PPackage.objects.filter(pk=package.pk).exists()
    assert not content.exists() and not os.path.exists(upload)
    assert files_under(h5p_root / "libraries")  # shared with other packages: kept
