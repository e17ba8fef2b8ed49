"""Validation of uploaded .h5p archives: rules 1 to 9 of shared/H5P.md."""

import io
import json
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from courses.h5p.authoring import SAMPLE_KINDS, build_package, sample_h5p_json
from courses.h5p.svg import find_svg_threat
from courses.h5p.validation import validate_package
from courses.h5p.validation.definitions import (
    PLAYER_CORE_API,
    PLAYER_VERSION,
    H5PValidationError,
    LibraryRef,
    Limits,
)

from .h5p_builders import (
    CLEAN_SVG,
    EDITOR_LIBRARIES,
    FIXTURE_DIR,
    RUNTIME_LIBRARIES,
    build_h5p,
    corrupt,
    fixture_json,
    mark_encrypted,
    needs_npm_fixtures,
    stored_entry,
    symlink_entry,
)

pytestmark = needs_npm_fixtures()

TRUE_FALSE = LibraryRef("H5P.TrueFalse", 1, 6)
QUESTION = LibraryRef("H5P.Question", 1, 4)
# A whole package in a few kilobytes, for fuzzing: one library, no dependency.
SMALL_PACKAGE = build_h5p(
    members={
        "h5p.json": json.dumps(
            {
                "title": "Petit",
                "language": "fr",
                "mainLibrary": "Petit.Type",
                "embedTypes": ["div"],
                "preloadedDependencies": [
                    {"machineName": "Petit.Type", "majorVersion": 1, "minorVersion": 0}
                ],
            }
        ).encode(),
        "content/content.json": b'{"texte": "Bonjour"}',
        "Petit.Type-1.0/library.json": json.dumps(
            {
                "title": "Petit type",
                "machineName": "Petit.Type",
                "majorVersion": 1,
                "minorVersion": 0,
                "patchVersion": 0,
                "runnable": 1,
                "preloadedJs": [{"path": "petit.js"}],
            }
        ).encode(),
        "Petit.Type-1.0/petit.js": b"H5P.PetitType = function () {};",
    }
)


def errors_of(source, *, filename: str = "activite.h5p", **kwargs) -> list[str]:
    """Return the errors raised when validating `source`."""
    with pytest.raises(H5PValidationError) as raised:
        validate_package(source, filename=filename, **kwargs)
    return raised.value.errors


def assert_has_error(errors: list[str], *fragments: str) -> None:
    assert any(all(fragment in error for fragment in fragments) for error in errors), errors


def library_json_without(folder: str, key: str) -> dict:
    library = fixture_json(f"{folder}/library.json")
    del library[key]
    return library


# The real package.


def test_fixture_package_is_valid():
    package = validate_package(build_h5p(), filename="Vrai ou faux.H5P")

    assert package.title == "Hello World"
    assert package.language == "und"
    assert package.main_library == TRUE_FALSE
    assert RUNTIME_LIBRARIES <= package.libraries.keys()
    assert package.libraries.keys() == RUNTIME_LIBRARIES | EDITOR_LIBRARIES
    assert package.libraries[QUESTION]["patchVersion"] == 6
    assert package.h5p_json["mainLibrary"] == "H5P.TrueFalse"
    assert package.content_json["correct"] == "false"
    assert package.content_files == ["content/content.json"]
    assert package.root_files == ["H5P_CONTENT_HERE.txt"]
    assert "H5P.TrueFalse-1.6/library.json" in package.library_files[TRUE_FALSE]
    assert package.total_size == sum(
        path.stat().st_size for path in FIXTURE_DIR.rglob("*") if path.is_file()
    )


def test_fixture_package_is_valid_from_a_path(tmp_path):
    path = build_h5p(tmp_path / "activite.h5p")

    assert validate_package(path, filename=path.name).main_library == TRUE_FALSE


def test_fixture_package_is_valid_from_an_uploaded_file():
    upload = SimpleUploadedFile("activite.h5p", build_h5p().getvalue())

    assert validate_package(upload, filename=upload.name).main_library == TRUE_FALSE


def test_editor_libraries_are_not_required():
    source = build_h5p(remove=["H5PEditor.RadioGroup-1.1/", "H5PEditor.ShowWhen-1.0/"])

    package = validate_package(source, filename="activite.h5p")

    assert package.libraries.keys() == RUNTIME_LIBRARIES


def test_string_versions_of_h5p_json_are_normalised():
    package = validate_package(build_h5p(), filename="activite.h5p")

    assert package.main_library.major == 1 and isinstance(package.main_library.minor, int)


# Rule 1: extension and zip integrity.


def test_upload_must_have_the_h5p_extension():
    errors = errors_of(build_h5p(), filename="activite.zip")

    assert errors == ["Le fichier « activite.zip » doit avoir l'extension .h5p."]


def test_not_a_zip():
    errors = errors_of(io.BytesIO(b"<?php echo 'pas un zip';"))

    assert errors == ["L'archive n'est pas un fichier ZIP valide."]


