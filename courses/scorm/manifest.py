"""Read imsmanifest.xml: version, default organization, items in order, resources.

The XML is parsed with defusedxml: entity declarations (the "billion laughs" bomb, and
external entities that would read a file or a URL) are refused, a DOCTYPE alone is
accepted, as some authoring tools write one. Elements are matched by local name, so
that the namespaces of SCORM 1.2 (imscp_rootv1p1p2, adlcp_rootv1p2) and 2004
(imscp_v1p1, adlcp_v1p3, imsss) are read by the same code, and sloppy manifests that
put an element in the wrong namespace are read as learning platforms read them.
"""

import posixpath
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from ..archives.names import shown_name
from .definitions import (
    ASSET,
    SCO,
    SCORM_12,
    SCORM_2004,
    ScormItem,
    ScormManifest,
    ScormResource,
    ScormValidationError,
    ScormVersion,
)

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"

# <schemaversion> as the specifications and the authoring tools write it.
SCHEMA_VERSIONS = {
    "1.2": ScormVersion(SCORM_12),
    "cam 1.3": ScormVersion(SCORM_2004, 2),
    "2004 2nd edition": ScormVersion(SCORM_2004, 2),
    "2004 3rd edition": ScormVersion(SCORM_2004, 3),
    "2004 4th edition": ScormVersion(SCORM_2004, 4),
}
URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def parse_manifest(raw: bytes) -> ScormManifest:
    """Return what imsmanifest.xml describes; raise ScormValidationError listing every problem."""
    root = _parse_xml(raw)
    errors: list[str] = []
    if _local(root.tag) != "manifest":
        raise ScormValidationError(
            [_("Le fichier imsmanifest.xml doit avoir pour élément racine « manifest ».")]
        )
    version = _version(root)
    if version is None:
        raise ScormValidationError(
            [
                _(
                    "La version SCORM du paquet est inconnue : imsmanifest.xml doit indiquer "
                    "SCORM 1.2 ou SCORM 2004 (élément « schemaversion »)."
                )
            ]
        )
    resources = _resources(root, errors)
    organization = _default_organization(root, errors)
    items = [] if organization is None else _items(organization, version, errors)
    errors += _reference_errors(items, resources)
    if organization is not None and not any(item.identifierref for item in items):
        errors.append(_("L'organisation du paquet ne lance aucune ressource."))
    if errors:
        raise ScormValidationError(errors)
    assert organization is not None
    return ScormManifest(
        identifier=_identifier(root, "identifier"),
        version=version,
        organization_identifier=_identifier(organization, "identifier"),
        title=_child_text(organization, "title"),
        items=items,
        resources=resources,
    )


def _parse_xml(raw: bytes) -> Element:
    try:
        return fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ScormValidationError(
            [
                _(
                    "Le fichier imsmanifest.xml déclare des entités XML ou renvoie à des "
                    "ressources extérieures, ce qui est refusé."
                )
            ]
        ) from None
    except (LookupError, ValueError):  # An encoding Python does not know, or cannot use.
        raise ScormValidationError(
            [_("Le fichier imsmanifest.xml déclare un encodage inconnu.")]
        ) from None
    except ParseError as error:
        line, column = error.position
        raise ScormValidationError(
            [
                _(
                    "Le fichier imsmanifest.xml n'est pas un XML valide "
                    "(ligne %(line)s, colonne %(column)s)."
                )
                % {"line": line, "column": column + 1}
            ]
        ) from None


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _namespace(name: str) -> str:
    return name[1:].partition("}")[0] if name.startswith("{") else ""


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _child(element: Element, name: str) -> Element | None:
    return next(iter(_children(element, name)), None)


def _child_text(element: Element, name: str) -> str:
    child = _child(element, name)
    return "" if child is None else " ".join((child.text or "").split())


def _identifier(element: Element, name: str) -> str:
    """An identifier attribute; XML Schema collapses the whitespace around an ID."""
    return (element.get(name) or "").strip()


def _attribute(element: Element, name: str) -> str | None:
    """The attribute `name`, in any namespace and any case (scormtype, scormType)."""
    wanted = name.casefold()
    return next(
        (value for key, value in element.attrib.items() if _local(key).casefold() == wanted),
        None,
    )


