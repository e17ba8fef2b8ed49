"""Rules 8 and 9: library folders, dependencies present or installed, no cycle."""

import posixpath
import zipfile
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from .definitions import (
    H5P_JSON,
    LIBRARY_JSON,
    LIBRARY_REQUIRED_FIELDS,
    MACHINE_NAME,
    PLAYER_CORE_API,
    SEMANTICS_JSON,
    VERSIONED_FOLDER,
    LibraryRef,
    Limits,
    _Layout,
    _Libraries,
    parse_version,
)
from .manifests import _dependency_list, _read_json_object


def _read_libraries(
    archive: zipfile.ZipFile, layout: _Layout, errors: list[str], limits: Limits
) -> _Libraries:
    """Read and check every library folder's library.json (rule 8) and semantics.json."""
    found = _Libraries()
    for folder, names in layout.library_folders.items():
        library_json = _read_json_object(
            archive, layout, f"{folder}/{LIBRARY_JSON}", errors, limits.max_json_size
        )
        # The H5P editor reads semantics.json; H5P core refuses a library whose copy is broken.
        _read_json_object(
            archive,
            layout,
            f"{folder}/{SEMANTICS_JSON}",
            errors,
            limits.max_semantics_size,
            required=False,
            kind=list,
        )
        library = (
            None if library_json is None else _check_library_json(folder, library_json, errors)
        )
        if library is None:
            found.broken |= _ref_from_folder_name(folder)
            continue
        ref = _ref_of(library)
        if ref in found.libraries:
            errors.append(
                _("La bibliothèque %(library)s figure deux fois dans l'archive.") % {"library": ref}
            )
            continue
        _check_preloaded_files(folder, ref, library, set(names), errors)
        found.libraries[ref] = library
        found.files[ref] = names
    return found


def _ref_from_folder_name(folder: str) -> set[LibraryRef]:
    """Return what a "Name-1.2" folder claims to be, as a set of zero or one reference."""
    match = VERSIONED_FOLDER.match(folder)
    if not match:
        return set()
    return {LibraryRef(match["name"], int(match["major"]), int(match["minor"]))}


def _ref_of(library: dict) -> LibraryRef:
    return LibraryRef(library["machineName"], library["majorVersion"], library["minorVersion"])


def _check_library_json(folder: str, library_json: dict, errors: list[str]) -> dict | None:
    """Return library.json with int versions, or None after recording what is wrong."""
    owner = f"{folder}/{LIBRARY_JSON}"
    missing = [key for key in LIBRARY_REQUIRED_FIELDS if key not in library_json]
    if missing:
        errors.append(
            _("Le fichier « %(owner)s » ne précise pas : %(fields)s.")
            % {"owner": owner, "fields": ", ".join(missing)}
        )
        return None
    library = dict(library_json)
    try:
        for key in ("majorVersion", "minorVersion", "patchVersion"):
            library[key] = parse_version(library_json[key])
    except ValueError:
        errors.append(
            _("Les numéros de version de « %(owner)s » sont invalides.") % {"owner": owner}
        )
        return None
    machine_name, title = library["machineName"], library["title"]
    if not isinstance(machine_name, str) or not MACHINE_NAME.match(machine_name):
        errors.append(
            _("Le nom machine (machineName) de « %(owner)s » est invalide.") % {"owner": owner}
        )
        return None
    if not isinstance(title, str) or not title.strip():
        errors.append(_("Le titre (title) de « %(owner)s » est vide.") % {"owner": owner})
    # H5P core checks runnable against /^(0|1)$/ once cast to a string.
    if str(library["runnable"]).lower() not in {"0", "1", "true", "false"}:
        errors.append(
            _("Le champ runnable de « %(owner)s » doit valoir 0 ou 1.") % {"owner": owner}
        )
    errors += _core_api_errors(owner, library)
    ref = _ref_of(library)
    if folder not in (machine_name, ref.folder):
        errors.append(
            _(
                "Le dossier « %(folder)s » ne correspond pas à son library.json "
                "(attendu : « %(expected)s »)."
            )
            % {"folder": folder, "expected": ref.folder}
        )
        return None
    _dependency_list(library, owner, errors)
    return library


def _core_api_errors(owner: str, library: dict) -> list[str]:
    """Refuse a library needing a newer H5P core API than the player's (as H5P core does)."""
    core_api = library.get("coreApi")
    if core_api is None or core_api == {} or core_api == []:
        return []  # No requirement means 1.0.
    try:
        if not isinstance(core_api, dict):
            raise ValueError("coreApi must be an object.")
        required = (
            parse_version(core_api.get("majorVersion")),
            parse_version(core_api.get("minorVersion", 0)),
        )
    except ValueError:
        return [
            _("La version de l'API H5P (coreApi) de « %(owner)s » est invalide.") % {"owner": owner}
        ]
    if required <= PLAYER_CORE_API:
        return []
    return [
        _(
            "La bibliothèque « %(library)s » demande la version %(required)s de l'API H5P ; "
            "le lecteur de la plateforme fournit la version %(current)s. Exportez l'activité "
            "avec des bibliothèques plus anciennes."
        )
        % {
            "library": owner.partition("/")[0],
            "required": f"{required[0]}.{required[1]}",
            "current": f"{PLAYER_CORE_API[0]}.{PLAYER_CORE_API[1]}",
        }
    ]