def test_not_a_zip_with_bad_extension_reports_both():
    errors = errors_of(io.BytesIO(b""), filename="activite.php")

    assert len(errors) == 2
    assert_has_error(errors, "activite.php", ".h5p")
    assert_has_error(errors, "ZIP valide")


def test_corrupted_crc():
    marker = b"CRC-MARKER-0123456789"
    source = corrupt(build_h5p(raw=[stored_entry("content/notes.txt", marker)]), marker)

    errors = errors_of(source)

    assert errors == [
        "L'archive est corrompue : le fichier « content/notes.txt » "
        "ne passe pas le contrôle d'intégrité."
    ]


def test_encrypted_member():
    source = mark_encrypted(build_h5p(replace={"content/secret.txt": b"x"}), "content/secret.txt")

    errors = errors_of(source)

    assert_has_error(errors, "content/secret.txt", "chiffré")


# Rules 2 and 3: paths.


def test_zip_slip_is_refused():
    errors = errors_of(build_h5p(raw=[("../evil.js", b"alert(1)")]))

    assert errors == ["Le fichier « ../evil.js » sort du dossier de destination."]


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("content/../../evil.json", "sort du dossier de destination"),
        ("/etc/cron.d/evil.txt", "a un chemin absolu"),
        ("content\\..\\evil.json", "barre oblique inverse"),
        ("C:/Windows/evil.txt", "lettre de lecteur"),
        ("c:evil.txt", "lettre de lecteur"),
    ],
)
def test_unsafe_paths_are_refused(name, fragment):
    errors = errors_of(build_h5p(raw=[(name, b"{}")]))

    assert_has_error(errors, f"« {name} »", fragment)


def test_symlink_member_is_refused():
    errors = errors_of(build_h5p(raw=[symlink_entry("content/passwd.txt", "/etc/passwd")]))

    assert errors == [
        "Le fichier « content/passwd.txt » est un lien symbolique, ce qui est interdit."
    ]


def test_hidden_and_underscore_members_are_ignored():
    ignored = [
        "__MACOSX/content/._content.json",
        ".DS_Store",
        "content/.htaccess",
        "content/_notes/evil.php",
        "H5P.TrueFalse-1.6/.git/config",
        "_backup/anything",
    ]
    source = build_h5p(raw=[(name, b"<?php system($_GET['c']);") for name in ignored])

    package = validate_package(source, filename="activite.h5p")

    kept = set(package.content_files) | set(package.root_files)
    kept |= {name for names in package.library_files.values() for name in names}
    assert kept.isdisjoint(ignored)
    assert set(package.ignored_files) == set(ignored)


def test_skipped_file_used_by_the_content_is_refused():
    content = fixture_json("content/content.json")
    content["media"] = {"type": {"params": {"file": {"path": "images/_photo.png"}}}}
    source = build_h5p(content_json=content, replace={"content/images/_photo.png": b"png"})

    errors = errors_of(source)

    assert errors == [
        "Le fichier « content/images/_photo.png » est utilisé par « content/content.json », "
        "mais H5P ignore les fichiers et dossiers dont le nom commence par « . » ou « _ » : "
        "renommez-le."
    ]


def test_official_language_templates_are_skipped_not_refused():
    # Every official library ships language/.en.json, the template of its translations.
    source = build_h5p(replace={"H5P.TrueFalse-1.6/language/.en.json": {"semantics": []}})

    package = validate_package(source, filename="activite.h5p")

    assert package.ignored_files == ["H5P.TrueFalse-1.6/language/.en.json"]


def test_duplicate_member_is_refused():
    with pytest.warns(UserWarning, match="Duplicate name"):
        source = build_h5p(raw=[("content/image.png", b"a"), ("content/image.png", b"b")])

    errors = errors_of(source)

    assert errors == ["Le fichier « content/image.png » figure plusieurs fois dans l'archive."]


# Rule 4: extensions and SVG images.


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        ("content/x.php", ".php"),
        ("content/page.html", ".html"),
        ("content/script.js", ".js"),
        ("content/style.CSS", ".css"),
        ("H5P.TrueFalse-1.6/shell.php", ".php"),
        ("H5P.TrueFalse-1.6/page.htm", ".htm"),
        ("installer.exe", ".exe"),
    ],
)
def test_forbidden_extensions_are_refused(name, extension):
    errors = errors_of(build_h5p(raw=[(name, b"x")]))

    assert errors == [f"Le fichier « {name} » a une extension non autorisée ({extension})."]


def test_libraries_may_hold_scripts_and_style_sheets():
    source = build_h5p(
        replace={"H5P.TrueFalse-1.6/extra.js": "//", "H5P.TrueFalse-1.6/extra.css": ""}
    )

    assert validate_package(source, filename="activite.h5p")


@pytest.mark.parametrize(
    "name",
    [
        "content/README",
        "H5P.TrueFalse-1.6/Makefile",
        "LICENSE",
        "content/LICENSE",
        "H5P.TrueFalse-1.6/scripts/LICENSE",
    ],
)
def test_files_without_extension_are_refused(name):
    errors = errors_of(build_h5p(raw=[(name, b"x")]))

    assert errors == [f"Le fichier « {name} » n'a pas d'extension : ce type de fichier est refusé."]


