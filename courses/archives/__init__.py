"""The safety checks every uploaded archive passes (H5P packages, SCORM packages).

Sizes and compression ratios read from the zip's directory before anything is
decompressed, zip bombs, encrypted or corrupted members, methods zipfile cannot
decompress, paths escaping the folder and unsafe names (names.py), duplicates even by
case, a file named like a folder, allow-listed extensions. Each check returns French
sentences for the editor, or raises ArchiveError when reading further would be unsafe;
each kind of package adds its own rules (courses/h5p/validation/, courses/scorm/).
"""

import logging
import os
import posixpath
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Protocol, TypeVar

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .names import member_name_problem, member_path_problem, shown_name

logger = logging.getLogger("egide.courses")

T = TypeVar("T")

Source = str | Path | IO[bytes]


# Methods zipfile can decompress; any other would fail halfway through extraction.
SUPPORTED_COMPRESSION = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)


# What reading a crafted archive may raise besides ArchiveError.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


class ArchiveError(Exception):
    """Carries every problem found, each a French sentence for the editor."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


class ArchiveLimits(Protocol):
    """The size limits an archive is read under; the ratio is uncompressed over compressed."""

    max_archive_size: int
    max_files: int
    max_file_size: int
    max_total_size: int
    max_compression_ratio: int
    ratio_min_size: int


def kept_members(
    infos: list[zipfile.ZipInfo], errors: list[str], *, ignored: list[str], is_ignored
) -> Iterator[tuple[str, zipfile.ZipInfo]]:
    """Yield the members to keep, in archive order, after the checks every archive passes.

    A member with an unsafe path or name, or repeating another even by case only, is
    noted in `errors`; folders are skipped; a member `is_ignored(name)` says to skip
    goes to `ignored`. Once exhausted, a file named like a folder is noted too.
    """
    kept: set[str] = set()
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
            ignored.append(name)
            continue
        duplicate = _duplicate_problem(name, kept, folded)
        if duplicate:
            errors.append(duplicate)
            continue
        kept.add(name)
        yield name, info
    errors += _file_and_folder_errors(folded)


def extraction_problem(extract: Callable[[], T], *, label: str) -> tuple[T | None, str]:
    """Run `extract`; return its result and "", or None and the French message to record.

    A refusal (ArchiveError) is said as it is; a read or disk error names server
    paths, so it goes to the logs and the editor reads a plain sentence.
    """
    try:
        return extract(), ""
    except ArchiveError as error:
        return None, "\n".join(error.errors)
    except READ_ERRORS:
        logger.warning("%s could not be extracted.", label, exc_info=True)
        return None, _(
            "Le paquet n'a pas pu être extrait sur le serveur. Téléversez-le à nouveau ; "
            "si l'erreur persiste, signalez-la à l'équipe technique."
        )


def archive_size_errors(source: Source, limits: ArchiveLimits) -> list[str]:
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


def open_archive(source: Source, errors: list[str]) -> zipfile.ZipFile:
    """Open the zip, or raise at once with the errors so far: nothing else can be checked."""
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise ArchiveError([*errors, _("L'archive n'est pas un fichier ZIP valide.")]) from None


def integrity_errors(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[str]:
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


def compression_errors(infos: list[zipfile.ZipInfo]) -> list[str]:
    """Refuse, before decompressing anything, members zipfile cannot decompress."""
    return [
        _("Le fichier « %(name)s » utilise une méthode de compression non prise en charge.")
        % {"name": shown_name(info.filename)}
        for info in infos
        if info.compress_type not in SUPPORTED_COMPRESSION
    ]


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_size: int) -> bytes | None:
    """Return a member's bytes, or None when it holds more than `max_size` bytes.

    Reading stops one byte past the limit, whatever size the archive declares.
    Raise ArchiveError when the archive cannot be read.
    """
    if info.file_size > max_size:
        return None
    try:
        with archive.open(info) as member:
            data = member.read(max_size + 1)
    except READ_ERRORS:
        raise ArchiveError(
            [
                _("L'archive est corrompue : le fichier « %(name)s » ne peut pas être lu.")
                % {"name": shown_name(info.filename)}
            ]
        ) from None
    return None if len(data) > max_size else data


def _duplicate_problem(name: str, kept: set[str], folded: dict[str, str]) -> str | None:
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


def check_extension(name: str, allowed: frozenset[str], errors: list[str]) -> None:
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


def limit_errors(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> list[str]:
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


def _total_limit_errors(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> list[str]:
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


def _ratio_exceeded(size: int, compressed: int, limits: ArchiveLimits) -> bool:
    if size <= limits.ratio_min_size:
        return False
    return size > limits.max_compression_ratio * max(compressed, 1)