def _check_preloaded_files(
    folder: str, ref: LibraryRef, library: dict, names: set[str], errors: list[str]
) -> None:
    for key in ("preloadedJs", "preloadedCss"):
        entries = library.get(key, [])
        if not isinstance(entries, list):
            entries = [None]
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or posixpath.normpath(f"{folder}/{path}") not in names:
                errors.append(
                    _(
                        "Le fichier « %(path)s » déclaré dans %(key)s de la bibliothèque "
                        "%(library)s est absent du paquet."
                    )
                    % {"path": path, "key": key, "library": ref}
                )


def _missing_dependency_errors(
    roots: list[LibraryRef], found: _Libraries, installed: frozenset[LibraryRef]
) -> list[str]:
    """Walk the dependency graph from h5p.json and report each missing library once.

    Installed libraries are not walked: their own dependencies were checked when
    they were installed. Folders with a broken library.json count as present, their
    error being already reported.
    """
    libraries = found.libraries
    present = libraries.keys() | found.broken
    requirers: dict[LibraryRef, list[str]] = {}
    pending = [(ref, H5P_JSON) for ref in roots]
    visited: set[LibraryRef] = set()
    while pending:
        ref, requirer = pending.pop(0)
        if ref in present:
            if ref not in visited and ref in libraries:
                visited.add(ref)
                ignored: list[str] = []  # Malformed entries were reported by rule 8.
                owner = str(ref)
                pending += [
                    (dep, owner) for dep in _dependency_list(libraries[ref], owner, ignored)
                ]
        elif ref not in installed:
            names = requirers.setdefault(ref, [])
            if requirer not in names:
                names.append(requirer)
    return [
        _(
            "La bibliothèque %(library)s, requise par %(requirers)s, est absente du paquet "
            "et n'est pas installée sur la plateforme."
        )
        % {"library": ref, "requirers": _join(sorted(names, key=lambda name: name == H5P_JSON))}
        for ref, names in requirers.items()
    ]


def _join(names: list[str]) -> str:
    """Return "a, b et c"."""
    if len(names) == 1:
        return names[0]
    return _("%(first)s et %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _without(installed: dict[LibraryRef, dict], present: Mapping) -> dict[LibraryRef, dict]:
    """Return installed libraries the package does not bring (its own copy wins)."""
    return {ref: data for ref, data in installed.items() if ref not in present}


def _cycle_errors(roots: list[LibraryRef], libraries: Mapping[LibraryRef, dict]) -> list[str]:
    """Report each runtime dependency cycle reachable from h5p.json once."""
    cycles: list[list[LibraryRef]] = []
    done: set[LibraryRef] = set()
    for root in roots:
        _find_cycles(root, libraries, [], done, cycles)
    return [
        _(
            "Les bibliothèques %(cycle)s dépendent les unes des autres en boucle : "
            "le lecteur ne pourrait pas les charger."
        )
        % {"cycle": " → ".join(str(ref) for ref in cycle)}
        for cycle in cycles
    ]


def _find_cycles(
    ref: LibraryRef,
    libraries: Mapping[LibraryRef, dict],
    path: list[LibraryRef],
    done: set[LibraryRef],
    cycles: list[list[LibraryRef]],
) -> None:
    """Depth-first walk; `path` holds the libraries being visited, `done` the finished ones."""
    if ref in path:
        cycles.append([*path[path.index(ref) :], ref])
        return
    if ref in done or ref not in libraries:
        return
    path.append(ref)
    ignored: list[str] = []  # Malformed entries are reported by rule 8.
    for dependency in _dependency_list(libraries[ref], str(ref), ignored):
        _find_cycles(dependency, libraries, path, done, cycles)
    path.pop()
    done.add(ref)


def _main_library_errors(
    main: LibraryRef, found: _Libraries, installed: Mapping[LibraryRef, dict]
) -> list[str]:
    """Refuse a main library that is not a content type (runnable 0), as H5P core does."""
    library = found.libraries.get(main) or installed.get(main)
    # An installed library recorded without its library.json cannot be judged here.
    if library is None or "runnable" not in library or _is_runnable(library["runnable"]):
        return []
    return [
        _(
            "La bibliothèque principale %(library)s n'est pas un type de contenu "
            "(runnable vaut 0) : elle ne peut pas être jouée seule."
        )
        % {"library": main}
    ]


def _is_runnable(value: Any) -> bool:
    return str(value).lower() in {"1", "true"}