@pytest.mark.parametrize(
    "name",
    [
        "H5P.TrueFalse-1.6/LICENSE",
        "H5P.TrueFalse-1.6/Licence",
        "H5P.TrueFalse-1.6/COPYING",
        "H5P.TrueFalse-1.6/LICENSE.md",
        "H5P.TrueFalse-1.6/LICENCE.md",
    ],
)
def test_libraries_may_carry_their_licence_notice(name):
    # The official repositories ship them so (H5P.Components: LICENSE; Course
    # Presentation: LICENCE.md): refusing them would refuse real exports.
    assert validate_package(build_h5p(raw=[(name, b"MIT License")]), filename="activite.h5p")


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_every_vendored_sample_package_is_valid(kind):
    validated = validate_package(io.BytesIO(build_package(kind)), filename=f"{kind}.h5p")

    assert validated.h5p_json["mainLibrary"] == sample_h5p_json(kind)["mainLibrary"]


def test_directory_entries_are_fine():
    source = build_h5p(raw=[("content/images/", b"")])

    assert validate_package(source, filename="activite.h5p")


def test_clean_svg_is_accepted():
    source = build_h5p(replace={"content/images/logo.svg": CLEAN_SVG})

    package = validate_package(source, filename="activite.h5p")

    assert "content/images/logo.svg" in package.content_files


def test_svg_with_script_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'

    errors = errors_of(build_h5p(replace={"content/images/logo.svg": svg}))

    assert errors == ["L'image « content/images/logo.svg » est refusée : il contient un script."]


def test_svg_in_a_library_is_checked_too():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'

    errors = errors_of(build_h5p(replace={"H5P.TrueFalse-1.6/icon.svg": svg}))

    assert_has_error(errors, "H5P.TrueFalse-1.6/icon.svg", "onload")


SVG_OPEN = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"<script>alert(1)</script>", "script"),
        (b'<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>', "script"),
        (b'<rect onclick="alert(1)"/>', "onclick"),
        (b'<rect ONMOUSEOVER="alert(1)"/>', "ONMOUSEOVER"),
        (b'<a href="javascript:alert(1)"><text>x</text></a>', "javascript:"),
        (b'<a xlink:href="java&#9;script:alert(1)"><text>x</text></a>', "javascript:"),
        (b'<image href="https://tracker.example/pixel.png"/>', "externe"),
        (b'<image xlink:href="//tracker.example/pixel.png"/>', "externe"),
        (b'<use href="http://evil.example/sprite.svg#a"/>', "externe"),
        (b'<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "externe"),
        (b"<foreignObject><div>x</div></foreignObject>", "foreignObject"),
        (b'<iframe src="https://evil.example"/>', "iframe"),
        (b"<style>@import url(https://evil.example/a.css);</style>", "@import"),
        (b"<style><![CDATA[rect{fill:url(https://evil.example/#g)}]]></style>", "externe"),
        (b'<rect style="background:url(//evil.example/x.png)"/>', "externe"),
        (b'<rect fill="url(http://evil.example/#g)"/>', "externe"),
        (b'<set attributeName="href" to="https://evil.example"/>', "href"),
    ],
)
def test_dangerous_svg_constructs_are_detected(body, fragment):
    threat = find_svg_threat([SVG_OPEN + body + b"</svg>"])

    assert threat is not None and fragment in threat


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>',
            "DTD interne",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<svg>&x;</svg>",
            "DTD interne",
        ),
        (b'<?xml-stylesheet href="https://evil.example/a.css"?><svg/>', "feuille de style"),
        (b"<html><script>alert(1)</script></html>", "pas une image SVG"),
        (b"<svg><unclosed></svg>", "pas un fichier XML valide"),
        (b"", "pas un fichier XML valide"),
    ],
)
def test_dangerous_or_broken_svg_documents_are_detected(document, fragment):
    threat = find_svg_threat([document])

    assert threat is not None and fragment in threat


def test_svg_with_the_standard_doctype_and_local_references_is_safe():
    document = (
        b'<?xml version="1.0" standalone="no"?>\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" >\n'
        + SVG_OPEN
        + b'<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(\'#g\')"/>'
        b'<image href="data:image/png;base64,iVBORw0KGgo="/><a href="#top"><text>x</text></a>'
        b"</svg>"
    )

    assert find_svg_threat([document[:50], document[50:]]) is None


# Rule 5: sizes and zip bombs.


def test_oversized_file_is_refused():
    source = build_h5p(replace={"content/video.mp4": os.urandom(600_000)})

    errors = errors_of(source, limits=Limits(max_file_size=500_000))

    assert_has_error(errors, "content/video.mp4", "trop volumineux")


def test_too_large_total_is_refused():
    errors = errors_of(build_h5p(), limits=Limits(max_total_size=1_000_000))

    assert len(errors) == 1
    assert_has_error(errors, "contenu décompressé", "trop volumineux")


