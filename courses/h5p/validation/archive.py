"""Rules 1 to 5: the archive checks every package passes, then where each member goes.

The checks shared with SCORM packages (sizes, ratios, integrity, unsafe names,
duplicates, extensions) are in courses/archives/; here are H5P's: the .h5p
extension, the content/ folder and library folders, and SVG images.
"""

import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from ...archives import READ_ERRORS, check_extension, kept_members
from ...archives.names import shown_name
from ..svg import find_svg_threat, read_chunks
from .definitions import (
    CONTENT_EXTENSIONS,
    CONTENT_FOLDER,
    LIBRARY_EXTENSIONS,
    H5PValidationError,
    _Layout,
    is_licence_notice,
)
from .names import is_ignored


def _filename_errors(filename: str) -> list[str]:
    if Path(filename).suffix.lower() == ".h5p":
        return []
    return [
        _("Le fichier « %(name)s » doit avoir l'extension .h5p.") % {"name": shown_name(filename)}
    ]


def _sort_members(infos: list[zipfile.ZipInfo], errors: list[str]) -> _Layout:
    """Check every member's path and extension and sort the kept ones by destination."""
    layout = _Layout()
    for name, info in kept_members(
        infos, errors, ignored=layout.ignored_files, is_ignored=is_ignored
    ):
        layout.members[name] = info
        top, _slash, rest = name.partition("/")
        if not rest:
            check_extension(name, CONTENT_EXTENSIONS, errors)
            layout.root_files.append(name)
        elif top == CONTENT_FOLDER:
            check_extension(name, CONTENT_EXTENSIONS, errors)
            layout.content_files.append(name)
        else:
            if not is_licence_notice(name):
                check_extension(name, LIBRARY_EXTENSIONS, errors)
            layout.library_folders.setdefault(top, []).append(name)
    return layout


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
