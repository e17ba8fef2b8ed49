"""Member names of an uploaded archive: those unsafe to store or show, those escaping the folder."""

import re
import stat
import unicodedata
import zipfile

from django.utils.translation import gettext as _

DRIVE_LETTER = re.compile(r"^[A-Za-z]:")


# Most file systems refuse longer names; the whole path stays well below PATH_MAX.
MAX_SEGMENT_BYTES = 255


MAX_PATH_BYTES = 1024


# Unicode bidirectional controls: they make a name display differently from what it is.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


NAME_SHOWN_MAX = 120


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