def test_archive_bigger_than_its_content_allows_is_refused_before_opening():
    errors = errors_of(build_h5p(), limits=Limits(max_archive_size=100_000))

    assert len(errors) == 1
    assert errors[0].startswith("L'archive est trop volumineuse : ")


def test_too_many_files_is_refused():
    errors = errors_of(build_h5p(), limits=Limits(max_files=50))

    assert_has_error(errors, "trop de fichiers", "maximum 50")


def test_zip_bomb_is_refused_before_decompression():
    # 50 MB of zeros deflate to about 50 KB: zlib builds it in a fraction of a second.
    source = build_h5p(replace={"content/bomb.txt": bytes(50 * 1024 * 1024)})

    errors = errors_of(source)

    assert_has_error(errors, "content/bomb.txt", "bombe de décompression")
    assert_has_error(errors, "content/bomb.txt", "trop volumineux")
    assert not any("intégrité" in error for error in errors)


def test_high_ratio_within_size_limits_is_refused():
    source = build_h5p(replace={"content/data.csv": bytes(300_000)})

    errors = errors_of(source, limits=Limits(ratio_min_size=100_000, max_compression_ratio=50))

    assert errors[0].startswith("Le fichier « content/data.csv » est anormalement compressé")


def test_high_overall_ratio_is_refused():
    members = {f"content/zeros-{index}.txt": bytes(50_000) for index in range(40)}
    source = build_h5p(members=members)

    errors = errors_of(source, limits=Limits(ratio_min_size=1_000_000))

    assert errors == [errors[0]]
    assert errors[0].startswith("L'archive est anormalement compressée")


def test_small_compressible_files_are_fine():
    source = build_h5p(replace={"content/blank.txt": bytes(200_000)})

    assert validate_package(source, filename="activite.h5p")


# Rule 6: h5p.json.


def test_missing_h5p_json():
    errors = errors_of(build_h5p(remove=["h5p.json"]))

    assert errors == ["Le fichier « h5p.json » est absent de l'archive."]


@pytest.mark.parametrize("data", [b"{not json", b"", b'{"title": NaN}', b"\xef\xbb\xbf"])
def test_invalid_h5p_json(data):
    errors = errors_of(build_h5p(replace={"h5p.json": data}))

    assert errors == ["Le fichier « h5p.json » n'est pas un JSON valide."]


def test_h5p_json_must_be_an_object():
    errors = errors_of(build_h5p(h5p_json=["title"]))

    assert errors == ["Le fichier « h5p.json » doit contenir un objet JSON."]


@pytest.mark.parametrize("title", ["", "   ", "x" * 256, None, 42])
def test_bad_title(title):
    h5p_json = fixture_json("h5p.json") | {"title": title}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == ["Le titre (title) de « h5p.json » doit compter entre 1 et 255 caractères."]


def test_title_of_255_characters_is_fine():
    h5p_json = fixture_json("h5p.json") | {"title": "é" * 255}

    assert validate_package(build_h5p(h5p_json=h5p_json), filename="a.h5p").title == "é" * 255


def test_missing_language():
    h5p_json = fixture_json("h5p.json")
    del h5p_json["language"]

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == ["Le fichier « h5p.json » n'indique pas de langue (language)."]


def test_main_library_must_be_among_dependencies():
    h5p_json = fixture_json("h5p.json") | {"mainLibrary": "H5P.MultiChoice"}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == [
        "La bibliothèque principale « H5P.MultiChoice » ne figure pas parmi les "
        "preloadedDependencies de « h5p.json »."
    ]


def test_missing_main_library():
    h5p_json = fixture_json("h5p.json")
    del h5p_json["mainLibrary"]

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert_has_error(errors, "mainLibrary")


@pytest.mark.parametrize("embed_types", [[], ["script"], ["div", "iframe", "object"], "div", None])
def test_bad_embed_types(embed_types):
    h5p_json = fixture_json("h5p.json") | {"embedTypes": embed_types}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert_has_error(errors, "embedTypes", "iframe", "div")


def test_both_embed_types_are_fine():
    h5p_json = fixture_json("h5p.json") | {"embedTypes": ["iframe", "div"]}

    assert validate_package(build_h5p(h5p_json=h5p_json), filename="activite.h5p")


@pytest.mark.parametrize(
    "entry",
    [
        {"machineName": "H5P.Extra"},
        {"machineName": "H5P.Extra", "majorVersion": "un", "minorVersion": 0},
        {"machineName": "../../etc", "majorVersion": 1, "minorVersion": 0},
        "H5P.Extra 1.0",
    ],
)
def test_malformed_dependency_entry(entry):
    h5p_json = fixture_json("h5p.json")
    h5p_json["preloadedDependencies"].append(entry)

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == [
        "L'entrée n° 9 de preloadedDependencies dans « h5p.json » est invalide "
        "(machineName, majorVersion et minorVersion sont requis)."
    ]


def test_missing_preloaded_dependencies():
    h5p_json = fixture_json("h5p.json")
    del h5p_json["preloadedDependencies"]

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert_has_error(errors, "preloadedDependencies")


