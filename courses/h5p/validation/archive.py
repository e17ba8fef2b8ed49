"""Rules 1 to 5: a sound zip, where each member goes and what it may be, sizes and ratios."""

import os
import posixpath
import unicodedata
import zipfile
import zlib
from collections.abc import Container
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..svg import find_svg_threat, read_chunks
from .definitions import (
    CONTENT_EXTENSIONS,
    CONTENT_FOLDER,
    LIBRARY_EXTENSIONS,
    READ_ERRORS,
    SUPPORTED_COMPRESSION,
    H5PValidationError,
    Limits,
    Source,
    _Layout,
    is_licence_notice,
)
from .names import is_ignored, member_name_problem, member_path_problem, shown_name


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
        duplicate = _duplicate_problem(name, layout.members, folded)
        if duplicate:
            errors.append(duplicate)
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
            if not is_licence_notice(name):
                _check_extension(name, LIBRARY_EXTENSIONS, errors)
            layout.library_folders.setdefault(top, []).append(name)
    errors += _file_and_folder_errors(folded)
    return layout


def _duplicate_problem(name: str, kept: Container[str], folded: dict[str, str]) -> str | None:
    """Return why `name` repeats a kept member, even by case only, or None after noting it.

    `folded` maps the case-folded names seen so far to their spelling; a name that is
    not a duplicate is added to it.
    """
    if name in kept:
        return _("Le fichier « %(name)s » figure plusieurs fois dans l'archive.") % {
            "name": shown_name(name)
        }
    key = _folded(name)
    if key in folded:
        return _(
            "Les fichiers « %(first)s » et « %(second)s » ne diffèrent que par la "
            "casse (majuscules et minuscules) : renommez l'un des deux."
        ) % {"first": shown_name(folded[key]), "second": shown_name(name)}
    folded[key] = name
    return None


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
