"""Find the extracted H5P file a player asks for, and the content type to serve it with.

Only what extraction writes is reachable: content/<package>/… and libraries/…, with
an extension the upload rules allow. Uploaded archives (uploads/), hidden entries
(library staging folders, the install lock) and anything outside the folder are not.
"""

import posixpath
from dataclasses import dataclass

from django.core.files.storage import Storage

from core import stored_files

from .packages import H5P_FOLDER, h5p_root, h5p_storage
from .validation.definitions import LIBRARY_EXTENSIONS, is_licence_notice

SERVED_FOLDERS = frozenset({"content", "libraries"})

# Types by extension rather than from the mimetypes module, whose answers depend on
# the machine (/etc/mime.types) and miss some of these (vtt, glb, woff2).
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "svg": "image/svg+xml",
    "eot": "application/vnd.ms-fontobject",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "txt": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",  # licence notices: shown as text, never rendered
    "csv": "text/csv; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "xml": "application/xml",
    "pdf": "application/pdf",
    "rtf": "application/rtf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "gltf": "model/gltf+json",
    "glb": "model/gltf-binary",
}
assert LIBRARY_EXTENSIONS <= CONTENT_TYPES.keys(), "every allowed extension needs a type"


@dataclass(frozen=True)
class H5PFile:
    """An extracted file to stream: its storage, its name there and its content type."""

    storage: Storage
    name: str
    content_type: str


def h5p_file_find(path: str) -> H5PFile | None:
    """Return the extracted file at `path` (as in the player's URLs), or None.

    None for anything that is not a file written by extraction: another folder,
    an empty, "." or ".." segment, a hidden or "_" segment (never extracted), a
    backslash or NUL, an extension outside the upload allow-list, a symlink
    leading out of the folder.
    """
    parts = path.split("/")
    if len(parts) < 3 or parts[0] not in SERVED_FOLDERS:
        return None
    if parts[0] == "content" and not (parts[1].isascii() and parts[1].isdigit()):
        return None  # content/<package id>/…
    if any(
        not part or part.startswith((".", "_")) or "\\" in part or "\0" in part for part in parts
    ):
        return None
    extension = posixpath.splitext(parts[-1])[1].lower().lstrip(".")
    content_type = CONTENT_TYPES.get(extension)
    if not extension and parts[0] == "libraries" and is_licence_notice("/".join(parts[1:])):
        content_type = CONTENT_TYPES["txt"]
    if content_type is None:
        return None
    storage = h5p_storage()
    name = "/".join([H5P_FOLDER, *parts])
    if not stored_files.is_local(storage):
        # Object storage has no symlinks nor folders to escape through: the name's
        # checks above suffice, and a missing key is a 404 when the view opens it.
        return H5PFile(storage=storage, name=name, content_type=content_type)
    root = h5p_root()
    target = root.joinpath(*parts)
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None
    return H5PFile(storage=storage, name=name, content_type=content_type)
