"""Validate an uploaded .h5p archive without extracting anything.

Implements rules 1 to 9 of the platform's H5P upload policy (docs: shared/H5P.md);
rule 10, who may install libraries, belongs to the admin. Every problem found is
collected, as a French sentence for the editor, and raised in one
H5PValidationError; reading stops early only when going on would be unsafe or
pointless (not a zip, zip bomb, corrupted archive, a file that cannot be read).

Beyond shared/H5P.md, it refuses what H5P core or the player would trip on later:
file names that cannot be stored or shown safely, case-only duplicates, JSON that
is not UTF-8, invalid language codes, a main library that is not a content type,
libraries needing a newer player, and dependency cycles.
"""

import codecs
import json
import os
import posixpath
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .svg import find_svg_threat, read_chunks

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
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css"}
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
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
TITLE_MAX_LENGTH = 255
# H5P core's pattern for h5p.json's language ("fr", "fr-FR", "und").
LANGUAGE_CODE = re.compile(r"^[-a-zA-Z]{1,10}$")
# Most file systems refuse longer names; the whole path stays well below PATH_MAX.
MAX_SEGMENT_BYTES = 255
MAX_PATH_BYTES = 1024
# Unicode bidirectional controls: they make a name display differently from what it is.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Methods zipfile can decompress; any other would fail halfway through extraction.
SUPPORTED_COMPRESSION = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
# What reading a crafted archive may raise besides H5PValidationError.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)
# The H5P core API the player implements: h5p-standalone 3.8.2 bundles the JavaScript
# of h5p-php-library as of February 2026 (H5PCore::$coreApi 1.28; its frame.bundle.js
# has the "large" density default of 2026-02-16 but not the content hash of
# 2026-04-27). Check again when upgrading h5p-standalone (see PLAYER_VERSION).
PLAYER_VERSION = "3.8.2"
PLAYER_CORE_API = (1, 28)
NAME_SHOWN_MAX = 120

Source = str | Path | IO[bytes]


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


class H5PValidationError(Exception):
    """Carries every problem found, each a French sentence for the editor."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


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


def is_ignored(name: str) -> bool:
    """Return True for members H5P skips: any path segment starting with "." or "_" (rule 3).

    H5P core skips them without refusing the package (h5p.classes.php, isValidPackage:
    `preg_match('/(^[\\._]|\\/[\\._])/', $fileName)` then `continue`), and so do we:
    official libraries ship `language/.en.json`, exports from macOS carry `__MACOSX/`
    and `.DS_Store`. Skipped files are never extracted nor served; their names are
    still checked (rule 2 and member_name_problem) since they are shown in messages.
    """
    return any(segment.startswith((".", "_")) for segment in name.split("/") if segment)


def shown_name(name: str) -> str:
    """Return a member name fit for a message: controls escaped, very long names cut."""
    shown = "".join(f"\\u{ord(char):04x}" if _is_unsafe_char(char) else char for char in name)
    if len(shown) > NAME_SHOWN_MAX:
        shown = shown[: NAME_SHOWN_MAX - 1] + "…"
    return shown


def _is_unsafe_char(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) == "Cc"


def member_name_problem(name: str) -> str | None:
    """Return why a member's name cannot be stored or shown safely, or None."""
    if any(_is_unsafe_char(char) for char in name):
        message = _(
            "Le nom du fichier « %(name)s » contient des caractères de contrôle ou de "
            "changement de sens d'écriture."
        )
    elif len(name.encode()) > MAX_PATH_BYTES:
        message = _("Le chemin du fichier « %(name)s » est trop long (plus de %(max)s octets).")
    elif any(len(segment.encode()) > MAX_SEGMENT_BYTES for segment in name.split("/")):
        message = _(
            "Le chemin du fichier « %(name)s » contient un nom de plus de %(segment_max)s octets."
        )
    else:
        return None
    return message % {
        "name": shown_name(name),
        "max": MAX_PATH_BYTES,
        "segment_max": MAX_SEGMENT_BYTES,
    }


