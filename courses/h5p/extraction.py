"""Write a validated .h5p archive to disk: its content, and the libraries it brings.

Content goes to a folder of its own per package. Libraries are shared: stored once
per major.minor under the libraries folder, and replaced only by a higher patch
version (H5P promises patch releases are compatible). A library folder is always
assembled in a hidden staging folder and renamed into place, so players never see a
half-written library. Paths are checked again here although validation already did:
extraction is where a mistake would write outside the destination.
"""

import fcntl
import json
import os
import posixpath
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext as _

from core import stored_files

from ..archives import Source
from ..archives.names import member_name_problem, member_path_problem, shown_name
from .validation.definitions import (
    H5P_JSON,
    LIBRARY_JSON,
    H5PValidationError,
    LibraryRef,
    ValidatedPackage,
    parse_version,
)
from .validation.names import is_ignored

CHUNK_SIZE = 1024 * 1024
FILE_MODE = 0o644
DIR_MODE = 0o755
# Serialises library installs between Celery workers sharing the libraries folder.
LOCK_NAME = ".h5p-install.lock"
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def extract_package(
    fileobj_or_path: Source,
    package: ValidatedPackage,
    *,
    content_dir: Path,
    libraries_dir: Path,
) -> list[LibraryRef]:
    """Extract `package` (validated from the same file) and return the libraries installed.

    `content_dir` must be absent or empty; it receives h5p.json, content/ and the other
    root files. Each library goes to `libraries_dir/<Name-major.minor>/` unless that
    folder already holds the same or a higher patch version. Return the libraries newly
    installed or upgraded, sorted. On failure, everything written under `content_dir`
    is removed; libraries already swapped in are complete and stay.
    """
    content_dir, libraries_dir = Path(content_dir), Path(libraries_dir)
    created_content_dir = _prepare_content_dir(content_dir)
    try:
        with zipfile.ZipFile(fileobj_or_path) as archive:
            _extract_content(archive, package, content_dir)
            return _install_libraries(archive, package, libraries_dir)
    except BaseException:
        _remove_content(content_dir, remove_dir=created_content_dir)
        raise


def _prepare_content_dir(content_dir: Path) -> bool:
    """Ensure `content_dir` exists and is empty; return True when this call created it.

    Requiring it empty is what makes cleaning up after a failure safe: everything in
    it was written by this call.
    """
    if content_dir.is_symlink() or (content_dir.exists() and not content_dir.is_dir()):
        raise FileExistsError(f"{content_dir} is not a directory.")
    if content_dir.exists():
        if any(content_dir.iterdir()):
            raise FileExistsError(f"{content_dir} is not empty.")
        return False
    content_dir.mkdir(parents=True)
    os.chmod(content_dir, DIR_MODE)
    return True


def _remove_content(content_dir: Path, *, remove_dir: bool) -> None:
    if remove_dir:
        shutil.rmtree(content_dir, ignore_errors=True)
        return
    for child in content_dir.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _extract_content(
    archive: zipfile.ZipFile, package: ValidatedPackage, content_dir: Path
) -> None:
    """Mirror the package root minus library folders: h5p.json, root files, content/."""
    for name in [H5P_JSON, *package.root_files, *package.content_files]:
        _extract_member(archive, name, root=content_dir, relative=name)


def _install_libraries(
    archive: zipfile.ZipFile, package: ValidatedPackage, libraries_dir: Path
) -> list[LibraryRef]:
    if not libraries_dir.is_dir():
        libraries_dir.mkdir(parents=True)
        os.chmod(libraries_dir, DIR_MODE)
    with _install_lock(libraries_dir):
        return [
            ref
            for ref in sorted(package.libraries)
            if _install_library(archive, package, ref, libraries_dir)
        ]


