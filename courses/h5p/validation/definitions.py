"""The policy's constants and the types validation returns: library references, limits."""

import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ...archives import ArchiveError

H5P_JSON = "h5p.json"


CONTENT_FOLDER = "content"


CONTENT_JSON = "content/content.json"


LIBRARY_JSON = "library.json"


SEMANTICS_JSON = "semantics.json"


# Rule 4, from H5P core's default allow-list.
CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav "
    "txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml csv vtt webvtt gltf glb".split()
)


# Libraries also carry their code and, as H5P core allows, Markdown notes: the official
# repositories ship their licence as LICENSE.md or LICENCE.md.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "md"}

# A library's licence notice may also have no extension (H5P.Components ships
# "LICENSE"). Only these names, at the top of a library folder, are accepted
# without one; they are served as plain text like any notice.
LICENCE_NOTICE_NAMES = frozenset({"license", "licence", "copying", "notice"})


def is_licence_notice(name: str) -> bool:
    """True for "<library folder>/LICENSE" and the like (no extension, any case)."""
    parts = name.split("/")
    return len(parts) == 2 and parts[1].casefold() in LICENCE_NOTICE_NAMES


EMBED_TYPES = frozenset({"iframe", "div"})


# Dependencies needed to play the content; editorDependencies only serve the H5P editor.
RUNTIME_DEPENDENCY_KEYS = ("preloadedDependencies", "dynamicDependencies")


LIBRARY_REQUIRED_FIELDS = (
    "title",
    "machineName",
    "majorVersion",
    "minorVersion",
    "patchVersion",
    "runnable",
)


# H5P core's pattern; a machine name also becomes a folder name on disk.
MACHINE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,254}$")


VERSIONED_FOLDER = re.compile(r"^(?P<name>.+)-(?P<major>\d+)\.(?P<minor>\d+)$")


TITLE_MAX_LENGTH = 255


# H5P core's pattern for h5p.json's language ("fr", "fr-FR", "und").
LANGUAGE_CODE = re.compile(r"^[-a-zA-Z]{1,10}$")


# The H5P core API the player implements: h5p-standalone 3.8.2 bundles the JavaScript
# of h5p-php-library as of February 2026 (H5PCore::$coreApi 1.28; its frame.bundle.js
# has the "large" density default of 2026-02-16 but not the content hash of
# 2026-04-27). Check again when upgrading h5p-standalone (see PLAYER_VERSION).
PLAYER_VERSION = "3.8.2"


PLAYER_CORE_API = (1, 28)


@dataclass(frozen=True, order=True)
class LibraryRef:
    """A library version as H5P addresses it: machine name, major and minor version."""

    machine_name: str
    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"

    @property
    def folder(self) -> str:
        """Return the folder name of this library on disk, e.g. "H5P.TrueFalse-1.6"."""
        return f"{self.machine_name}-{self.major}.{self.minor}"

    @classmethod
    def parse_dependency(cls, dep: dict) -> "LibraryRef":
        """Return the reference described by a dependency entry of h5p.json or library.json.

        Versions may be ints (library.json) or digit strings (h5p.json). Raise
        ValueError when the entry is malformed.
        """
        if not isinstance(dep, dict):
            raise ValueError("A dependency must be an object.")
        machine_name = dep.get("machineName")
        if not isinstance(machine_name, str) or not MACHINE_NAME.match(machine_name):
            raise ValueError(f"Invalid machineName: {machine_name!r}.")
        return cls(
            machine_name,
            parse_version(dep.get("majorVersion")),
            parse_version(dep.get("minorVersion")),
        )


@dataclass
class ValidatedPackage:
    """What the validator learnt about a valid package, enough to extract and register it."""

    title: str
    language: str
    main_library: LibraryRef
    h5p_json: dict
    content_json: dict
    # library.json of every library folder in the package, versions normalised to ints.
    libraries: dict[LibraryRef, dict]
    content_files: list[str]
    # Zip member names per library; the folder in the zip may be "Name" or "Name-1.2".
    library_files: dict[LibraryRef, list[str]]
    # Uncompressed size of the files that extraction writes.
    total_size: int
    # Files at the root of the archive besides h5p.json (e.g. H5P_CONTENT_HERE.txt).
    root_files: list[str] = field(default_factory=list)
    # Files skipped as H5P core skips them (a path segment starting with "." or "_").
    ignored_files: list[str] = field(default_factory=list)


class H5PValidationError(ArchiveError):
    """Carries every problem found, each a French sentence for the editor."""


@dataclass(frozen=True)
class Limits:
    """Size limits of rule 5; the ratio is uncompressed size over compressed size."""

    max_file_size: int = 16 * 1024 * 1024
    max_total_size: int = 64 * 1024 * 1024
    # The archive itself: its content plus room for zip headers.
    max_archive_size: int = 72 * 1024 * 1024
    max_compression_ratio: int = 100
    max_files: int = 5000
    # Small text files often compress beyond any sensible ratio and cannot hurt:
    # the ratio is only checked above this uncompressed size.
    ratio_min_size: int = 1024 * 1024
    # JSON files are read into memory, and h5p.json and content.json into database rows.
    max_json_size: int = 64 * 1024  # h5p.json, library.json
    max_semantics_size: int = 1024 * 1024
    max_content_json_size: int = 8 * 1024 * 1024


@dataclass
class _Layout:
    """Kept (not ignored) files of the archive, sorted by where they go."""

    members: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    root_files: list[str] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)
    content_files: list[str] = field(default_factory=list)
    library_folders: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class _Libraries:
    """Library folders of the archive: the valid ones and what the broken ones claim to be."""

    libraries: dict[LibraryRef, dict] = field(default_factory=dict)
    files: dict[LibraryRef, list[str]] = field(default_factory=dict)
    broken: set[LibraryRef] = field(default_factory=set)


def parse_version(value: Any) -> int:
    """Return a version number given as an int or a digit string; raise ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("A version is not a boolean.")
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise ValueError(f"Invalid version: {value!r}.")
