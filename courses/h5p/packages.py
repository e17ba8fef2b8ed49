"""Services for H5P packages: validate an upload, extract it, install its libraries."""

import logging
import shutil
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import page_cache, stored_files

from ..archives import extraction_problem
from ..constants import PackageStatus
from ..models import H5PLibrary, H5PPackage
from .extraction import _install_lock as install_lock  # the lock extraction installs under
from .extraction import extract_package, extract_package_to_storage, storage_install_lock
from .validation import validate_package
from .validation.definitions import H5PValidationError, LibraryRef, ValidatedPackage

logger = logging.getLogger("egide.courses")

INSTALL_PERMISSION = "courses.install_h5plibrary"


H5P_FOLDER = "h5p"


def h5p_storage():
    """Return the storage of every H5P file: the private storage, on disk or in object
    storage. Nothing serves it directly: only courses.views.h5p_file, to signed-in
    people."""
    return H5PPackage._meta.get_field("file").storage


def h5p_root() -> Path:
    """Return the folder of every H5P file on local disk: uploads, content and
    libraries (NotImplementedError when the files are in object storage)."""
    return Path(h5p_storage().path(H5P_FOLDER))


def h5p_content_prefix(package_id: int) -> str:
    return f"{H5P_FOLDER}/content/{int(package_id)}"


LIBRARIES_PREFIX = f"{H5P_FOLDER}/libraries"


def installed_libraries() -> dict[LibraryRef, H5PLibrary]:
    return {
        LibraryRef(lib.machine_name, lib.major_version, lib.minor_version): lib
        for lib in H5PLibrary.objects.all()
    }


def installed_library_json() -> dict[LibraryRef, dict]:
    """Return the library.json of every installed library, for the validator's checks."""
    return {ref: library.library_json for ref, library in installed_libraries().items()}


def libraries_to_install(validated: ValidatedPackage) -> list[LibraryRef]:
    """Return the package's libraries that are new or newer (patch) than installed ones."""
    installed = installed_libraries()
    changes = []
    for ref, library_json in validated.libraries.items():
        current = installed.get(ref)
        if current is None or int(library_json.get("patchVersion", 0)) > current.patch_version:
            changes.append(ref)
    return sorted(changes)


def h5p_upload_check(*, fileobj, filename: str, user) -> ValidatedPackage:
    """Validate an uploaded .h5p for `user`; raise ValidationError with French messages.

    Library code runs in learners' browsers, so only people allowed to install
    libraries may upload a package that brings new or upgraded ones (H5P rule 10).
    """
    try:
        validated = validate_package(fileobj, filename=filename, installed=installed_library_json())
    except H5PValidationError as error:
        raise ValidationError(error.errors) from error
    finally:
        if hasattr(fileobj, "seek"):
            fileobj.seek(0)
    new = libraries_to_install(validated)
    if new and not user.has_perm(INSTALL_PERMISSION):
        names = ", ".join(f"{ref.machine_name} {ref.major}.{ref.minor}" for ref in new)
        raise ValidationError(
            _(
                "Ce paquet installe ou met à jour des bibliothèques H5P (%(names)s) : seul·e "
                "un·e administrateur·rice peut le téléverser."
            )
            % {"names": names}
        )
    return validated


def h5p_package_prepare(*, package: H5PPackage, validated: ValidatedPackage, user) -> None:
    """Fill a package from its validated h5p.json before saving; extraction comes after."""
    package.title = package.title or validated.title
    package.main_library = (
        f"{validated.main_library.machine_name} "
        f"{validated.main_library.major}.{validated.main_library.minor}"
    )
    package.h5p_json = validated.h5p_json
    package.content_json = validated.content_json
    package.status = PackageStatus.PENDING
    package.error = ""
    package.uploaded_by = package.uploaded_by or user


def h5p_package_queue_extraction(*, package: H5PPackage) -> None:
    from ..tasks import h5p_package_extract

    transaction.on_commit(lambda: h5p_package_extract.delay(package.pk))


def h5p_package_extract(*, package: H5PPackage) -> H5PPackage:
    """Extract a package's content and install its libraries; record errors on the package."""
    validated, problem = extraction_problem(
        lambda: _validate_and_extract(package), label=f"H5P package {package.pk}"
    )
    if problem:
        return _extraction_failed(package, problem)
    with transaction.atomic():
        libraries = [_library_upsert(ref, data) for ref, data in validated.libraries.items()]
        package.libraries.set(libraries)
        package.status = PackageStatus.READY
        package.error = ""
        package.extracted_at = timezone.now()
        package.save(update_fields=["status", "error", "extracted_at"])
        lesson_durations_refresh(package=package)
    return package


def _validate_and_extract(package: H5PPackage) -> ValidatedPackage:
    # The stored file is validated again: it is what gets extracted.
    with package.file.open("rb") as fileobj:
        validated = validate_package(
            fileobj, filename=package.file.name, installed=installed_library_json()
        )
        fileobj.seek(0)
        storage = h5p_storage()
        if not stored_files.is_local(storage):
            # Object storage: keys rewritten in place, the old content's extra keys
            # deleted after (courses/h5p/extraction.py explains why).
            extract_package_to_storage(
                fileobj,
                validated,
                storage=storage,
                content_prefix=h5p_content_prefix(package.pk),
                libraries_prefix=LIBRARIES_PREFIX,
            )
            return validated
        content_dir = h5p_root() / "content" / str(package.pk)
        if content_dir.exists():
            shutil.rmtree(content_dir)
        extract_package(
            fileobj, validated, content_dir=content_dir, libraries_dir=h5p_root() / "libraries"
        )
    return validated


