"""Validate an uploaded .h5p archive without extracting anything.

Implements rules 1 to 9 of the platform's H5P upload policy (docs: shared/H5P.md);
rule 10, who may install libraries, belongs to the admin. Every problem found is
collected, as a French sentence for the editor, and raised in one
H5PValidationError; reading stops early only when going on would be unsafe or
pointless (not a zip, zip bomb, corrupted archive, a file that cannot be read).

Beyond shared/H5P.md, it refuses what H5P core or the player would trip on later:
file names that cannot be stored or shown safely, case-only duplicates, JSON that
is not UTF-8, invalid language codes, a main library that is not a content type,
libraries needing a newer player, and dependency cycles.

One module per group of rules: archive (1 to 5), manifests (6 and 7), libraries
(8, 9 and cycles); names checks member names; definitions holds the constants and the
types callers use (LibraryRef, Limits, ValidatedPackage, H5PValidationError).
"""

from collections.abc import Iterable, Mapping

from ...archives import (
    ArchiveError,
    Source,
    archive_size_errors,
    compression_errors,
    integrity_errors,
    limit_errors,
    open_archive,
)
from .archive import _filename_errors, _sort_members, _svg_errors
from .definitions import (
    CONTENT_JSON,
    H5P_JSON,
    H5PValidationError,
    LibraryRef,
    Limits,
    ValidatedPackage,
)
from .libraries import (
    _cycle_errors,
    _main_library_errors,
    _missing_dependency_errors,
    _read_libraries,
    _without,
)
from .manifests import (
    _h5p_json_dependencies,
    _ignored_but_used_errors,
    _main_library,
    _read_json_object,
)


def validate_package(
    fileobj_or_path: Source,
    *,
    filename: str,
    installed: Iterable[LibraryRef] | Mapping[LibraryRef, dict] = (),
    limits: Limits = Limits(),  # noqa: B008 - frozen, so sharing the default is safe.
) -> ValidatedPackage:
    """Check an uploaded .h5p file against rules 1-9 and return what it holds.

    `filename` is the name the file was uploaded under; `installed` are the
    libraries already on the platform, which may satisfy dependencies: given as a
    mapping to their library.json, they are also checked as main library (runnable)
    and walked for dependency cycles. Raise H5PValidationError listing every
    problem found; nothing else escapes, whatever the bytes.
    """
    try:
        return _validate(fileobj_or_path, filename, installed, limits)
    except H5PValidationError:
        raise
    except ArchiveError as error:  # Raised by the checks shared with SCORM packages.
        raise H5PValidationError(error.errors) from None


def _validate(
    fileobj_or_path: Source,
    filename: str,
    installed: Iterable[LibraryRef] | Mapping[LibraryRef, dict],
    limits: Limits,
) -> ValidatedPackage:
    installed_json = dict(installed) if isinstance(installed, Mapping) else {}
    errors = _filename_errors(filename)
    _stop_if(errors, archive_size_errors(fileobj_or_path, limits))
    archive = open_archive(fileobj_or_path, errors)
    with archive:
        infos = archive.infolist()
        # Too big, unreadable or corrupted: reading further would be unsafe or meaningless.
        _stop_if(errors, limit_errors(infos, limits))
        _stop_if(errors, compression_errors(infos))
        _stop_if(errors, integrity_errors(archive, infos))
        layout = _sort_members(infos, errors)
        errors += _svg_errors(archive, layout)
        h5p_json = _read_json_object(archive, layout, H5P_JSON, errors, limits.max_json_size)
        content_json = _read_json_object(
            archive, layout, CONTENT_JSON, errors, limits.max_content_json_size
        )
        found = _read_libraries(archive, layout, errors, limits)
    if content_json is not None:
        errors += _ignored_but_used_errors(content_json, layout.ignored_files)
    roots = [] if h5p_json is None else _h5p_json_dependencies(h5p_json, errors)
    errors += _missing_dependency_errors(roots, found, frozenset(installed))
    errors += _cycle_errors(roots, found.libraries | _without(installed_json, found.libraries))
    if h5p_json is not None and not errors:
        errors += _main_library_errors(_main_library(h5p_json), found, installed_json)
    _raise_if_any(errors)
    return ValidatedPackage(
        title=h5p_json["title"],
        language=h5p_json["language"],
        main_library=_main_library(h5p_json),
        h5p_json=h5p_json,
        content_json=content_json,
        libraries=found.libraries,
        content_files=layout.content_files,
        library_files=found.files,
        total_size=sum(info.file_size for info in layout.members.values()),
        root_files=[name for name in layout.root_files if name != H5P_JSON],
        ignored_files=layout.ignored_files,
    )


def _raise_if_any(errors: list[str]) -> None:
    if errors:
        raise H5PValidationError(errors)


def _stop_if(errors: list[str], fatal_errors: list[str]) -> None:
    """Raise at once, with the errors found so far, when there are fatal errors."""
    if fatal_errors:
        raise H5PValidationError([*errors, *fatal_errors])