# Rule 7: content/content.json.


def test_missing_content_json():
    errors = errors_of(build_h5p(remove=["content/content.json"]))

    assert errors == ["Le fichier « content/content.json » est absent de l'archive."]


def test_invalid_content_json():
    errors = errors_of(build_h5p(content_json='{"correct": "false",}'))

    assert errors == ["Le fichier « content/content.json » n'est pas un JSON valide."]


# Rule 8: library folders.


def test_library_folder_name_must_match_library_json():
    source = build_h5p(rename_folders={"H5P.Question-1.4": "H5P.Question-1.5"})

    errors = errors_of(source)

    assert (
        "Le dossier « H5P.Question-1.5 » ne correspond pas à son library.json "
        "(attendu : « H5P.Question-1.4 »)."
    ) in errors


def test_library_folder_may_be_named_after_the_machine_name_only():
    source = build_h5p(rename_folders={"H5P.Question-1.4": "H5P.Question"})

    package = validate_package(source, filename="activite.h5p")

    assert "H5P.Question/library.json" in package.library_files[QUESTION]


def test_library_folder_without_library_json():
    errors = errors_of(build_h5p(remove=["Tether-1.0/library.json"]))

    assert errors == ["Le fichier « Tether-1.0/library.json » est absent de l'archive."]


@pytest.mark.parametrize(
    "key", ["title", "machineName", "majorVersion", "minorVersion", "patchVersion", "runnable"]
)
def test_library_json_required_fields(key):
    library = library_json_without("H5P.Question-1.4", key)

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert errors == [f"Le fichier « H5P.Question-1.4/library.json » ne précise pas : {key}."]


def test_library_json_versions_must_be_numbers():
    library = fixture_json("H5P.Question-1.4/library.json") | {"patchVersion": "6b"}

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert errors == ["Les numéros de version de « H5P.Question-1.4/library.json » sont invalides."]


@pytest.mark.parametrize(("key", "value"), [("title", ""), ("runnable", "oui")])
def test_library_json_field_values(key, value):
    library = fixture_json("H5P.Question-1.4/library.json") | {key: value}

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert len(errors) == 1
    assert_has_error(errors, "H5P.Question-1.4/library.json", key)


def test_listed_preloaded_js_must_exist():
    errors = errors_of(build_h5p(remove=["H5P.Question-1.4/scripts/question.js"]))

    assert errors == [
        "Le fichier « scripts/question.js » déclaré dans preloadedJs de la bibliothèque "
        "H5P.Question 1.4 est absent du paquet."
    ]


def test_listed_preloaded_css_must_exist():
    errors = errors_of(build_h5p(remove=["Tether-1.0/styles/tether.min.css"]))

    assert_has_error(errors, "styles/tether.min.css", "preloadedCss", "Tether 1.0")


# Rule 9: dependency closure.


def test_missing_dependency_names_it_and_who_requires_it():
    errors = errors_of(build_h5p(remove=["H5P.Question-1.4/"]))

    assert errors == [
        "La bibliothèque H5P.Question 1.4, requise par H5P.TrueFalse 1.6 et h5p.json, "
        "est absente du paquet et n'est pas installée sur la plateforme."
    ]


def test_missing_transitive_dependency():
    h5p_json = fixture_json("h5p.json")
    h5p_json["preloadedDependencies"] = [
        dep for dep in h5p_json["preloadedDependencies"] if dep["machineName"] != "Tether"
    ]

    errors = errors_of(build_h5p(h5p_json=h5p_json, remove=["Tether-1.0/"]))

    assert errors == [
        "La bibliothèque Tether 1.0, requise par Drop 1.0, est absente du paquet "
        "et n'est pas installée sur la plateforme."
    ]


def test_dependency_satisfied_by_installed_library():
    source = build_h5p(remove=["H5P.Question-1.4/"])

    package = validate_package(source, filename="activite.h5p", installed=[QUESTION])

    assert QUESTION not in package.libraries


def test_installed_library_of_another_minor_version_does_not_satisfy():
    source = build_h5p(remove=["H5P.Question-1.4/"])

    errors = errors_of(source, installed=[LibraryRef("H5P.Question", 1, 5)])

    assert_has_error(errors, "H5P.Question 1.4", "absente du paquet")


def test_dynamic_dependencies_are_required():
    library = fixture_json("H5P.TrueFalse-1.6/library.json")
    library["dynamicDependencies"] = [
        {"machineName": "H5P.Video", "majorVersion": 1, "minorVersion": 6}
    ]

    errors = errors_of(build_h5p(replace={"H5P.TrueFalse-1.6/library.json": library}))

    assert errors == [
        "La bibliothèque H5P.Video 1.6, requise par H5P.TrueFalse 1.6, est absente du paquet "
        "et n'est pas installée sur la plateforme."
    ]