def member_path_problem(info: zipfile.ZipInfo) -> str | None:
    """Return why this member could land outside the destination (rule 2), or None."""
    name = info.filename
    if name.startswith("/"):
        message = _("Le fichier « %(name)s » a un chemin absolu.")
    elif DRIVE_LETTER.match(name):
        message = _("Le fichier « %(name)s » commence par une lettre de lecteur.")
    elif "\\" in name:
        message = _("Le fichier « %(name)s » contient une barre oblique inverse dans son chemin.")
    elif ".." in name.split("/"):
        message = _("Le fichier « %(name)s » sort du dossier de destination.")
    elif stat.S_ISLNK(info.external_attr >> 16):
        message = _("Le fichier « %(name)s » est un lien symbolique, ce qui est interdit.")
    else:
        return None
    return message % {"name": shown_name(name)}


def validate_package(
    fileobj_or_path: Source,
    *,
    filename: str,
    installed: Iterable[LibraryRef] | Mapping[LibraryRef, dict] = (),
    limits: Limits = Limits(),  # noqa: B008 - frozen, so sharing the default is safe.
) -> ValidatedPackage:
    """Check an uploaded .h5p file against rules 1-9 and return what it holds.

    `filename` is the name the file was uploaded under; `installed` are the
    libraries already on the platform, which may satisfy dependencies: given as a
    mapping to their library.json, they are also checked as main library (runnable)
    and walked for dependency cycles. Raise H5PValidationError listing every
    problem found; nothing else escapes, whatever the bytes.
    """
    installed_json = dict(installed) if isinstance(installed, Mapping) else {}
    errors = _filename_errors(filename)
    _stop_if(errors, _archive_size_errors(fileobj_or_path, limits))
    archive = _open_archive(fileobj_or_path, errors)
    with archive:
        infos = archive.infolist()
        # Too big, unreadable or corrupted: reading further would be unsafe or meaningless.
        _stop_if(errors, _limit_errors(infos, limits))
        _stop_if(errors, _compression_errors(infos))
        _stop_if(errors, _integrity_errors(archive, infos))
        layout = _sort_members(infos, errors)
        errors += _svg_errors(archive, layout)
        h5p_json = _read_json_object(archive, layout, H5P_JSON, errors, limits.max_json_size)
        content_json = _read_json_object(
            archive, layout, CONTENT_JSON, errors, limits.max_content_json_size
        )
        found = _read_libraries(archive, layout, errors, limits)
    if content_json is not None:
        errors += _ignored_but_used_errors(content_json, layout.ignored_files)
    roots = [] if h5p_json is None else _h5p_json_dependencies(h5p_json, errors)
    errors += _missing_dependency_errors(roots, found, frozenset(installed))
    errors += _cycle_errors(roots, found.libraries | _without(installed_json, found.libraries))
    if h5p_json is not None and not errors:
        errors += _main_library_errors(_main_library(h5p_json), found, installed_json)
    _raise_if_any(errors)
    return ValidatedPackage(
        title=h5p_json["title"],
        language=h5p_json["language"],
        main_library=_main_library(h5p_json),
        h5p_json=h5p_json,
        content_json=content_json,
        libraries=found.libraries,
        content_files=layout.content_files,
        library_files=found.files,
        total_size=sum(info.file_size for info in layout.members.values()),
        root_files=[name for name in layout.root_files if name != H5P_JSON],
        ignored_files=layout.ignored_files,
    )


def _raise_if_any(errors: list[str]) -> None:
    if errors:
        raise H5PValidationError(errors)


def _stop_if(errors: list[str], fatal_errors: list[str]) -> None:
    """Raise at once, with the errors found so far, when there are fatal errors."""
    if fatal_errors:
        raise H5PValidationError([*errors, *fatal_errors])


# Rule 1: an .h5p file that is a sound zip.


def _filename_errors(filename: str) -> list[str]:
    if Path(filename).suffix.lower() == ".h5p":
        return []
    return [
        _("Le fichier « %(name)s » doit avoir l'extension .h5p.") % {"name": shown_name(filename)}
    ]


