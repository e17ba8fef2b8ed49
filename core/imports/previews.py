"""The preview → confirm step of an import.

The checked file waits in private storage under a random name in the folder of the
person who sent it (core.owned_files, kept a day), so the confirmation imports
exactly what was checked, and only that person can confirm it: the token names a
file in the confirmer's own folder, anyone else's token finds nothing. The file is
checked again when confirmed (what is stored may have changed since the preview).
"""

from datetime import timedelta

from django.contrib import messages
from django.utils.translation import gettext as _

from core import owned_files

FOLDER = "import-previews"
KEPT_FOR = timedelta(days=1)
EXTENSIONS = ("csv", "xlsx", "ods")
owned_files.register(FOLDER, kept_for=KEPT_FOR)


def _extension(filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return extension if extension in EXTENSIONS else "csv"  # any other name is read as CSV


def preview_keep(*, owner, data: bytes, filename: str) -> str:
    """Keep a previewed file for `owner`; return its token (a random name)."""
    return owned_files.owned_file_keep(
        owner=owner, folder=FOLDER, data=data, extension=_extension(filename)
    )


def preview_read(*, owner, token: str) -> tuple[bytes, str] | None:
    """(data, filename to read it by) of the owner's previewed file, or None if it is
    not theirs, was never kept, was confirmed already or has expired."""
    if not token.endswith(tuple(f".{extension}" for extension in EXTENSIONS)):
        return None
    stored = owned_files.owned_file_open(owner=owner, folder=FOLDER, name=token)
    if stored is None:
        return None
    with stored:
        return stored.read(), token


def preview_drop(*, owner, token: str) -> None:
    owned_files.owned_file_delete(owner=owner, folder=FOLDER, name=token)


def confirmed_file(request) -> tuple[str, bytes, str] | None:
    """On a confirmation POST: (token, data, filename) of the file the person previewed;
    None, with a French message for the page, when it is no longer there."""
    token = request.POST.get("token", "")
    stored = preview_read(owner=request.user, token=token)
    if stored is None:
        messages.error(request, _("Ce fichier n'est plus disponible : envoyez-le à nouveau."))
        return None
    return token, *stored