def test_editor_dependencies_are_not_required():
    library = fixture_json("H5P.TrueFalse-1.6/library.json")
    library["editorDependencies"].append(
        {"machineName": "H5PEditor.Missing", "majorVersion": 1, "minorVersion": 0}
    )
    source = build_h5p(
        replace={"H5P.TrueFalse-1.6/library.json": library},
        remove=["H5PEditor.RadioGroup-1.1/"],
    )

    assert validate_package(source, filename="activite.h5p")


# Several problems at once.


def test_every_problem_is_reported_together():
    h5p_json = fixture_json("h5p.json") | {"title": ""}
    source = build_h5p(
        h5p_json=h5p_json,
        replace={"content/x.php": b"<?php"},
        remove=["H5P.Question-1.4/"],
    )

    errors = errors_of(source, filename="activite.zip")

    assert len(errors) == 4
    assert_has_error(errors, "activite.zip")
    assert_has_error(errors, "content/x.php", ".php")
    assert_has_error(errors, "titre")
    assert_has_error(errors, "H5P.Question 1.4", "absente du paquet")


# LibraryRef.


def test_library_ref_parses_dependencies_and_names_its_folder():
    ref = LibraryRef.parse_dependency(
        {"machineName": "H5P.TrueFalse", "majorVersion": "1", "minorVersion": 6}
    )

    assert ref == TRUE_FALSE
    assert ref.folder == "H5P.TrueFalse-1.6"
    assert str(ref) == "H5P.TrueFalse 1.6"
    assert sorted([QUESTION, TRUE_FALSE, LibraryRef("Drop", 1, 0)])[0].machine_name == "Drop"


@pytest.mark.parametrize(
    "dep",
    [
        {"machineName": "X", "majorVersion": True, "minorVersion": 0},
        {"machineName": "X", "majorVersion": -1, "minorVersion": 0},
        {"machineName": "a/b", "majorVersion": 1, "minorVersion": 0},
        {"majorVersion": 1, "minorVersion": 0},
        [],
    ],
)
def test_library_ref_rejects_malformed_dependencies(dep):
    with pytest.raises(ValueError):
        LibraryRef.parse_dependency(dep)


# Beyond shared/H5P.md: what H5P core or the player would trip on later.


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("content/cloche\x07.png", "content/cloche\\u0007.png"),
        ("content/tab\tulation.png", "content/tab\\u0009ulation.png"),
        ("content/facture\u202egnp.svg", "content/facture\\u202egnp.svg"),
        ("content/\u2066isolé\u2069.png", "content/\\u2066isolé\\u2069.png"),
        ("H5P.TrueFalse-1.6/\u200fscripts.js", "H5P.TrueFalse-1.6/\\u200fscripts.js"),
        (".cache/\x1b[31m.txt", ".cache/\\u001b[31m.txt"),  # even among skipped files
    ],
)
def test_names_with_control_or_bidirectional_characters_are_refused(name, shown):
    errors = errors_of(build_h5p(raw=[(name, b"x")]))

    assert errors == [
        f"Le nom du fichier « {shown} » contient des caractères de contrôle ou de "
        "changement de sens d'écriture."
    ]


def test_a_path_segment_over_255_bytes_is_refused_and_its_name_is_cut():
    name = "content/" + "é" * 128 + ".png"  # 132 characters, 260 bytes

    errors = errors_of(build_h5p(raw=[(name, b"x")]))

    assert len(errors) == 1
    assert_has_error(errors, "un nom de plus de 255 octets")
    assert "é" * 100 + "…" in errors[0] and "é" * 128 not in errors[0]


def test_a_path_over_1024_bytes_is_refused():
    name = "content/" + "/".join(["d" * 200] * 6) + ".png"

    errors = errors_of(build_h5p(raw=[(name, b"x")]))

    assert len(errors) == 1
    assert_has_error(errors, "est trop long (plus de 1024 octets)")


def test_a_segment_of_255_bytes_is_fine():
    name = "content/" + "é" * 125 + ".png"  # 254 bytes

    assert name in validate_package(build_h5p(raw=[(name, b"x")]), filename="a.h5p").content_files


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("content/Image.png", "content/image.png"),
        ("content/images/a.png", "content/IMAGES/A.PNG"),
        ("content/\u00e9t\u00e9.png", "content/e\u0301te\u0301.png"),  # composed, decomposed
        ("H5P.TrueFalse-1.6/Extra.js", "H5P.TrueFalse-1.6/extra.js"),
    ],
)
def test_names_differing_only_by_case_are_refused(first, second):
    errors = errors_of(build_h5p(raw=[(first, b"a"), (second, b"b")]))

    assert errors == [
        f"Les fichiers « {first} » et « {second} » ne diffèrent que par la casse "
        "(majuscules et minuscules) : renommez l'un des deux."
    ]


@pytest.mark.parametrize("folder", ["content/a.png/b.png", "content/A.PNG/b.png"])
def test_a_file_named_like_a_folder_is_refused(folder):
    errors = errors_of(build_h5p(raw=[("content/a.png", b"a"), (folder, b"b")]))

    assert errors == [f"Le fichier « content/a.png » porte le nom du dossier de « {folder} »."]


