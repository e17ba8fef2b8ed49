"""Services for SCORM packages: validate an upload, store it, extract it, delete its files.

The steps are H5P's (courses/h5p/packages.py): the upload is validated, then saved
PENDING; a Celery task validates the stored file again and extracts every file to
the private folder scorm/<pk>/, then marks the package READY, or ERROR with a French
message naming no server path. On local disk, files are written in a hidden
staging folder and renamed into place, so a player never sees a half-written package
and a new upload replaces the previous files at once. In object storage (no renames)
the files are written in place, then the keys the new upload no longer has are
deleted: a learner playing during the few seconds of a replacement may fetch a mix.
"""

import logging
import os
import shutil
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from core import background, stored_files

from ..archives import extraction_problem
from ..archives.names import member_name_problem, member_path_problem, shown_name
from ..constants import PackageStatus
from ..h5p.extraction import DIR_MODE, _make_parents, _swap_in, _write_file
from ..models import ScormPackage
from .definitions import SCORM_2004, ScormValidationError, ValidatedScormPackage
from .validation import validate_scorm_package

logger = logging.getLogger("egide.courses")

STAGING_PREFIX = ".staging-"


SCORM_FOLDER = "scorm"


def scorm_storage():
    """The private storage (disk or object storage), like h5p_storage()."""
    return ScormPackage._meta.get_field("file").storage


def scorm_root() -> Path:
    """Return the folder of every SCORM file on local disk: uploads/ and one folder per
    package (NotImplementedError when the files are in object storage).

    It sits in the private storage, outside MEDIA_ROOT, like h5p_root().
    """
    return Path(scorm_storage().path(SCORM_FOLDER))


def scorm_content_dir(package: ScormPackage) -> Path:
    return scorm_root() / str(package.pk)


def scorm_content_prefix(package_id: int) -> str:
    """The package's files' names in the storage: scorm/<pk>/<path in the zip>."""
    return f"{SCORM_FOLDER}/{int(package_id)}"


def scorm_upload_check(*, fileobj, filename: str, user) -> ValidatedScormPackage:
    """Validate an uploaded SCORM .zip; raise ValidationError with French messages.

    `user` is taken for symmetry with h5p_upload_check: SCORM packages install no
    shared code, so every editor allowed to add packages may upload one.
    """
    try:
        return validate_scorm_package(fileobj, filename=filename)
    except ScormValidationError as error:
        raise ValidationError(error.errors) from error
    finally:
        if hasattr(fileobj, "seek"):
            fileobj.seek(0)


def scorm_package_prepare(*, package: ScormPackage, validated: ValidatedScormPackage, user) -> None:
    """Fill a package from its validated manifest before saving; extraction comes after."""
    manifest = validated.manifest
    package.title = package.title or validated.title[:255]
    package.version = manifest.version.standard
    package.edition = manifest.version.edition if manifest.version.standard == SCORM_2004 else None
    package.manifest = manifest_facts(validated)
    package.status = PackageStatus.PENDING
    package.error = ""
    package.uploaded_by = package.uploaded_by or user


def manifest_facts(validated: ValidatedScormPackage) -> dict:
    """What the player needs from imsmanifest.xml, as JSON (see ScormPackage)."""
    manifest = validated.manifest
    return {
        "identifier": manifest.identifier,
        "organization": {
            "identifier": manifest.organization_identifier,
            "title": manifest.title,
        },
        "scos": [
            {
                "identifier": sco.item.identifier,
                "resource": sco.resource.identifier,
                "title": sco.item.title,
                "launch_url": sco.launch_url,
                "mastery_score": _number(sco.item.mastery_score),
                "min_normalized_measure": _number(sco.item.min_normalized_measure),
                "objectives": sco.item.objective_ids,
            }
            for sco in validated.scos
        ],
    }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def scorm_package_queue_extraction(*, package: ScormPackage) -> None:
    from ..tasks import scorm_package_extract

    background.delay_on_commit(scorm_package_extract, package.pk)


def scorm_package_extract(*, package: ScormPackage) -> ScormPackage:
    """Extract a package's files to scorm/<pk>/; record errors on the package.

    The stored file is validated again: it is what gets extracted. On failure the
    package is ERROR and has no files on disk (a previous extraction is removed too:
    it belonged to the file the package no longer holds).
    """
    _validated, problem = extraction_problem(
        lambda: _validate_and_extract(package), label=f"SCORM package {package.pk}"
    )
    if problem:
        return _extraction_failed(package, problem)
    package.status = PackageStatus.READY
    package.error = ""
    package.extracted_at = timezone.now()
    package.save(update_fields=["status", "error", "extracted_at", "updated_at"])
    return package