def lesson_durations_refresh(*, package: H5PPackage) -> int:
    """Recompute the time of the live lessons that play `package`; return how many changed.

    A lesson's time is computed when it is saved (LessonPage.full_clean): a package
    replaced by a longer or shorter version would otherwise leave its lessons, and the
    catalogue's module times, on the old figure until each lesson is published again.
    The reference index (kept by Wagtail on every save) names the lessons; their live
    row is recomputed, drafts recompute when they are saved.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from ..models import LessonPage

    ids = (
        ReferenceIndex.get_references_to(package)
        .filter(content_type=ContentType.objects.get_for_model(LessonPage))
        .values_list("object_id", flat=True)
    )
    changed = 0
    for lesson in LessonPage.objects.filter(pk__in=[int(pk) for pk in ids]):
        minutes = lesson.compute_reading_minutes()
        if minutes != lesson.reading_minutes:
            LessonPage.objects.filter(pk=lesson.pk).update(reading_minutes=minutes)
            changed += 1
    if changed:
        page_cache.bump()  # module outlines and the catalogue hold the lesson times
    return changed


def _extraction_failed(package: H5PPackage, message: str) -> H5PPackage:
    logger.warning("H5P package %s could not be extracted: %s", package.pk, message)
    package.status, package.error = PackageStatus.ERROR, message
    package.save(update_fields=["status", "error"])  # post_save: lessons show the change
    return package


def _library_upsert(ref: LibraryRef, data: dict) -> H5PLibrary:
    library, _created = H5PLibrary.objects.get_or_create(
        machine_name=ref.machine_name,
        major_version=ref.major,
        minor_version=ref.minor,
        defaults={
            "patch_version": int(data.get("patchVersion", 0)),
            "title": str(data.get("title", ref.machine_name))[:255],
            "runnable": bool(data.get("runnable")),
            "library_json": data,
        },
    )
    patch = int(data.get("patchVersion", 0))
    if patch > library.patch_version:
        library.patch_version = patch
        library.library_json = data
        library.save(update_fields=["patch_version", "library_json", "updated_at"])
    return library


def h5p_libraries_with_usage():
    """Installed libraries with `package_count`, the packages using each (one query)."""
    return H5PLibrary.objects.annotate(package_count=Count("packages", distinct=True)).order_by(
        "machine_name", "major_version", "minor_version"
    )


def h5p_library_remove(*, library_id: int, user) -> str:
    """Remove an unused library; return its name. Its folder goes once the deletion is
    committed, so a rolled-back deletion never leaves a library without its files.

    Raise ValidationError (French) when a package still uses it: players load it.
    """
    with transaction.atomic():
        library = H5PLibrary.objects.select_for_update().filter(pk=library_id).first()
        if library is None:
            raise ValidationError(_("Cette bibliothèque H5P n'est plus installée."))
        used = library.packages.count()
        if used:
            raise ValidationError(
                ngettext(
                    "La bibliothèque « %(name)s » sert encore à %(count)s activité H5P : "
                    "elle ne peut pas être supprimée.",
                    "La bibliothèque « %(name)s » sert encore à %(count)s activités H5P : "
                    "elle ne peut pas être supprimée.",
                    used,
                )
                % {"name": str(library), "count": used}
            )
        ref = LibraryRef(library.machine_name, library.major_version, library.minor_version)
        library.delete()
        transaction.on_commit(lambda: _library_folder_remove(ref))
    logger.info("H5P library %s removed by user %s", ref.folder, user.pk)
    return str(library)


def _library_folder_remove(ref: LibraryRef) -> None:
    """Delete a removed library's folder, under the install lock so no extraction is
    writing it, unless a package installed the same version again meanwhile."""
    storage = h5p_storage()
    if not stored_files.is_local(storage):
        with storage_install_lock():
            if not _reinstalled(ref):
                stored_files.delete_under(storage, f"{LIBRARIES_PREFIX}/{ref.folder}")
        return
    libraries_dir = h5p_root() / "libraries"
    target = libraries_dir / ref.folder
    if not target.resolve().is_relative_to(libraries_dir.resolve()) or not libraries_dir.is_dir():
        return
    with install_lock(libraries_dir):
        if _reinstalled(ref):
            return
        if target.is_symlink():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)


def _reinstalled(ref: LibraryRef) -> bool:
    return H5PLibrary.objects.filter(
        machine_name=ref.machine_name, major_version=ref.major, minor_version=ref.minor
    ).exists()


def h5p_package_files_delete(sender, instance: H5PPackage, **kwargs) -> None:
    """post_delete: remove the package's upload and extracted content once committed.

    The libraries stay: other packages share them (the libraries page removes unused
    ones). After the commit, so a rolled-back deletion keeps its files.
    """
    storage, name, package_id = instance.file.storage, instance.file.name, instance.pk

    def remove() -> None:
        if stored_files.is_local(storage):
            shutil.rmtree(h5p_root() / "content" / str(package_id), ignore_errors=True)
        else:
            stored_files.delete_under(storage, h5p_content_prefix(package_id))
        if name:
            storage.delete(name)

    transaction.on_commit(remove)