def _archive_size_errors(source: Source, limits: Limits) -> list[str]:
    """Refuse an archive bigger than its allowed content could make it, before opening it.

    Bytes outside the zip's directory would never be counted by the other limits.
    """
    try:
        if isinstance(source, str | Path):
            size = os.path.getsize(source)
        else:
            position = source.tell()
            size = source.seek(0, os.SEEK_END)
            source.seek(position)
    except (OSError, AttributeError, ValueError):
        return []  # Unknown size: opening the zip will say what is wrong.
    if size <= limits.max_archive_size:
        return []
    return [
        _("L'archive est trop volumineuse : %(size)s (maximum %(max)s).")
        % {"size": filesizeformat(size), "max": filesizeformat(limits.max_archive_size)}
    ]


def _open_archive(source: Source, errors: list[str]) -> zipfile.ZipFile:
    """Open the zip, or raise at once with the errors so far: nothing else can be checked."""
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise H5PValidationError(
            [*errors, _("L'archive n'est pas un fichier ZIP valide.")]
        ) from None


def _integrity_errors(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[str]:
    """Refuse encrypted members, then check every CRC (this decompresses everything)."""
    encrypted = [
        _(
            "Le fichier « %(name)s » est chiffré : "
            "les archives protégées par mot de passe sont refusées."
        )
        % {"name": shown_name(info.filename)}
        for info in infos
        if info.flag_bits & 0x1
    ]
    if encrypted:
        return encrypted
    try:
        corrupted = archive.testzip()
    except NotImplementedError:
        return [_("L'archive utilise une méthode de compression non prise en charge.")]
    except READ_ERRORS:
        return [_("L'archive est corrompue.")]
    if corrupted is None:
        return []
    return [
        _("L'archive est corrompue : le fichier « %(name)s » ne passe pas le contrôle d'intégrité.")
        % {"name": shown_name(corrupted)}
    ]


def _compression_errors(infos: list[zipfile.ZipInfo]) -> list[str]:
    """Refuse, before decompressing anything, members zipfile cannot decompress."""
    return [
        _("Le fichier « %(name)s » utilise une méthode de compression non prise en charge.")
        % {"name": shown_name(info.filename)}
        for info in infos
        if info.compress_type not in SUPPORTED_COMPRESSION
    ]


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_size: int) -> bytes | None:
    """Return a member's bytes, or None when it holds more than `max_size` bytes.

    Reading stops one byte past the limit, whatever size the archive declares.
    Raise H5PValidationError when the archive cannot be read.
    """
    if info.file_size > max_size:
        return None
    try:
        with archive.open(info) as member:
            data = member.read(max_size + 1)
    except READ_ERRORS:
        raise H5PValidationError(
            [
                _("L'archive est corrompue : le fichier « %(name)s » ne peut pas être lu.")
                % {"name": shown_name(info.filename)}
            ]
        ) from None
    return None if len(data) > max_size else data


# Rules 2 to 4: where each member goes and what it may be.


def _sort_members(infos: list[zipfile.ZipInfo], errors: list[str]) -> _Layout:
    """Check every member's path and extension and sort the kept ones by destination."""
    layout = _Layout()
    # Names as a case-insensitive file system (or a macOS export) sees them.
    folded: dict[str, str] = {}
    for info in infos:
        name = info.filename
        problem = member_path_problem(info) or member_name_problem(name)
        if problem:
            errors.append(problem)
            continue
        if info.is_dir():
            continue
        if is_ignored(name):
            layout.ignored_files.append(name)
            continue
        if name in layout.members:
            errors.append(
                _("Le fichier « %(name)s » figure plusieurs fois dans l'archive.")
                % {"name": shown_name(name)}
            )
            continue
        key = _folded(name)
        if key in folded:
            errors.append(
                _(
                    "Les fichiers « %(first)s » et « %(second)s » ne diffèrent que par la "
                    "casse (majuscules et minuscules) : renommez l'un des deux."
                )
                % {"first": shown_name(folded[key]), "second": shown_name(name)}
            )
            continue
        folded[key] = name
        layout.members[name] = info
        top, _slash, rest = name.partition("/")
        if not rest:
            _check_extension(name, CONTENT_EXTENSIONS, errors)
            layout.root_files.append(name)
        elif top == CONTENT_FOLDER:
            _check_extension(name, CONTENT_EXTENSIONS, errors)
            layout.content_files.append(name)
        else:
            _check_extension(name, LIBRARY_EXTENSIONS, errors)
            layout.library_folders.setdefault(top, []).append(name)
    errors += _file_and_folder_errors(folded)
    return layout


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _file_and_folder_errors(folded: dict[str, str]) -> list[str]:
    """Refuse a file whose name is also a folder of another file ("a.png" and "a.png/b.png")."""
    folders = {
        key.rsplit("/", depth)[0]: name
        for key, name in folded.items()
        for depth in range(1, key.count("/") + 1)
    }
    return [
        _("Le fichier « %(name)s » porte le nom du dossier de « %(other)s ».")
        % {"name": shown_name(name), "other": shown_name(folders[key])}
        for key, name in folded.items()
        if key in folders
    ]