def _version(root: Element) -> ScormVersion | None:
    metadata = _child(root, "metadata")
    declared = "" if metadata is None else _child_text(metadata, "schemaversion")
    if declared.casefold() in SCHEMA_VERSIONS:
        return SCHEMA_VERSIONS[declared.casefold()]
    namespaces = {_namespace(name) for node in root.iter() for name in (node.tag, *node.attrib)}
    if ADLCP_2004 in namespaces or IMSSS in namespaces:
        return ScormVersion(SCORM_2004)
    if ADLCP_12 in namespaces:
        return ScormVersion(SCORM_12)
    return None


def _default_organization(root: Element, errors: list[str]) -> Element | None:
    organizations = _child(root, "organizations")
    found = [] if organizations is None else _children(organizations, "organization")
    if not found:
        errors.append(_("Le fichier imsmanifest.xml ne décrit aucune organisation."))
        return None
    default = _identifier(organizations, "default") if organizations is not None else None
    if not default:
        return found[0]
    chosen = next((org for org in found if _identifier(org, "identifier") == default), None)
    if chosen is None:
        errors.append(
            _("L'organisation par défaut « %(identifier)s » est absente du manifeste.")
            % {"identifier": shown_name(default)}
        )
    return chosen


def _items(organization: Element, version: ScormVersion, errors: list[str]) -> list[ScormItem]:
    """Every item under the organization, depth first, in document order."""
    items: list[ScormItem] = []
    # Iterative, so that a manifest of deeply nested items cannot exhaust the stack.
    stack = [(node, 0) for node in reversed(_children(organization, "item"))]
    while stack:
        node, depth = stack.pop()
        items.append(_item(node, depth, version, errors))
        stack += [(child, depth + 1) for child in reversed(_children(node, "item"))]
    return items


def _item(node: Element, depth: int, version: ScormVersion, errors: list[str]) -> ScormItem:
    identifier = _identifier(node, "identifier")
    item = ScormItem(
        identifier=identifier,
        title=_child_text(node, "title"),
        depth=depth,
        identifierref=_identifier(node, "identifierref") or None,
        parameters=node.get("parameters", ""),
        is_visible=node.get("isvisible", "true").strip().lower() != "false",
        has_children=bool(_children(node, "item")),
    )
    if not identifier:
        errors.append(_("Un élément de l'organisation n'a pas d'identifiant."))
    if version.standard == SCORM_12:
        item.mastery_score = _number(
            _child_text(node, "masteryscore"),
            Decimal(0),
            Decimal(100),
            _(
                "Le score de maîtrise (masteryscore) de l'élément « %(item)s » doit être un "
                "nombre entre 0 et 100."
            ),
            identifier,
            errors,
        )
    else:
        item.min_normalized_measure = _number(
            _primary_measure(node),
            Decimal(-1),
            Decimal(1),
            _(
                "Le seuil de réussite (minNormalizedMeasure) de l'élément « %(item)s » doit être "
                "un nombre entre -1 et 1."
            ),
            identifier,
            errors,
        )
        item.objective_ids = _objective_ids(node)
    return item


def _objective_ids(node: Element) -> list[str]:
    """The objectiveIDs of an item's sequencing objectives, primary first (SCORM 2004
    RTE 4.2.17: the LMS initialises cmi.objectives from them)."""
    sequencing = _child(node, "sequencing")
    objectives = None if sequencing is None else _child(sequencing, "objectives")
    if objectives is None:
        return []
    found = [
        (objective.get("objectiveID") or "").strip()
        for name in ("primaryObjective", "objective")
        for objective in _children(objectives, name)
    ]
    return list(dict.fromkeys(identifier for identifier in found if identifier))


def _primary_measure(node: Element) -> str:
    """The primary objective's minNormalizedMeasure, when it decides success.

    Only the simple case is read: the primary objective satisfied by measure. Without
    minNormalizedMeasure, SCORM 2004's default threshold, 1.0, applies.
    """
    sequencing = _child(node, "sequencing")
    objectives = None if sequencing is None else _child(sequencing, "objectives")
    primary = None if objectives is None else _child(objectives, "primaryObjective")
    if primary is None or primary.get("satisfiedByMeasure", "false").strip() != "true":
        return ""
    return _child_text(primary, "minNormalizedMeasure") or "1.0"


def _number(
    text: str, low: Decimal, high: Decimal, message: str, item: str, errors: list[str]
) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not low <= value <= high:
        errors.append(message % {"item": shown_name(item)})
        return None
    return value


