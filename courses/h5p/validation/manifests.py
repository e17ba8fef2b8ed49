"""Rules 6 and 7: h5p.json and content/content.json."""

import codecs
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ...archives import read_member
from ...archives.names import shown_name
from .definitions import (
    CONTENT_FOLDER,
    EMBED_TYPES,
    H5P_JSON,
    LANGUAGE_CODE,
    RUNTIME_DEPENDENCY_KEYS,
    TITLE_MAX_LENGTH,
    LibraryRef,
    _Layout,
)


def _read_json_object(
    archive: zipfile.ZipFile,
    layout: _Layout,
    name: str,
    errors: list[str],
    max_size: int,
    *,
    required: bool = True,
    kind: type = dict,
) -> Any:
    """Return the JSON object (or list: `kind`) in member `name`, or None after recording why.

    A missing member is no error when it is not `required`.
    """
    info = layout.members.get(name)
    if info is None:
        if required:
            errors.append(
                _("Le fichier « %(name)s » est absent de l'archive.") % {"name": shown_name(name)}
            )
        return None
    raw = read_member(archive, info, max_size)
    if raw is None:
        errors.append(
            _("Le fichier « %(name)s » est trop volumineux (maximum %(max)s).")
            % {"name": shown_name(name), "max": filesizeformat(max_size)}
        )
        return None
    try:
        data = parse_json(raw)
    except UnicodeError:
        errors.append(
            _("Le fichier « %(name)s » doit être encodé en UTF-8.") % {"name": shown_name(name)}
        )
        return None
    except (ValueError, RecursionError):
        errors.append(
            _("Le fichier « %(name)s » n'est pas un JSON valide.") % {"name": shown_name(name)}
        )
        return None
    if not isinstance(data, kind):
        message = (
            _("Le fichier « %(name)s » doit contenir un objet JSON.")
            if kind is dict
            else _("Le fichier « %(name)s » doit contenir une liste JSON.")
        )
        errors.append(message % {"name": shown_name(name)})
        return None
    return data


def parse_json(raw: bytes) -> Any:
    """Return the JSON document in `raw` as the player's browser would read it.

    UTF-8 only: a UTF-8 byte order mark is skipped (browsers' JSON decoding skips
    it, and so do Lumi and the H5P editor's Node tools), UTF-16 and UTF-32 raise
    UnicodeError (the player would read garbage). NaN and Infinity, which Python
    accepts but JSON.parse refuses, raise ValueError.
    """
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or raw.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise UnicodeError("UTF-16 or UTF-32 byte order mark.")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    # Without a byte order mark, UTF-16 and UTF-32 JSON start with a zero byte
    # next to the first ASCII character (RFC 4627, section 3).
    if b"\x00" in raw[:4]:
        raise UnicodeError("UTF-16 or UTF-32 without byte order mark.")
    text = raw.decode("utf-8")
    return json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON.")


def _ignored_but_used_errors(content_json: dict, ignored: list[str]) -> list[str]:
    """Refuse a skipped content file that content.json uses: the activity would miss it.

    content.json gives files relative to content/ ("images/photo.png").
    """
    skipped = {
        name.removeprefix(f"{CONTENT_FOLDER}/"): name
        for name in ignored
        if name.startswith(f"{CONTENT_FOLDER}/")
    }
    if not skipped:
        return []
    used = [skipped[value] for value in _strings_in(content_json) if value in skipped]
    return [
        _(
            "Le fichier « %(name)s » est utilisé par « content/content.json », mais H5P "
            "ignore les fichiers et dossiers dont le nom commence par « . » ou « _ » : "
            "renommez-le."
        )
        % {"name": shown_name(name)}
        for name in dict.fromkeys(used)
    ]


def _strings_in(data: Any) -> Iterable[str]:
    """Yield every string value of a JSON document, without recursion."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


def _h5p_json_dependencies(h5p_json: dict, errors: list[str]) -> list[LibraryRef]:
    """Check h5p.json's fields (rule 6) and return its runtime dependencies."""
    errors += _h5p_json_field_errors(h5p_json)
    preloaded = h5p_json.get("preloadedDependencies")
    if not isinstance(preloaded, list) or not preloaded:
        errors.append(
            _(
                "Le fichier « h5p.json » doit lister les bibliothèques requises "
                "(preloadedDependencies)."
            )
        )
        return []
    dependencies = _dependency_list(h5p_json, H5P_JSON, errors)
    main_library = h5p_json.get("mainLibrary")
    if not isinstance(main_library, str) or not main_library:
        errors.append(
            _("Le fichier « h5p.json » n'indique pas sa bibliothèque principale (mainLibrary).")
        )
    elif main_library not in {ref.machine_name for ref in dependencies}:
        errors.append(
            _(
                "La bibliothèque principale « %(library)s » ne figure pas parmi les "
                "preloadedDependencies de « h5p.json »."
            )
            % {"library": main_library}
        )
    return dependencies


def _h5p_json_field_errors(h5p_json: dict) -> list[str]:
    errors = []
    title = h5p_json.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > TITLE_MAX_LENGTH:
        errors.append(
            _("Le titre (title) de « h5p.json » doit compter entre 1 et %(max)s caractères.")
            % {"max": TITLE_MAX_LENGTH}
        )
    language = h5p_json.get("language")
    if not isinstance(language, str) or not language.strip():
        errors.append(_("Le fichier « h5p.json » n'indique pas de langue (language)."))
    elif not LANGUAGE_CODE.match(language):
        errors.append(
            _(
                "La langue (language) de « h5p.json » doit être un code de langue comme "
                "« fr », « fr-FR » ou « und » (%(max)s lettres ou tirets au plus)."
            )
            % {"max": 10}
        )
    embed_types = h5p_json.get("embedTypes")
    if (
        not isinstance(embed_types, list)
        or not embed_types
        or not all(isinstance(kind, str) and kind in EMBED_TYPES for kind in embed_types)
    ):
        errors.append(
            _(
                "Les modes d'intégration (embedTypes) de « h5p.json » doivent être "
                "« iframe », « div » ou les deux."
            )
        )
    return errors


def _main_library(h5p_json: dict) -> LibraryRef:
    """Return the dependency matching mainLibrary (h5p.json is known to be valid)."""
    for dep in h5p_json["preloadedDependencies"]:
        ref = LibraryRef.parse_dependency(dep)
        if ref.machine_name == h5p_json["mainLibrary"]:
            return ref
    raise AssertionError("validate_package checked that mainLibrary is a dependency.")


def _dependency_list(data: dict, owner: str, errors: list[str]) -> list[LibraryRef]:
    """Return the runtime dependencies declared in `data`, recording malformed entries."""
    refs = []
    for key in RUNTIME_DEPENDENCY_KEYS:
        entries = data.get(key, [])
        if not isinstance(entries, list):
            errors.append(
                _("La liste %(key)s de « %(owner)s » est invalide.") % {"key": key, "owner": owner}
            )
            continue
        for index, entry in enumerate(entries, start=1):
            try:
                refs.append(LibraryRef.parse_dependency(entry))
            except ValueError:
                errors.append(
                    _(
                        "L'entrée n° %(index)s de %(key)s dans « %(owner)s » est invalide "
                        "(machineName, majorVersion et minorVersion sont requis)."
                    )
                    % {"index": index, "key": key, "owner": owner}
                )
    return refs
