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
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import gettext as _

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
    info = archive.getinfo(name)
    problem = member_path_problem(info) or member_name_problem(name)
    parts = relative.split("/")
    if problem is None and (is_ignored(name) or any(part in ("", ".", "..") for part in parts)):
        problem = _("Le fichier « %(name)s » ne peut pas être extrait sans risque.") % {
            "name": shown_name(name)
        }
    if problem:
        raise H5PValidationError([problem])
    target = root.joinpath(*parts)
    if not target.resolve().is_relative_to(root.resolve()):
        raise H5PValidationError(
            [_("Le fichier « %(name)s » sort du dossier de destination.") % {"name": name}]
        )
    _make_parents(root, parts[:-1])
    _write_file(archive, info, target)


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
