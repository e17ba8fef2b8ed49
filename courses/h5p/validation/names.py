"""Member names: those H5P skips, those unsafe to store or show, those escaping the folder."""

import stat
import unicodedata
import zipfile

from django.utils.translation import gettext as _

from .definitions import (
    BIDI_CONTROLS,
    DRIVE_LETTER,
    MAX_PATH_BYTES,
    MAX_SEGMENT_BYTES,
    NAME_SHOWN_MAX,
)


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
