"""Validate an uploaded .h5p archive without extracting anything.

Implements rules 1 to 9 of the platform's H5P upload policy (docs: shared/H5P.md);
rule 10, who may install libraries, belongs to the admin. Every problem found is
collected, as a French sentence for the editor, and raised in one
H5PValidationError; reading stops early only when going on would be unsafe or
pointless (not a zip, zip bomb, corrupted archive).
"""

import json
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
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
    max_compression_ratio: int = 100
    max_files: int = 5000
    # Small text files often compress beyond any sensible ratio and cannot hurt:
    # the ratio is only checked above this uncompressed size.
    ratio_min_size: int = 1024 * 1024


@dataclass
class _Layout:
    """Kept (not ignored) files of the archive, sorted by where they go."""

    members: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    root_files: list[str] = field(default_factory=list)
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
    """Return True for members H5P skips: any path segment starting with "." or "_" (rule 3)."""
    return any(segment.startswith((".", "_")) for segment in name.split("/") if segment)


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
    return message % {"name": name}


def validate_package(
    fileobj_or_path: Source,
    *,
    filename: str,
    installed: Iterable[LibraryRef] = (),
    limits: Limits = Limits(),  # noqa: B008 - frozen, so sharing the default is safe.
) -> ValidatedPackage:
    """Check an uploaded .h5p file against rules 1-9 and return what it holds.

    `filename` is the name the file was uploaded under; `installed` are the
    libraries already on the platform, which may satisfy dependencies.
    Raise H5PValidationError listing every problem found.
    """
    errors = _filename_errors(filename)
    archive = _open_archive(fileobj_or_path, errors)
    with archive:
        infos = archive.infolist()
        # Too big or corrupted: reading further would be unsafe or meaningless.
        _stop_if(errors, _limit_errors(infos, limits))
        _stop_if(errors, _integrity_errors(archive, infos))
        layout = _sort_members(infos, errors)
        errors += _svg_errors(archive, layout)
        h5p_json = _read_json_object(archive, layout, H5P_JSON, errors)
        content_json = _read_json_object(archive, layout, CONTENT_JSON, errors)
        found = _read_libraries(archive, layout, errors)
    roots = [] if h5p_json is None else _h5p_json_dependencies(h5p_json, errors)
    errors += _missing_dependency_errors(roots, found, frozenset(installed))
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
    return [_("Le fichier « %(name)s » doit avoir l'extension .h5p.") % {"name": filename}]


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
        % {"name": info.filename}
        for info in infos
        if info.flag_bits & 0x1
    ]
    if encrypted:
        return encrypted
    try:
        corrupted = archive.testzip()
    except NotImplementedError:
        return [_("L'archive utilise une méthode de compression non prise en charge.")]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError):
        return [_("L'archive est corrompue.")]
    if corrupted is None:
        return []
    return [
        _("L'archive est corrompue : le fichier « %(name)s » ne passe pas le contrôle d'intégrité.")
        % {"name": corrupted}
    ]


# Rules 2 to 4: where each member goes and what it may be.


def _sort_members(infos: list[zipfile.ZipInfo], errors: list[str]) -> _Layout:
    """Check every member's path and extension and sort the kept ones by destination."""
    layout = _Layout()
    for info in infos:
        name = info.filename
        problem = member_path_problem(info)
        if problem:
            errors.append(problem)
            continue
        if info.is_dir() or is_ignored(name):
            continue
        if name in layout.members:
            errors.append(
                _("Le fichier « %(name)s » figure plusieurs fois dans l'archive.") % {"name": name}
            )
            continue
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
    return layout


def _check_extension(name: str, allowed: frozenset[str], errors: list[str]) -> None:
    extension = posixpath.splitext(posixpath.basename(name))[1].lower().lstrip(".")
    if not extension:
        errors.append(
            _("Le fichier « %(name)s » n'a pas d'extension : ce type de fichier est refusé.")
            % {"name": name}
        )
    elif extension not in allowed:
        errors.append(
            _("Le fichier « %(name)s » a une extension non autorisée (.%(extension)s).")
            % {"name": name, "extension": extension}
        )


def _svg_errors(archive: zipfile.ZipFile, layout: _Layout) -> list[str]:
    errors = []
    for name, info in layout.members.items():
        if not name.lower().endswith(".svg"):
            continue
        with archive.open(info) as svg:
            threat = find_svg_threat(read_chunks(svg))
        if threat:
            errors.append(
                _("L'image « %(name)s » est refusée : %(reason)s.")
                % {"name": name, "reason": threat}
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
                    "name": info.filename,
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
                % {"name": info.filename, "ratio": info.file_size // max(info.compress_size, 1)}
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
    archive: zipfile.ZipFile, layout: _Layout, name: str, errors: list[str]
) -> dict | None:
    """Return the JSON object stored in member `name`, or None after recording why not."""
    info = layout.members.get(name)
    if info is None:
        errors.append(_("Le fichier « %(name)s » est absent de l'archive.") % {"name": name})
        return None
    try:
        data = json.loads(archive.read(info))
    except (ValueError, RecursionError):
        errors.append(_("Le fichier « %(name)s » n'est pas un JSON valide.") % {"name": name})
        return None
    if not isinstance(data, dict):
        errors.append(_("Le fichier « %(name)s » doit contenir un objet JSON.") % {"name": name})
        return None
    return data


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


def _read_libraries(archive: zipfile.ZipFile, layout: _Layout, errors: list[str]) -> _Libraries:
    """Read and check every library folder's library.json (rule 8)."""
    found = _Libraries()
    for folder, names in layout.library_folders.items():
        library_json = _read_json_object(archive, layout, f"{folder}/{LIBRARY_JSON}", errors)
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