def test_h5p_json_with_a_utf8_byte_order_mark_is_accepted():
    data = b"\xef\xbb\xbf" + json.dumps(fixture_json("h5p.json")).encode()

    package = validate_package(build_h5p(replace={"h5p.json": data}), filename="a.h5p")

    assert package.title == "Hello World"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(
    "name", ["h5p.json", "content/content.json", "H5P.TrueFalse-1.6/library.json"]
)
def test_json_files_in_utf16_or_utf32_are_refused(name, encoding):
    data = json.dumps(fixture_json(name)).encode(encoding)

    errors = errors_of(build_h5p(replace={name: data}))

    assert errors[0] == f"Le fichier « {name} » doit être encodé en UTF-8."


def test_json_in_latin1_is_refused():
    h5p_json = json.dumps(fixture_json("h5p.json") | {"title": "Été"}, ensure_ascii=False)

    errors = errors_of(build_h5p(replace={"h5p.json": h5p_json.encode("latin-1")}))

    assert errors == ["Le fichier « h5p.json » doit être encodé en UTF-8."]


@pytest.mark.parametrize("language", ["français", "fr_FR", "fr-FR-x-egide", "fr FR", "<b>", 42])
def test_invalid_language_codes_are_refused(language):
    h5p_json = fixture_json("h5p.json") | {"language": language}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    if isinstance(language, str):
        assert errors == [
            "La langue (language) de « h5p.json » doit être un code de langue comme "
            "« fr », « fr-FR » ou « und » (10 lettres ou tirets au plus)."
        ]
    else:
        assert errors == ["Le fichier « h5p.json » n'indique pas de langue (language)."]


@pytest.mark.parametrize("language", ["fr", "fr-FR", "und", "zh-Hans-CN"])
def test_language_codes_are_accepted(language):
    h5p_json = fixture_json("h5p.json") | {"language": language}

    assert validate_package(build_h5p(h5p_json=h5p_json), filename="a.h5p").language == language


def test_main_library_must_be_runnable():
    h5p_json = fixture_json("h5p.json") | {"mainLibrary": "H5P.Question"}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == [
        "La bibliothèque principale H5P.Question 1.4 n'est pas un type de contenu "
        "(runnable vaut 0) : elle ne peut pas être jouée seule."
    ]


def test_installed_main_library_must_be_runnable_too():
    h5p_json = fixture_json("h5p.json") | {"mainLibrary": "H5P.Question"}
    installed = {QUESTION: fixture_json("H5P.Question-1.4/library.json")}

    errors = errors_of(
        build_h5p(h5p_json=h5p_json, remove=["H5P.Question-1.4/"]), installed=installed
    )

    assert_has_error(errors, "H5P.Question 1.4", "runnable vaut 0")


@pytest.mark.parametrize(("major", "minor"), [(1, 29), (2, 0)])
def test_library_needing_a_newer_core_api_than_the_player_is_refused(major, minor):
    library = fixture_json("H5P.Question-1.4/library.json")
    library["coreApi"] = {"majorVersion": major, "minorVersion": minor}

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert errors == [
        f"La bibliothèque « H5P.Question-1.4 » demande la version {major}.{minor} de l'API "
        "H5P ; le lecteur de la plateforme fournit la version 1.28. Exportez l'activité "
        "avec des bibliothèques plus anciennes."
    ]


def test_library_needing_the_players_core_api_is_fine():
    library = fixture_json("H5P.Question-1.4/library.json")
    library["coreApi"] = {"majorVersion": 1, "minorVersion": 28}

    assert validate_package(
        build_h5p(replace={"H5P.Question-1.4/library.json": library}), filename="a.h5p"
    )


@pytest.mark.parametrize("core_api", ["1.7", {"majorVersion": "un"}, [1, 7]])
def test_malformed_core_api_is_refused(core_api):
    library = fixture_json("H5P.Question-1.4/library.json") | {"coreApi": core_api}

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert errors == [
        "La version de l'API H5P (coreApi) de « H5P.Question-1.4/library.json » est invalide."
    ]


def test_player_core_api_is_the_installed_players():
    # PLAYER_CORE_API was read from this version's bundle: check it again on upgrade.
    installed = json.loads(
        (settings.BASE_DIR / "node_modules" / "h5p-standalone" / "package.json").read_bytes()
    )

    assert installed["version"] == PLAYER_VERSION
    assert PLAYER_CORE_API == (1, 28)


def test_dependency_cycle_is_refused():
    library = fixture_json("H5P.Question-1.4/library.json")
    library["preloadedDependencies"].append(
        {"machineName": "H5P.TrueFalse", "majorVersion": 1, "minorVersion": 6}
    )

    errors = errors_of(build_h5p(replace={"H5P.Question-1.4/library.json": library}))

    assert errors == [
        "Les bibliothèques H5P.TrueFalse 1.6 → H5P.Question 1.4 → H5P.TrueFalse 1.6 "
        "dépendent les unes des autres en boucle : le lecteur ne pourrait pas les charger."
    ]


