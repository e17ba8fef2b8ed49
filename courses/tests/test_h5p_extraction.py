"""Extraction of validated .h5p archives: content per package, libraries shared."""

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest

from courses.h5p import extraction
from courses.h5p.extraction import LOCK_NAME, extract_package
from courses.h5p.validation import validate_package
from courses.h5p.validation.definitions import H5PValidationError, LibraryRef

from .h5p_builders import (
    EDITOR_LIBRARIES,
    FIXTURE_DIR,
    RUNTIME_LIBRARIES,
    build_h5p,
    fixture_json,
    needs_npm_fixtures,
)

pytestmark = needs_npm_fixtures()

QUESTION = LibraryRef("H5P.Question", 1, 4)
OLD_TIME = 1_000_000_000  # 2001: a time no extraction can produce.


@pytest.fixture
def media(tmp_path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def libraries_dir(media) -> Path:
    return media / "h5p" / "libraries"


def extract(source, content_dir: Path, libraries_dir: Path, **validation) -> list[LibraryRef]:
    """Validate then extract `source`, as the upload task does."""
    package = validate_package(source, filename="activite.h5p", **validation)
    source.seek(0)
    return extract_package(source, package, content_dir=content_dir, libraries_dir=libraries_dir)


def files_under(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file() or path.is_symlink()}


def library_folders(libraries_dir: Path) -> set[str]:
    return {path.name for path in libraries_dir.iterdir() if path.name != LOCK_NAME}


def question_with_patch(patch: int, **changes) -> dict:
    library = fixture_json("H5P.Question-1.4/library.json")
    library["patchVersion"] = patch
    return library | changes


def test_extracts_content_and_libraries_and_nothing_else(tmp_path, media, libraries_dir):
    content_dir = media / "h5p" / "content" / "1"

    installed = extract(build_h5p(), content_dir, libraries_dir)

    assert installed == sorted(RUNTIME_LIBRARIES | EDITOR_LIBRARIES)
    assert (content_dir / "h5p.json").read_bytes() == (FIXTURE_DIR / "h5p.json").read_bytes()
    assert json.loads((content_dir / "content" / "content.json").read_bytes())["correct"] == "false"
    assert (content_dir / "H5P_CONTENT_HERE.txt").is_file()
    assert library_folders(libraries_dir) == {ref.folder for ref in installed}
    assert (libraries_dir / "H5P.TrueFalse-1.6" / "scripts" / "h5p-true-false.js").is_file()
    for path in files_under(tmp_path):
        assert path.is_relative_to(content_dir) or path.is_relative_to(libraries_dir), path
    assert len(files_under(libraries_dir)) == len(files_under(FIXTURE_DIR)) - 3 + 1  # + lock


def test_extracted_files_and_folders_have_safe_modes(media, libraries_dir):
    content_dir = media / "content"

    extract(build_h5p(), content_dir, libraries_dir)

    for path in [content_dir, *content_dir.rglob("*"), *libraries_dir.rglob("*")]:
        mode = path.lstat().st_mode
        assert not stat.S_ISLNK(mode)
        assert stat.S_IMODE(mode) == (0o755 if stat.S_ISDIR(mode) else 0o644), path


def test_ignored_members_are_not_written(media, libraries_dir):
    source = build_h5p(
        raw=[
            ("__MACOSX/content/._content.json", b"x"),
            ("content/.htaccess", b"x"),
            ("H5P.TrueFalse-1.6/_build/evil.php", b"x"),
        ]
    )

    extract(source, media / "content", libraries_dir)

    names = {path.name for path in media.rglob("*")}
    assert names.isdisjoint({"__MACOSX", "._content.json", ".htaccess", "_build", "evil.php"})


def test_second_package_reuses_installed_libraries(media, libraries_dir):
    extract(build_h5p(), media / "content" / "1", libraries_dir)
    for path in libraries_dir.rglob("*"):
        os.utime(path, (OLD_TIME, OLD_TIME), follow_symlinks=False)
    content_json = fixture_json("content/content.json") | {"question": "<p>Vrai ?</p>"}

    installed = extract(
        build_h5p(content_json=content_json), media / "content" / "2", libraries_dir
    )

    assert installed == []
    for path in libraries_dir.rglob("*"):
        if path.name != LOCK_NAME:
            assert path.stat().st_mtime == OLD_TIME, path
    assert "Vrai ?" in (media / "content" / "2" / "content" / "content.json").read_text()


def test_higher_patch_version_upgrades_the_library(media, libraries_dir):
    extract(build_h5p(), media / "content" / "1", libraries_dir)
    source = build_h5p(
        replace={
            "H5P.Question-1.4/library.json": question_with_patch(7),
            "H5P.Question-1.4/CHANGES.txt": "7",
        }
    )

    installed = extract(source, media / "content" / "2", libraries_dir)

    assert installed == [QUESTION]
    folder = libraries_dir / "H5P.Question-1.4"
    assert json.loads((folder / "library.json").read_bytes())["patchVersion"] == 7
    assert (folder / "CHANGES.txt").read_text() == "7"
    assert (folder / "scripts" / "question.js").is_file()
    assert library_folders(libraries_dir) == {
        ref.folder for ref in RUNTIME_LIBRARIES | EDITOR_LIBRARIES
    }


def test_lower_patch_version_does_not_downgrade(media, libraries_dir):
    source = build_h5p(replace={"H5P.Question-1.4/library.json": question_with_patch(9)})
    extract(source, media / "content" / "1", libraries_dir)
    older = build_h5p(replace={"H5P.Question-1.4/library.json": question_with_patch(2)})

    installed = extract(older, media / "content" / "2", libraries_dir)

    assert installed == []
    library = json.loads((libraries_dir / "H5P.Question-1.4" / "library.json").read_bytes())
    assert library["patchVersion"] == 9


def test_library_folder_named_after_machine_name_is_stored_under_its_version(media, libraries_dir):
    source = build_h5p(rename_folders={"H5P.Question-1.4": "H5P.Question"})

    extract(source, media / "content", libraries_dir)

    assert (libraries_dir / "H5P.Question-1.4" / "library.json").is_file()
    assert not (libraries_dir / "H5P.Question").exists()


def test_libraries_already_installed_are_not_required_in_the_package(media, libraries_dir):
    extract(build_h5p(), media / "content" / "1", libraries_dir)
    source = build_h5p(remove=["H5P.Question-1.4/"])

    installed = extract(source, media / "content" / "2", libraries_dir, installed=[QUESTION])

    assert installed == []


def test_failure_while_writing_content_removes_it(media, libraries_dir, monkeypatch):
    content_dir = media / "content"
    source = build_h5p(replace={"content/images/a.png": b"a", "content/images/b.png": b"b"})
    fail_on_call(monkeypatch, 3)

    with pytest.raises(OSError, match="disque plein"):
        extract(source, content_dir, libraries_dir)

    assert not content_dir.exists()
    assert not libraries_dir.exists() or library_folders(libraries_dir) == set()


def test_failure_while_installing_libraries_removes_content_and_staging(
    media, libraries_dir, monkeypatch
):
    content_dir = media / "content"
    content_dir.mkdir(parents=True)
    # Calls 1-3 write the content, 4-6 Drop-1.0 (complete), 7-8 part of FontAwesome-4.5.
    fail_on_call(monkeypatch, 8)

    with pytest.raises(OSError, match="disque plein"):
        extract(build_h5p(), content_dir, libraries_dir)

    assert content_dir.is_dir() and not any(content_dir.iterdir())
    # No staging folder is left; the library installed before the failure is complete.
    assert library_folders(libraries_dir) == {"Drop-1.0"}
    assert len(files_under(libraries_dir / "Drop-1.0")) == 3


def fail_on_call(monkeypatch, failing_call: int) -> None:
    """Make extraction's file writer fail on its `failing_call`-th call (a full disk)."""
    calls = []
    write_file = extraction._write_file

    def flaky_write_file(*args, **kwargs):
        calls.append(args)
        if len(calls) == failing_call:
            raise OSError("disque plein")
        write_file(*args, **kwargs)

    monkeypatch.setattr(extraction, "_write_file", flaky_write_file)


def test_content_dir_must_be_empty(media, libraries_dir):
    content_dir = media / "content"
    content_dir.mkdir(parents=True)
    (content_dir / "old.txt").write_text("ancien")

    with pytest.raises(FileExistsError):
        extract(build_h5p(), content_dir, libraries_dir)

    assert (content_dir / "old.txt").read_text() == "ancien"


def test_unsafe_member_slipped_into_a_package_is_not_written(tmp_path, media, libraries_dir):
    source = build_h5p(raw=[("content/../../evil.json", b"{}")])
    package = validate_package(build_h5p(), filename="activite.h5p")
    tampered = dataclasses.replace(
        package, content_files=[*package.content_files, "content/../../evil.json"]
    )

    with pytest.raises(H5PValidationError) as raised:
        extract_package(
            source, tampered, content_dir=media / "content", libraries_dir=libraries_dir
        )

    assert raised.value.errors == [
        "Le fichier « content/../../evil.json » sort du dossier de destination."
    ]
    assert not any(path.name == "evil.json" for path in tmp_path.rglob("*"))
    assert not (media / "content").exists()


def test_symlink_planted_in_libraries_dir_is_replaced_not_followed(tmp_path, media, libraries_dir):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "library.json").write_text(json.dumps(question_with_patch(99)))
    libraries_dir.mkdir(parents=True)
    (libraries_dir / "H5P.Question-1.4").symlink_to(outside, target_is_directory=True)

    installed = extract(build_h5p(), media / "content", libraries_dir)

    assert QUESTION in installed
    assert not (libraries_dir / "H5P.Question-1.4").is_symlink()
    assert (libraries_dir / "H5P.Question-1.4" / "scripts" / "question.js").is_file()
    assert [path.name for path in outside.iterdir()] == ["library.json"]