def _check_extension(name: str, allowed: frozenset[str], errors: list[str]) -> None:
    extension = posixpath.splitext(posixpath.basename(name))[1].lower().lstrip(".")
    if not extension:
        errors.append(
            _("Le fichier « %(name)s » n'a pas d'extension : ce type de fichier est refusé.")
            % {"name": shown_name(name)}
        )
    elif extension not in allowed:
        errors.append(
            _("Le fichier « %(name)s » a une extension non autorisée (.%(extension)s).")
            % {"name": shown_name(name), "extension": shown_name(extension)}
        )


def _svg_errors(archive: zipfile.ZipFile, layout: _Layout) -> list[str]:
    errors = []
    for name, info in layout.members.items():
        if not name.lower().endswith(".svg"):
            continue
        try:
            with archive.open(info) as svg:
                threat = find_svg_threat(read_chunks(svg))
        except READ_ERRORS:
            raise H5PValidationError(
                [
                    _("L'archive est corrompue : le fichier « %(name)s » ne peut pas être lu.")
                    % {"name": shown_name(name)}
                ]
            ) from None
        if threat:
            errors.append(
                _("L'image « %(name)s » est refusée : %(reason)s.")
                % {"name": shown_name(name), "reason": threat}
            )
    return errors


# Rule 5: sizes and compression ratio, from the central directory only. zipfile never
# returns more bytes than a member declares, so declared sizes bound the real ones.


def _limit_errors(infos: list[zipfile.ZipInfo], limits: Limits) -> list[str]:
    if len(infos) > limits.max_files:
        return [
            _("L'archive contient trop de fichiers : %(count)s (maximum %(max)s).")
            % {"count": len(infos), "max": limits.max_files}
        ]
    errors = []
    for info in infos:
        if info.file_size > limits.max_file_size:
            errors.append(
                _("Le fichier « %(name)s » est trop volumineux : %(size)s (maximum %(max)s).")
                % {
                    "name": shown_name(info.filename),
                    "size": filesizeformat(info.file_size),
                    "max": filesizeformat(limits.max_file_size),
                }
            )
        if _ratio_exceeded(info.file_size, info.compress_size, limits):
            errors.append(
                _(
                    "Le fichier « %(name)s » est anormalement compressé (%(ratio)s pour 1) : "
                    "l'archive ressemble à une bombe de décompression."
                )
                % {
                    "name": shown_name(info.filename),
                    "ratio": info.file_size // max(info.compress_size, 1),
                }
            )
    errors += _total_limit_errors(infos, limits)
    return errors