def _extract(fileobj, validated: ValidatedScormPackage, target: Path) -> None:
    """Write every validated file in a staging folder, then swap it in for `target`."""
    root = target.parent
    if not root.is_dir():
        root.mkdir(parents=True)
        os.chmod(root, DIR_MODE)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{target.name}.", dir=root))
    try:
        os.chmod(staging, DIR_MODE)
        with zipfile.ZipFile(fileobj) as archive:
            for name in validated.files:
                _extract_member(archive, name, staging)
        _swap_in(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _extract_to_storage(fileobj, validated: ValidatedScormPackage, storage, prefix: str) -> None:
    """Object storage: write every validated file at prefix/<name> in place, then
    delete what an earlier upload left there and this one does not have."""
    written = set()
    with zipfile.ZipFile(fileobj) as archive:
        for name in validated.files:
            info, _parts = _checked_member(archive, name)
            key = f"{prefix}/{name}"
            with archive.open(info) as source:
                content = File(source, name=name.rpartition("/")[2])
                content.size = info.file_size  # else File measures by reading to the end
                stored_files.save_in_place(storage, key, content)
            written.add(key)
    stored_files.delete_under(storage, prefix, keep=written)


def _checked_member(archive: zipfile.ZipFile, name: str) -> tuple[zipfile.ZipInfo, list[str]]:
    """Return member `name` and its segments, or raise when it could escape its folder."""
    info = archive.getinfo(name)
    parts = name.split("/")
    problem = member_path_problem(info) or member_name_problem(name)
    if problem is None and (info.is_dir() or any(part in ("", ".", "..") for part in parts)):
        problem = _("Le fichier « %(name)s » ne peut pas être extrait sans risque.") % {
            "name": shown_name(name)
        }
    if problem:
        raise ScormValidationError([problem])
    return info, parts


def _extract_member(archive: zipfile.ZipFile, name: str, root: Path) -> None:
    """Stream member `name` to `root/name`, checking its path again (H5P's writing code).

    Not courses.h5p.extraction._extract_member: it skips names starting with "." or
    "_" (an H5P rule), which SCORM packages may launch.
    """
    info, parts = _checked_member(archive, name)
    if not root.joinpath(*parts).resolve().is_relative_to(root.resolve()):
        problem = _("Le fichier « %(name)s » sort du dossier de destination.") % {
            "name": shown_name(name)
        }
        raise ScormValidationError([problem])
    _make_parents(root, parts[:-1])
    _write_file(archive, info, root.joinpath(*parts))


def _validate_and_extract(package: ScormPackage) -> ValidatedScormPackage:
    with package.file.open("rb") as fileobj:
        validated = validate_scorm_package(fileobj, filename=package.file.name)
        fileobj.seek(0)
        storage = scorm_storage()
        if stored_files.is_local(storage):
            _extract(fileobj, validated, scorm_content_dir(package))
        else:
            _extract_to_storage(fileobj, validated, storage, scorm_content_prefix(package.pk))
    return validated


def _extraction_failed(package: ScormPackage, message: str) -> ScormPackage:
    logger.warning("SCORM package %s could not be extracted: %s", package.pk, message)
    _remove_files(package.pk)
    package.status, package.error = PackageStatus.ERROR, message
    package.save(update_fields=["status", "error", "updated_at"])
    return package


def _remove_files(package_id: int) -> None:
    storage = scorm_storage()
    if stored_files.is_local(storage):
        _remove_folder(scorm_root() / str(int(package_id)))
    else:
        stored_files.delete_under(storage, scorm_content_prefix(package_id))


def _remove_folder(target: Path) -> None:
    if target.is_symlink():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target, ignore_errors=True)


def scorm_package_files_delete(sender, instance: ScormPackage, **kwargs) -> None:
    """post_delete: remove the package's upload and extracted files once committed.

    After the commit, so a rolled-back deletion keeps its files.
    """
    from django.db import transaction

    storage, name, package_id = instance.file.storage, instance.file.name, instance.pk

    def remove() -> None:
        _remove_files(package_id)
        if name:
            storage.delete(name)

    transaction.on_commit(remove)
