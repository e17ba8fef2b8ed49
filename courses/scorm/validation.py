"""Validate an uploaded SCORM package (.zip) without extracting anything.

The archive passes the same safety checks as an H5P package, imported from
courses/h5p/validation/ (sizes and compression ratio, zip bombs, encrypted or corrupted
members, paths escaping the folder, absolute paths, backslashes, drive letters, symlinks,
control characters in names, duplicates even by case, a file named like a folder,
allow-listed extensions); then imsmanifest.xml, at the root, is parsed (manifest.py) and
every file it names — the launch file of each resource, its <file> entries — must be in
the archive. Every problem is collected as a French sentence and raised in one
ScormValidationError; reading stops early only when going on would be unsafe or
pointless.
"""

import posixpath
import zipfile
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..archives import (
    ArchiveError,
    Source,
    archive_size_errors,
    check_extension,
    compression_errors,
    integrity_errors,
    kept_members,
    limit_errors,
    open_archive,
    read_member,
)
from ..archives.names import shown_name
from .definitions import (
    MANIFEST,
    SCORM_EXTENSIONS,
    ScormLimits,
    ScormManifest,
    ScormValidationError,
    ValidatedScormPackage,
)
from .manifest import parse_manifest


def validate_scorm_package(
    fileobj: Source,
    *,
    filename: str,
    limits: ScormLimits = ScormLimits(),  # noqa: B008 - frozen, so sharing the default is safe.
) -> ValidatedScormPackage:
    """Check an uploaded SCORM package and return what it holds.

    `filename` is the name the file was uploaded under. Raise ScormValidationError
    listing every problem found; nothing else escapes, whatever the bytes.
    """
    try:
        return _validate(fileobj, filename, limits)
    except ScormValidationError:
        raise
    except ArchiveError as error:  # Raised by the checks shared with H5P packages.
        raise ScormValidationError(error.errors) from None


def _validate(source: Source, filename: str, limits: ScormLimits) -> ValidatedScormPackage:
    errors = _filename_errors(filename)
    _stop_if(errors, archive_size_errors(source, limits))
    archive = open_archive(source, errors)
    with archive:
        infos = archive.infolist()
        _stop_if(errors, limit_errors(infos, limits))
        _stop_if(errors, compression_errors(infos))
        _stop_if(errors, integrity_errors(archive, infos))
        members, ignored = _sort_members(infos, errors)
        raw = _read_manifest(archive, members, errors, limits)
    manifest = None
    if raw is not None:
        try:
            manifest = parse_manifest(raw)
        except ScormValidationError as error:
            errors += error.errors
    if manifest is not None:
        errors += _missing_file_errors(manifest, members)
    if errors:
        raise ScormValidationError(errors)
    assert manifest is not None
    return ValidatedScormPackage(
        manifest=manifest,
        files=list(members),
        total_size=sum(info.file_size for info in members.values()),
        ignored_files=ignored,
    )


def _filename_errors(filename: str) -> list[str]:
    if Path(filename).suffix.lower() == ".zip":
        return []
    return [
        _("Le fichier « %(name)s » doit être une archive .zip (paquet SCORM).")
        % {"name": shown_name(filename)}
    ]


def _stop_if(errors: list[str], fatal_errors: list[str]) -> None:
    if fatal_errors:
        raise ScormValidationError([*errors, *fatal_errors])


def _is_ignored(name: str) -> bool:
    """macOS metadata that zip tools add: never extracted nor served, never an error."""
    return name.startswith("__MACOSX/") or posixpath.basename(name) == ".DS_Store"


def _sort_members(
    infos: list[zipfile.ZipInfo], errors: list[str]
) -> tuple[dict[str, zipfile.ZipInfo], list[str]]:
    """Check every member's path, name and extension; return the kept files and the ignored."""
    members: dict[str, zipfile.ZipInfo] = {}
    ignored: list[str] = []
    for name, info in kept_members(infos, errors, ignored=ignored, is_ignored=_is_ignored):
        members[name] = info
        check_extension(name, SCORM_EXTENSIONS, errors)
    return members, ignored


def _read_manifest(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    errors: list[str],
    limits: ScormLimits,
) -> bytes | None:
    info = members.get(MANIFEST)
    if info is None:
        errors.append(_manifest_absent(members))
        return None
    raw = read_member(archive, info, limits.max_manifest_size)
    if raw is None:
        errors.append(
            _("Le fichier imsmanifest.xml est trop volumineux (maximum %(max)s).")
            % {"max": filesizeformat(limits.max_manifest_size)}
        )
    return raw


def _manifest_absent(members: dict[str, zipfile.ZipInfo]) -> str:
    nested = sorted(name for name in members if posixpath.basename(name) == MANIFEST)
    if not nested:
        return _("Le fichier imsmanifest.xml est absent de la racine du paquet.")
    return _(
        "Le fichier imsmanifest.xml est absent de la racine du paquet : il se trouve dans "
        "« %(folder)s ». Compressez le contenu de ce dossier, pas le dossier lui-même."
    ) % {"folder": shown_name(posixpath.dirname(nested[0]) + "/")}


def _missing_file_errors(manifest: ScormManifest, members: dict[str, zipfile.ZipInfo]) -> list[str]:
    errors = []
    for resource in manifest.resources.values():
        if resource.href is not None and resource.href not in members:
            errors.append(
                _("La ressource « %(resource)s » lance « %(href)s », absent du paquet.")
                % {"resource": shown_name(resource.identifier), "href": shown_name(resource.href)}
            )
        errors += [
            _("La ressource « %(resource)s » déclare le fichier « %(href)s », absent du paquet.")
            % {"resource": shown_name(resource.identifier), "href": shown_name(path)}
            for path in dict.fromkeys(resource.files)
            if path not in members and path != resource.href
        ]
    return errors