@contextmanager
def _install_lock(libraries_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the libraries folder (released when the file is closed)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | O_NOFOLLOW
    descriptor = os.open(libraries_dir / LOCK_NAME, flags, FILE_MODE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _install_library(
    archive: zipfile.ZipFile, package: ValidatedPackage, ref: LibraryRef, libraries_dir: Path
) -> bool:
    """Install or upgrade one library; return False when the installed one is as recent."""
    target = libraries_dir / ref.folder
    if _installed_patch(target) >= package.libraries[ref]["patchVersion"]:
        return False
    staging = Path(tempfile.mkdtemp(prefix=f".{ref.folder}.", dir=libraries_dir))
    try:
        os.chmod(staging, DIR_MODE)
        for name in package.library_files[ref]:
            # The folder in the zip may be "Name" or "Name-1.2"; on disk it is ref.folder.
            _extract_member(archive, name, root=staging, relative=name.partition("/")[2])
        _swap_in(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return True


def _installed_patch(target: Path) -> int:
    """Return the patch version installed in `target`, or -1 when there is none to keep."""
    if target.is_symlink() or not target.is_dir():
        return -1
    try:
        library_json = json.loads((target / LIBRARY_JSON).read_bytes())
        return parse_version(library_json["patchVersion"])
    except (OSError, ValueError, KeyError, TypeError):
        return -1  # A broken installation is replaced.


def _swap_in(staging: Path, target: Path) -> None:
    """Move the staged library into place, retiring the previous folder if any.

    Two renames leave a window of microseconds without the folder; Python offers no
    portable atomic exchange of two directories.
    """
    if not (target.exists() or target.is_symlink()):
        os.rename(staging, target)
        return
    retired = target.with_name(f".{target.name}.old-{uuid.uuid4().hex}")
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(retired, target)
        raise
    if retired.is_symlink():
        retired.unlink()
    else:
        shutil.rmtree(retired, ignore_errors=True)


def _extract_member(archive: zipfile.ZipFile, name: str, *, root: Path, relative: str) -> None:
    """Stream member `name` to `root/relative`, refusing anything that could escape `root`."""
    info, parts = _checked_member(archive, name, relative)
    target = root.joinpath(*parts)
    if not target.resolve().is_relative_to(root.resolve()):
        raise H5PValidationError(
            [_("Le fichier « %(name)s » sort du dossier de destination.") % {"name": name}]
        )
    _make_parents(root, parts[:-1])
    _write_file(archive, info, target)


def _checked_member(
    archive: zipfile.ZipFile, name: str, relative: str
) -> tuple[zipfile.ZipInfo, list[str]]:
    """Return member `name` and the segments of `relative`, or raise when either could
    write outside the destination (on disk or as an object key)."""
    info = archive.getinfo(name)
    problem = member_path_problem(info) or member_name_problem(name)
    parts = relative.split("/")
    if problem is None and (is_ignored(name) or any(part in ("", ".", "..") for part in parts)):
        problem = _("Le fichier « %(name)s » ne peut pas être extrait sans risque.") % {
            "name": shown_name(name)
        }
    if problem:
        raise H5PValidationError([problem])
    return info, parts


def _make_parents(root: Path, parts: list[str]) -> None:
    """Create the folders leading to a file, each with DIR_MODE, never through a symlink."""
    current = root
    for part in parts:
        current = current / part
        try:
            os.mkdir(current, DIR_MODE)
        except FileExistsError:
            if current.is_symlink() or not current.is_dir():
                raise
            continue
        os.chmod(current, DIR_MODE)  # mkdir's mode is filtered by the umask.


def _write_file(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Copy a member in chunks into a new file; O_EXCL and O_NOFOLLOW refuse any symlink."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | O_NOFOLLOW
    descriptor = os.open(target, flags, FILE_MODE)
    with os.fdopen(descriptor, "wb") as destination, archive.open(info) as source:
        os.fchmod(destination.fileno(), FILE_MODE)
        shutil.copyfileobj(source, destination, CHUNK_SIZE)


# --- Object storage ---------------------------------------------------------------
# Without folders or renames, a library cannot be swapped in at once: its files are
# written in place, library.json last (so an interrupted install is seen as broken
# and redone), then the files the new version no longer has are deleted. A patch
# upgrade thus mixes two patch versions for a moment, which H5P's compatibility
# promise for patch releases makes harmless. Installs are serialised between every
# worker of every machine by a database lock (core.stored_files.exclusive_lock):
# the shared database is the one thing they all see; a lock file would be local.

LIBRARIES_LOCK = "egide.h5p.libraries"


def extract_package_to_storage(
    fileobj_or_path: Source,
    package: ValidatedPackage,
    *,
    storage: Storage,
    content_prefix: str,
    libraries_prefix: str,
) -> list[LibraryRef]:
    """extract_package() for a storage without paths (object storage).

    The content is written under `content_prefix/` in place, then what an earlier
    extraction left there and this package no longer has is deleted. On failure
    everything under `content_prefix/` is deleted.
    """
    try:
        with zipfile.ZipFile(fileobj_or_path) as archive:
            written = set()
            for name in [H5P_JSON, *package.root_files, *package.content_files]:
                written.add(_store_member(archive, name, storage, f"{content_prefix}/{name}"))
            stored_files.delete_under(storage, content_prefix, keep=written)
            with stored_files.exclusive_lock(LIBRARIES_LOCK):
                return [
                    ref
                    for ref in sorted(package.libraries)
                    if _store_library(archive, package, ref, storage, libraries_prefix)
                ]
    except BaseException:
        stored_files.delete_under(storage, content_prefix)
        raise


def storage_install_lock():
    """The lock library installs and removals hold in object storage."""
    return stored_files.exclusive_lock(LIBRARIES_LOCK)


def _store_library(
    archive: zipfile.ZipFile,
    package: ValidatedPackage,
    ref: LibraryRef,
    storage: Storage,
    libraries_prefix: str,
) -> bool:
    prefix = f"{libraries_prefix}/{ref.folder}"
    if _stored_patch(storage, prefix) >= package.libraries[ref]["patchVersion"]:
        return False
    manifest = None
    written = set()
    for name in package.library_files[ref]:
        relative = name.partition("/")[2]
        if relative == LIBRARY_JSON:
            manifest = name
            continue
        written.add(_store_member(archive, name, storage, f"{prefix}/{relative}", relative))
    if manifest is not None:
        written.add(_store_member(archive, manifest, storage, f"{prefix}/{LIBRARY_JSON}"))
    stored_files.delete_under(storage, prefix, keep=written)
    return True


def _stored_patch(storage: Storage, prefix: str) -> int:
    data = stored_files.read_bytes(storage, f"{prefix}/{LIBRARY_JSON}")
    if data is None:
        return -1
    try:
        return parse_version(json.loads(data)["patchVersion"])
    except (ValueError, KeyError, TypeError):
        return -1  # A broken installation is replaced.


def _store_member(
    archive: zipfile.ZipFile, name: str, storage: Storage, key: str, relative: str | None = None
) -> str:
    """Write member `name` at `key` (its path checked as on disk); return the key."""
    info, _parts = _checked_member(archive, name, relative if relative is not None else name)
    with archive.open(info) as source:
        content = File(source, name=posixpath.basename(key))
        content.size = info.file_size  # else File measures by reading to the end
        stored_files.save_in_place(storage, key, content)
    return key