def test_library_depending_on_itself_is_refused():
    library = fixture_json("Tether-1.0/library.json")
    library["dynamicDependencies"] = [
        {"machineName": "Tether", "majorVersion": 1, "minorVersion": 0}
    ]

    errors = errors_of(build_h5p(replace={"Tether-1.0/library.json": library}))

    assert_has_error(errors, "Tether 1.0 → Tether 1.0", "en boucle")


def test_cycle_through_an_installed_library_is_refused():
    installed_question = fixture_json("H5P.Question-1.4/library.json")
    installed_question["preloadedDependencies"].append(
        {"machineName": "H5P.TrueFalse", "majorVersion": 1, "minorVersion": 6}
    )

    errors = errors_of(
        build_h5p(remove=["H5P.Question-1.4/"]), installed={QUESTION: installed_question}
    )

    assert_has_error(errors, "H5P.TrueFalse 1.6 → H5P.Question 1.4 → H5P.TrueFalse 1.6")


def test_oversized_h5p_json_is_refused_before_being_read_whole():
    h5p_json = fixture_json("h5p.json") | {"extra": os.urandom(40_000).hex()}

    errors = errors_of(build_h5p(h5p_json=h5p_json))

    assert errors == ["Le fichier « h5p.json » est trop volumineux (maximum 64,0\u00a0Kio)."]


def test_h5p_json_is_read_no_further_than_its_limit(monkeypatch):
    # A central directory may understate a member's size: reading stops at the limit anyway.
    source = build_h5p(h5p_json=fixture_json("h5p.json") | {"extra": "x" * 5000})
    reads = []
    original = zipfile.ZipExtFile.read

    def read(self, n=-1):
        reads.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)

    errors = errors_of(source, limits=Limits(max_json_size=2000, max_file_size=10**6))

    assert errors == ["Le fichier « h5p.json » est trop volumineux (maximum 2,0\u00a0Kio)."]
    assert -1 not in reads


@pytest.mark.parametrize(
    ("name", "limit"),
    [("H5P.Question-1.4/library.json", "64,0"), ("H5P.TrueFalse-1.6/semantics.json", "1,0")],
)
def test_oversized_library_json_or_semantics_is_refused(name, limit):
    padding = [os.urandom(700_000).hex()] if "semantics" in name else None
    data = (
        (fixture_json(name) + padding)
        if padding
        else (fixture_json(name) | {"extra": os.urandom(40_000).hex()})
    )

    errors = errors_of(build_h5p(replace={name: data}))

    assert_has_error(errors, f"« {name} » est trop volumineux", limit)


def test_invalid_semantics_json_is_refused():
    errors = errors_of(build_h5p(replace={"H5P.TrueFalse-1.6/semantics.json": b"[{,]"}))

    assert errors == ["Le fichier « H5P.TrueFalse-1.6/semantics.json » n'est pas un JSON valide."]


def test_unsupported_compression_method_is_refused_before_reading():
    info = zipfile.ZipInfo("content/image.png")
    source = build_h5p(raw=[(info, b"x" * 100)])
    data = bytearray(source.getvalue())
    name = info.filename.encode()
    # Method 9 (Deflate64) in both headers of that member.
    for signature, name_offset, method_offset in ((b"PK\x03\x04", 30, 8), (b"PK\x01\x02", 46, 10)):
        position = data.find(signature)
        while position != -1:
            if data[position + name_offset : position + name_offset + len(name)] == name:
                data[position + method_offset : position + method_offset + 2] = b"\x09\x00"
            position = data.find(signature, position + 1)

    errors = errors_of(io.BytesIO(bytes(data)))

    assert errors == [
        "Le fichier « content/image.png » utilise une méthode de compression non prise en charge."
    ]


def test_truncated_archive_is_refused():
    data = build_h5p().getvalue()

    errors = errors_of(io.BytesIO(data[: len(data) // 2]))

    assert errors == ["L'archive n'est pas un fichier ZIP valide."]


def test_corrupted_deflate_stream_is_refused():
    source = build_h5p(replace={"content/notes.txt": os.urandom(2000).hex()})
    info = zipfile.ZipFile(source).getinfo("content/notes.txt")
    data = bytearray(source.getvalue())
    # Local header: 30 bytes, the name, an extra field whose length is at offset 28.
    extra = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + len(info.filename) + extra + info.compress_size // 2
    data[start : start + 40] = bytes(range(40))  # garbage inside the compressed bytes

    errors = errors_of(io.BytesIO(bytes(data)))

    assert len(errors) == 1 and errors[0].startswith("L'archive est corrompue")


@settings_hypothesis(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_damaged_archive_gets_a_french_message_never_a_crash(data):
    archive = SMALL_PACKAGE.getvalue()
    positions = data.draw(st.lists(st.integers(0, len(archive) - 1), min_size=1, max_size=8))
    damaged = bytearray(archive)
    for position in positions:
        damaged[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(archive) // 2, len(archive)))

    try:
        validate_package(io.BytesIO(bytes(damaged[:cut])), filename="activite.h5p")
    except H5PValidationError as error:
        assert error.errors and all(isinstance(message, str) for message in error.errors)
