"""Short-lived private files that belong to one person: import previews, rejected lines.

A file lives in private storage at `<folder>/<owner id>/<random name>`: the path says
whose it is, so a read looks in the requester's own folder only and anyone else (an
administrator included) finds nothing, as if it did not exist. No table is needed.
Each folder is registered with how long its files are kept (they hold people's names
and addresses); an older file is refused when read and deleted by the hourly purge
(core.tasks.owned_files_purge).
"""

import re
import uuid
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

_FOLDERS: dict[str, timedelta] = {}
_NAME = re.compile(r"[0-9a-f]{32}(\.[a-z0-9]{1,5})?")


def register(folder: str, *, kept_for: timedelta) -> None:
    """Declare a folder of owned files and how long its files are kept."""
    _FOLDERS[folder] = kept_for


def _storage():
    return storages["private"]


def _path(folder: str, owner_id: int, name: str) -> str:
    return f"{folder}/{int(owner_id)}/{name}"


def owned_file_keep(*, owner, folder: str, data: bytes, extension: str = "") -> str:
    """Store `data` for `owner`; return the file's random name (with `extension`)."""
    if folder not in _FOLDERS:
        raise ValueError(f"Unregistered folder of owned files: {folder}")
    name = uuid.uuid4().hex + (f".{extension}" if extension else "")
    if not _NAME.fullmatch(name):
        raise ValueError(f"Bad extension for an owned file: {extension!r}")
    _storage().save(_path(folder, owner.pk, name), ContentFile(data))
    return name


def owned_file_open(*, owner, folder: str, name: str, now: datetime | None = None):
    """Return the owner's file opened for reading, or None if the name is malformed,
    the file is someone else's, was never made or has expired."""
    if folder not in _FOLDERS or not _NAME.fullmatch(name or ""):
        return None
    storage, path = _storage(), _path(folder, owner.pk, name)
    if not storage.exists(path):
        return None
    if storage.get_modified_time(path) < (now or timezone.now()) - _FOLDERS[folder]:
        return None
    return storage.open(path, "rb")


def owned_file_delete(*, owner, folder: str, name: str) -> None:
    if folder in _FOLDERS and _NAME.fullmatch(name or ""):
        _storage().delete(_path(folder, owner.pk, name))


def owned_files_purge(*, now: datetime | None = None) -> int:
    """Delete the files older than their folder's keeping time; return how many."""
    storage = _storage()
    deleted = 0
    for folder, kept_for in _FOLDERS.items():
        limit = (now or timezone.now()) - kept_for
        try:
            owners, _files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        for owner in owners:
            for filename in storage.listdir(f"{folder}/{owner}")[1]:
                path = f"{folder}/{owner}/{filename}"
                if storage.get_modified_time(path) < limit:
                    storage.delete(path)
                    deleted += 1
    return deleted
