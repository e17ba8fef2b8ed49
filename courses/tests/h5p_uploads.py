"""Upload real .h5p packages in tests the way the admin does, and inspect where files go."""

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

from django.core.files.base import ContentFile

from courses.h5p.packages import (
    h5p_package_extract,
    h5p_package_prepare,
    h5p_root,
    h5p_upload_check,
)
from courses.models import H5PPackage

from .h5p_builders import build_h5p


def upload_package(
    *, user, archive: io.BytesIO | None = None, filename: str = "vrai-ou-faux.h5p", title=""
) -> H5PPackage:
    """Return a package checked, saved and extracted through courses.h5p.packages.

    The same steps as the "Activités H5P" admin form and its Celery task, run
    synchronously: `user` must be allowed to install the package's libraries
    unless they are installed already. Files land under h5p_root() (private storage).
    """
    data = (archive or build_h5p()).getvalue()
    validated = h5p_upload_check(fileobj=io.BytesIO(data), filename=filename, user=user)
    package = H5PPackage(title=title)
    h5p_package_prepare(package=package, validated=validated, user=user)
    package.file.save(filename, ContentFile(data), save=True)
    return h5p_package_extract(package=package)


def files_under(root: Path) -> list[Path]:
    """Return every file or symlink below `root` (nothing when it does not exist)."""
    return sorted(path for path in Path(root).rglob("*") if path.is_file() or path.is_symlink())


def fresh_h5p_root() -> Iterator[Path]:
    """Yield the private folder of H5P files, emptied before and after (a fixture's body).

    The private storage is one temporary folder for the whole test session.
    """
    root = h5p_root()
    shutil.rmtree(root, ignore_errors=True)
    yield root
    shutil.rmtree(root, ignore_errors=True)