def _resources(root: Element, errors: list[str]) -> dict[str, ScormResource]:
    base = _join_base("", root.get(XML_BASE))
    container = _child(root, "resources")
    if container is None:
        errors.append(_("Le fichier imsmanifest.xml ne décrit aucune ressource."))
        return {}
    base = _join_base(base, container.get(XML_BASE))
    resources: dict[str, ScormResource] = {}
    for node in _children(container, "resource"):
        resource = _resource(node, base, errors)
        if resource is None:
            continue
        if resource.identifier in resources:
            errors.append(
                _("La ressource « %(identifier)s » est décrite plusieurs fois.")
                % {"identifier": shown_name(resource.identifier)}
            )
        resources[resource.identifier] = resource
    return resources


def _resource(node: Element, base: str, errors: list[str]) -> ScormResource | None:
    identifier = _identifier(node, "identifier")
    if not identifier:
        errors.append(_("Une ressource du manifeste n'a pas d'identifiant."))
        return None
    scorm_type = (_attribute(node, "scormtype") or ASSET).strip().lower()
    if scorm_type not in (SCO, ASSET):
        errors.append(
            _(
                "La ressource « %(identifier)s » a un type SCORM inconnu (« %(type)s ») : "
                "« sco » ou « asset » attendu."
            )
            % {"identifier": shown_name(identifier), "type": shown_name(scorm_type)}
        )
    base = _join_base(base, node.get(XML_BASE))
    href, launch = None, None
    if node.get("href"):
        href, launch = _resolve(identifier, base, node.get("href", ""), errors)
    files = []
    for file_node in _children(node, "file"):
        path, _launch = _resolve(identifier, base, file_node.get("href", ""), errors)
        if path:
            files.append(path)
    return ScormResource(
        identifier=identifier,
        scorm_type=scorm_type,
        href=href,
        launch=launch,
        files=files,
        href_refused=bool(node.get("href")) and href is None,
        dependencies=[
            _identifier(dependency, "identifierref") for dependency in _children(node, "dependency")
        ],
    )


def _join_base(base: str, more: str | None) -> str:
    """Join xml:base values; each is relative to the one above it (like a URL path)."""
    if not more:
        return base
    if URL_SCHEME.match(more) or more.startswith("/"):
        return more
    return base + more if not base or base.endswith("/") else base + "/" + more


def _resolve(
    identifier: str, base: str, href: str, errors: list[str]
) -> tuple[str | None, str | None]:
    """Return (path in the package, href with query and fragment), or (None, None) if outside.

    The path is unquoted and normalised ("a/./b/../c.html" is "a/c.html").
    """
    written = base + href if not URL_SCHEME.match(href) and not href.startswith("/") else href
    parts = urlsplit(written)
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if (
        not href.strip()
        or parts.scheme
        or parts.netloc
        or path.startswith("/")
        or path == ".."
        or path.startswith("../")
        or path == "."
    ):
        errors.append(
            _("La ressource « %(identifier)s » renvoie à « %(href)s », hors du paquet.")
            % {"identifier": shown_name(identifier), "href": shown_name(written)}
        )
        return None, None
    launch = (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )
    return path, launch


def _reference_errors(items: list[ScormItem], resources: dict[str, ScormResource]) -> list[str]:
    errors = []
    for item in items:
        if item.identifierref is None:
            if not item.has_children:
                errors.append(
                    _("L'élément « %(item)s » n'a ni sous-élément ni ressource à lancer.")
                    % {"item": shown_name(item.identifier)}
                )
            continue
        resource = resources.get(item.identifierref)
        if resource is None:
            errors.append(
                _(
                    "L'élément « %(item)s » renvoie à la ressource « %(resource)s », absente du "
                    "manifeste."
                )
                % {"item": shown_name(item.identifier), "resource": shown_name(item.identifierref)}
            )
        elif resource.href is None and not resource.href_refused:
            errors.append(
                _("La ressource « %(resource)s » n'a pas de fichier de lancement (href).")
                % {"resource": shown_name(resource.identifier)}
            )
    for resource in resources.values():
        errors += [
            _("La ressource « %(resource)s » dépend de « %(dependency)s », absente du manifeste.")
            % {"resource": shown_name(resource.identifier), "dependency": shown_name(dependency)}
            for dependency in resource.dependencies
            if dependency not in resources
        ]
    return errors