def _total_limit_errors(infos: list[zipfile.ZipInfo], limits: Limits) -> list[str]:
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos)
    errors = []
    if total > limits.max_total_size:
        errors.append(
            _(
                "Le contenu décompressé de l'archive est trop volumineux : "
                "%(size)s (maximum %(max)s)."
            )
            % {"size": filesizeformat(total), "max": filesizeformat(limits.max_total_size)}
        )
    if _ratio_exceeded(total, compressed, limits):
        errors.append(
            _(
                "L'archive est anormalement compressée (%(ratio)s pour 1) : "
                "elle ressemble à une bombe de décompression."
            )
            % {"ratio": total // max(compressed, 1)}
        )
    return errors


def _ratio_exceeded(size: int, compressed: int, limits: Limits) -> bool:
    if size <= limits.ratio_min_size:
        return False
    return size > limits.max_compression_ratio * max(compressed, 1)


# Rules 6 and 7: h5p.json and content/content.json.


def _read_json_object(
    archive: zipfile.ZipFile,
    layout: _Layout,
    name: str,
    errors: list[str],
    max_size: int,
    *,
    required: bool = True,
    kind: type = dict,
) -> Any:
    """Return the JSON object (or list: `kind`) in member `name`, or None after recording why.

    A missing member is no error when it is not `required`.
    """
    info = layout.members.get(name)
    if info is None:
        if required:
            errors.append(
                _("Le fichier « %(name)s » est absent de l'archive.") % {"name": shown_name(name)}
            )
        return None
    raw = _read_member(archive, info, max_size)
    if raw is None:
        errors.append(
            _("Le fichier « %(name)s » est trop volumineux (maximum %(max)s).")
            % {"name": shown_name(name), "max": filesizeformat(max_size)}
        )
        return None
    try:
        data = parse_json(raw)
    except UnicodeError:
        errors.append(
            _("Le fichier « %(name)s » doit être encodé en UTF-8.") % {"name": shown_name(name)}
        )
        return None
    except (ValueError, RecursionError):
        errors.append(
            _("Le fichier « %(name)s » n'est pas un JSON valide.") % {"name": shown_name(name)}
        )
        return None
    if not isinstance(data, kind):
        message = (
            _("Le fichier « %(name)s » doit contenir un objet JSON.")
            if kind is dict
            else _("Le fichier « %(name)s » doit contenir une liste JSON.")
        )
        errors.append(message % {"name": shown_name(name)})
        return None
    return data


def parse_json(raw: bytes) -> Any:
    """Return the JSON document in `raw` as the player's browser would read it.

    UTF-8 only: a UTF-8 byte order mark is skipped (browsers' JSON decoding skips
    it, and so do Lumi and the H5P editor's Node tools), UTF-16 and UTF-32 raise
    UnicodeError (the player would read garbage). NaN and Infinity, which Python
    accepts but JSON.parse refuses, raise ValueError.
    """
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or raw.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise UnicodeError("UTF-16 or UTF-32 byte order mark.")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    # Without a byte order mark, UTF-16 and UTF-32 JSON start with a zero byte
    # next to the first ASCII character (RFC 4627, section 3).
    if b"\x00" in raw[:4]:
        raise UnicodeError("UTF-16 or UTF-32 without byte order mark.")
    text = raw.decode("utf-8")
    return json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON.")


def _ignored_but_used_errors(content_json: dict, ignored: list[str]) -> list[str]:
    """Refuse a skipped content file that content.json uses: the activity would miss it.

    content.json gives files relative to content/ ("images/photo.png").
    """
    skipped = {
        name.removeprefix(f"{CONTENT_FOLDER}/"): name
        for name in ignored
        if name.startswith(f"{CONTENT_FOLDER}/")
    }
    if not skipped:
        return []
    used = [skipped[value] for value in _strings_in(content_json) if value in skipped]
    return [
        _(
            "Le fichier « %(name)s » est utilisé par « content/content.json », mais H5P "
            "ignore les fichiers et dossiers dont le nom commence par « . » ou « _ » : "
            "renommez-le."
        )
        % {"name": shown_name(name)}
        for name in dict.fromkeys(used)
    ]


def _strings_in(data: Any) -> Iterable[str]:
    """Yield every string value of a JSON document, without recursion."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


def _h5p_json_dependencies(h5p_json: dict, errors: list[str]) -> list[LibraryRef]:
    """Check h5p.json's fields (rule 6) and return its runtime dependencies."""
    errors += _h5p_json_field_errors(h5p_json)
    preloaded = h5p_json.get("preloadedDependencies")
    if not isinstance(preloaded, list) or not preloaded:
        errors.append(
            _(
                "Le fichier « h5p.json » doit lister les bibliothèques requises "
                "(preloadedDependencies)."
            )
        )
        return []
    dependencies = _dependency_list(h5p_json, H5P_JSON, errors)
    main_library = h5p_json.get("mainLibrary")
    if not isinstance(main_library, str) or not main_library:
        errors.append(
            _("Le fichier « h5p.json » n'indique pas sa bibliothèque principale (mainLibrary).")
        )
    elif main_library not in {ref.machine_name for ref in dependencies}:
        errors.append(
            _(
                "La bibliothèque principale « %(library)s » ne figure pas parmi les "
                "preloadedDependencies de « h5p.json »."
            )
            % {"library": main_library}
        )
    return dependencies


def _h5p_json_field_errors(h5p_json: dict) -> list[str]:
    errors = []
    title = h5p_json.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > TITLE_MAX_LENGTH:
        errors.append(
            _("Le titre (title) de « h5p.json » doit compter entre 1 et %(max)s caractères.")
            % {"max": TITLE_MAX_LENGTH}
        )
    language = h5p_json.get("language")
    if not isinstance(language, str) or not language.strip():
        errors.append(_("Le fichier « h5p.json » n'indique pas de langue (language)."))
    elif not LANGUAGE_CODE.match(language):
        errors.append(
            _(
                "La langue (language) de « h5p.json » doit être un code de langue comme "
                "« fr », « fr-FR » ou « und » (%(max)s lettres ou tirets au plus)."
            )
            % {"max": 10}
        )
    embed_types = h5p_json.get("embedTypes")
    if (
        not isinstance(embed_types, list)
        or not embed_types
        or not all(isinstance(kind, str) and kind in EMBED_TYPES for kind in embed_types)
    ):
        errors.append(
            _(
                "Les modes d'intégration (embedTypes) de « h5p.json » doivent être "
                "« iframe », « div » ou les deux."
            )
        )
    return errors


def _main_library(h5p_json: dict) -> LibraryRef:
    """Return the dependency matching mainLibrary (h5p.json is known to be valid)."""
    for dep in h5p_json["preloadedDependencies"]:
        ref = LibraryRef.parse_dependency(dep)
        if ref.machine_name == h5p_json["mainLibrary"]:
            return ref
    raise AssertionError("validate_package checked that mainLibrary is a dependency.")


def _dependency_list(data: dict, owner: str, errors: list[str]) -> list[LibraryRef]:
    """Return the runtime dependencies declared in `data`, recording malformed entries."""
    refs = []
    for key in RUNTIME_DEPENDENCY_KEYS:
        entries = data.get(key, [])
        if not isinstance(entries, list):
            errors.append(
                _("La liste %(key)s de « %(owner)s » est invalide.") % {"key": key, "owner": owner}
            )
            continue
        for index, entry in enumerate(entries, start=1):
            try:
                refs.append(LibraryRef.parse_dependency(entry))
            except ValueError:
                errors.append(
                    _(
                        "L'entrée n° %(index)s de %(key)s dans « %(owner)s » est invalide "
                        "(machineName, majorVersion et minorVersion sont requis)."
                    )
                    % {"index": index, "key": key, "owner": owner}
                )
    return refs


# Rule 8: library folders.


def _read_libraries(
    archive: zipfile.ZipFile, layout: _Layout, errors: list[str], limits: Limits
) -> _Libraries:
    """Read and check every library folder's library.json (rule 8) and semantics.json."""
    found = _Libraries()
    for folder, names in layout.library_folders.items():
        library_json = _read_json_object(
            archive, layout, f"{folder}/{LIBRARY_JSON}", errors, limits.max_json_size
        )
        # The H5P editor reads semantics.json; H5P core refuses a library whose copy is broken.
        _read_json_object(
            archive,
            layout,
            f"{folder}/{SEMANTICS_JSON}",
            errors,
            limits.max_semantics_size,
            required=False,
            kind=list,
        )
        library = (
            None if library_json is None else _check_library_json(folder, library_json, errors)
        )
        if library is None:
            found.broken |= _ref_from_folder_name(folder)
            continue
        ref = _ref_of(library)
        if ref in found.libraries:
            errors.append(
                _("La bibliothèque %(library)s figure deux fois dans l'archive.") % {"library": ref}
            )
            continue
        _check_preloaded_files(folder, ref, library, set(names), errors)
        found.libraries[ref] = library
        found.files[ref] = names
    return found


def _ref_from_folder_name(folder: str) -> set[LibraryRef]:
    """Return what a "Name-1.2" folder claims to be, as a set of zero or one reference."""
    match = VERSIONED_FOLDER.match(folder)
    if not match:
        return set()
    return {LibraryRef(match["name"], int(match["major"]), int(match["minor"]))}


def _ref_of(library: dict) -> LibraryRef:
    return LibraryRef(library["machineName"], library["majorVersion"], library["minorVersion"])


def _check_library_json(folder: str, library_json: dict, errors: list[str]) -> dict | None:
    """Return library.json with int versions, or None after recording what is wrong."""
    owner = f"{folder}/{LIBRARY_JSON}"
    missing = [key for key in LIBRARY_REQUIRED_FIELDS if key not in library_json]
    if missing:
        errors.append(
            _("Le fichier « %(owner)s » ne précise pas : %(fields)s.")
            % {"owner": owner, "fields": ", ".join(missing)}
        )
        return None
    library = dict(library_json)
    try:
        for key in ("majorVersion", "minorVersion", "patchVersion"):
            library[key] = parse_version(library_json[key])
    except ValueError:
        errors.append(
            _("Les numéros de version de « %(owner)s » sont invalides.") % {"owner": owner}
        )
        return None
    machine_name, title = library["machineName"], library["title"]
    if not isinstance(machine_name, str) or not MACHINE_NAME.match(machine_name):
        errors.append(
            _("Le nom machine (machineName) de « %(owner)s » est invalide.") % {"owner": owner}
        )
        return None
    if not isinstance(title, str) or not title.strip():
        errors.append(_("Le titre (title) de « %(owner)s » est vide.") % {"owner": owner})
    # H5P core checks runnable against /^(0|1)$/ once cast to a string.
    if str(library["runnable"]).lower() not in {"0", "1", "true", "false"}:
        errors.append(
            _("Le champ runnable de « %(owner)s » doit valoir 0 ou 1.") % {"owner": owner}
        )
    errors += _core_api_errors(owner, library)
    ref = _ref_of(library)
    if folder not in (machine_name, ref.folder):
        errors.append(
            _(
                "Le dossier « %(folder)s » ne correspond pas à son library.json "
                "(attendu : « %(expected)s »)."
            )
            % {"folder": folder, "expected": ref.folder}
        )
        return None
    _dependency_list(library, owner, errors)
    return library


def _core_api_errors(owner: str, library: dict) -> list[str]:
    """Refuse a library needing a newer H5P core API than the player's (as H5P core does)."""
    core_api = library.get("coreApi")
    if core_api is None or core_api == {} or core_api == []:
        return []  # No requirement means 1.0.
    try:
        if not isinstance(core_api, dict):
            raise ValueError("coreApi must be an object.")
        required = (
            parse_version(core_api.get("majorVersion")),
            parse_version(core_api.get("minorVersion", 0)),
        )
    except ValueError:
        return [
            _("La version de l'API H5P (coreApi) de « %(owner)s » est invalide.") % {"owner": owner}
        ]
    if required <= PLAYER_CORE_API:
        return []
    return [
        _(
            "La bibliothèque « %(library)s » demande la version %(required)s de l'API H5P ; "
            "le lecteur de la plateforme fournit la version %(current)s. Exportez l'activité "
            "avec des bibliothèques plus anciennes."
        )
        % {
            "library": owner.partition("/")[0],
            "required": f"{required[0]}.{required[1]}",
            "current": f"{PLAYER_CORE_API[0]}.{PLAYER_CORE_API[1]}",
        }
    ]


def _check_preloaded_files(
    folder: str, ref: LibraryRef, library: dict, names: set[str], errors: list[str]
) -> None:
    for key in ("preloadedJs", "preloadedCss"):
        entries = library.get(key, [])
        if not isinstance(entries, list):
            entries = [None]
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or posixpath.normpath(f"{folder}/{path}") not in names:
                errors.append(
                    _(
                        "Le fichier « %(path)s » déclaré dans %(key)s de la bibliothèque "
                        "%(library)s est absent du paquet."
                    )
                    % {"path": path, "key": key, "library": ref}
                )


# Rule 9: every runtime dependency is in the package or already installed.


def _missing_dependency_errors(
    roots: list[LibraryRef], found: _Libraries, installed: frozenset[LibraryRef]
) -> list[str]:
    """Walk the dependency graph from h5p.json and report each missing library once.

    Installed libraries are not walked: their own dependencies were checked when
    they were installed. Folders with a broken library.json count as present, their
    error being already reported.
    """
    libraries = found.libraries
    present = libraries.keys() | found.broken
    requirers: dict[LibraryRef, list[str]] = {}
    pending = [(ref, H5P_JSON) for ref in roots]
    visited: set[LibraryRef] = set()
    while pending:
        ref, requirer = pending.pop(0)
        if ref in present:
            if ref not in visited and ref in libraries:
                visited.add(ref)
                ignored: list[str] = []  # Malformed entries were reported by rule 8.
                owner = str(ref)
                pending += [
                    (dep, owner) for dep in _dependency_list(libraries[ref], owner, ignored)
                ]
        elif ref not in installed:
            names = requirers.setdefault(ref, [])
            if requirer not in names:
                names.append(requirer)
    return [
        _(
            "La bibliothèque %(library)s, requise par %(requirers)s, est absente du paquet "
            "et n'est pas installée sur la plateforme."
        )
        % {"library": ref, "requirers": _join(sorted(names, key=lambda name: name == H5P_JSON))}
        for ref, names in requirers.items()
    ]


def _join(names: list[str]) -> str:
    """Return "a, b et c"."""
    if len(names) == 1:
        return names[0]
    return _("%(first)s et %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _without(installed: dict[LibraryRef, dict], present: Mapping) -> dict[LibraryRef, dict]:
    """Return installed libraries the package does not bring (its own copy wins)."""
    return {ref: data for ref, data in installed.items() if ref not in present}


# Dependency cycles: h5p-standalone orders libraries with toposort, which throws on a
# cycle, so such an activity would never load.


def _cycle_errors(roots: list[LibraryRef], libraries: Mapping[LibraryRef, dict]) -> list[str]:
    """Report each runtime dependency cycle reachable from h5p.json once."""
    cycles: list[list[LibraryRef]] = []
    done: set[LibraryRef] = set()
    for root in roots:
        _find_cycles(root, libraries, [], done, cycles)
    return [
        _(
            "Les bibliothèques %(cycle)s dépendent les unes des autres en boucle : "
            "le lecteur ne pourrait pas les charger."
        )
        % {"cycle": " → ".join(str(ref) for ref in cycle)}
        for cycle in cycles
    ]


def _find_cycles(
    ref: LibraryRef,
    libraries: Mapping[LibraryRef, dict],
    path: list[LibraryRef],
    done: set[LibraryRef],
    cycles: list[list[LibraryRef]],
) -> None:
    """Depth-first walk; `path` holds the libraries being visited, `done` the finished ones."""
    if ref in path:
        cycles.append([*path[path.index(ref) :], ref])
        return
    if ref in done or ref not in libraries:
        return
    path.append(ref)
    ignored: list[str] = []  # Malformed entries are reported by rule 8.
    for dependency in _dependency_list(libraries[ref], str(ref), ignored):
        _find_cycles(dependency, libraries, path, done, cycles)
    path.pop()
    done.add(ref)


def _main_library_errors(
    main: LibraryRef, found: _Libraries, installed: Mapping[LibraryRef, dict]
) -> list[str]:
    """Refuse a main library that is not a content type (runnable 0), as H5P core does."""
    library = found.libraries.get(main) or installed.get(main)
    # An installed library recorded without its library.json cannot be judged here.
    if library is None or "runnable" not in library or _is_runnable(library["runnable"]):
        return []
    return [
        _(
            "La bibliothèque principale %(library)s n'est pas un type de contenu "
            "(runnable vaut 0) : elle ne peut pas être jouée seule."
        )
        % {"library": main}
    ]


def _is_runnable(value: Any) -> bool:
    return str(value).lower() in {"1", "true"}
