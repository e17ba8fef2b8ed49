"""Decide whether an uploaded SVG image may be stored and served as is.

An SVG is a document, not a picture: served from the platform's origin it can run
script, load remote resources or embed HTML. Sanitising is hard to get right, so an
SVG that does any of that is refused and the editor is told why (H5P rule 4).

The file is parsed with expat directly, in chunks, so that a large file is never
held in memory and so that DTD features can be refused before they take effect.
"""

import re
from collections.abc import Iterable
from xml.parsers import expat

from django.utils.translation import gettext as _

# Local names (namespace prefix removed) of elements that run code, embed other
# documents or navigate by themselves, whatever namespace they are put in.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script",
        "handler",
        "listener",
        "foreignobject",
        "iframe",
        "frame",
        "frameset",
        "embed",
        "object",
        "applet",
        "meta",
        "base",
        "link",
        "form",
    }
)

# Attributes whose value is a URL that the browser may fetch or navigate to.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "base", "action", "formaction", "data", "poster", "background"}
)

# Inline images are the only URLs with a scheme that stay inside the file. SVG is
# not among them because an embedded SVG could carry its own script.
SAFE_DATA_URL = re.compile(r"^data:image/(png|jpe?g|gif|webp)[;,]")
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:")
CSS_URL = re.compile(r"url\(([^)]*)\)")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# Browsers ignore whitespace and control characters inside a URL scheme
# ("java\tscript:"), so they are removed before looking for one.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
SCRIPT_SCHEMES = ("javascript:", "vbscript:")

CHUNK_SIZE = 64 * 1024


class _UnsafeSVG(Exception):
    """Raised from an expat handler to stop parsing at the first threat."""


def find_svg_threat(chunks: Iterable[bytes]) -> str | None:
    """Return why the SVG made of these byte chunks is unsafe (French), or None if it is safe."""
    checker = _SVGChecker()
    try:
        for chunk in chunks:
            checker.parser.Parse(chunk, False)
        checker.parser.Parse(b"", True)
    except _UnsafeSVG as threat:
        return str(threat)
    except expat.ExpatError:
        return _("ce n'est pas un fichier XML valide")
    if not checker.saw_root:
        return _("ce n'est pas un fichier XML valide")
    return None


def read_chunks(fileobj, size: int = CHUNK_SIZE) -> Iterable[bytes]:
    """Yield the content of a binary file object in chunks of at most `size` bytes."""
    while chunk := fileobj.read(size):
        yield chunk


def _normalise_url(value: str) -> str:
    """Return the URL as a browser reads it: no blanks, lower case, "\\" as "/"."""
    return IGNORED_IN_URLS.sub("", value).lower().replace("\\", "/")


def _is_external_url(value: str) -> bool:
    """Return True when the URL leaves the file (remote, protocol-relative or scripted)."""
    url = _normalise_url(value)
    if url.startswith("//"):
        return True
    return bool(URL_SCHEME.match(url)) and not SAFE_DATA_URL.match(url)


def _local_name(name: str) -> str:
    """Return the name without its namespace prefix ("xlink:href" -> "href"), lower-cased."""
    return name.rpartition(":")[2].lower()


def _check_css(css: str) -> None:
    """Refuse style sheets that import other sheets, run script or fetch remote files."""
    text = CSS_COMMENT.sub("", css).lower()
    if "@import" in text:
        raise _UnsafeSVG(_("il contient une instruction @import"))
    if "expression(" in text or any(scheme in _normalise_url(text) for scheme in SCRIPT_SCHEMES):
        raise _UnsafeSVG(_("il contient du script dans une feuille de style"))
    for target in CSS_URL.findall(text):
        target = target.strip().strip("'\"")
        # CSS escapes could spell out a scheme, so a backslash is not given the benefit
        # of the doubt.
        if "\\" in target or _is_external_url(target):
            raise _UnsafeSVG(
                _("il fait référence à une ressource externe (%(url)s)") % {"url": target}
            )


class _SVGChecker:
    """Expat handlers that raise _UnsafeSVG at the first dangerous construct."""

    def __init__(self) -> None:
        self.saw_root = False
        self.in_style = 0
        self.style_text: list[str] = []
        parser = expat.ParserCreate()
        # Entities are the road to XXE and "billion laughs": none may be declared.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self.start_doctype
        parser.EntityDeclHandler = self.refuse_entity
        parser.UnparsedEntityDeclHandler = self.refuse_entity
        parser.ExternalEntityRefHandler = self.refuse_entity
        parser.ProcessingInstructionHandler = self.processing_instruction
        parser.StartElementHandler = self.start_element
        parser.EndElementHandler = self.end_element
        parser.CharacterDataHandler = self.character_data
        self.parser = parser

    def start_doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        # The standard `<!DOCTYPE svg PUBLIC ... svg11.dtd>` of icon fonts is harmless:
        # expat never fetches the external DTD. Only an internal subset can declare entities.
        if has_internal_subset:
            raise _UnsafeSVG(_("il déclare une DTD interne (entités XML)"))

    def refuse_entity(self, *args) -> None:
        raise _UnsafeSVG(_("il déclare des entités XML"))

    def processing_instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise _UnsafeSVG(_("il charge une feuille de style externe"))

    def start_element(self, name: str, attributes: dict[str, str]) -> None:
        element = _local_name(name)
        if not self.saw_root and element != "svg":
            raise _UnsafeSVG(_("ce n'est pas une image SVG"))
        self.saw_root = True
        if element == "script":
            raise _UnsafeSVG(_("il contient un script"))
        if element in FORBIDDEN_ELEMENTS:
            raise _UnsafeSVG(_("il contient un élément interdit (%(element)s)") % {"element": name})
        for attribute, value in attributes.items():
            self.check_attribute(attribute, value)
        if element == "style":
            self.in_style += 1

    def end_element(self, name: str) -> None:
        if _local_name(name) == "style":
            self.in_style -= 1
            if not self.in_style:
                _check_css("".join(self.style_text))
                self.style_text = []

    def character_data(self, data: str) -> None:
        if self.in_style:
            self.style_text.append(data)

    def check_attribute(self, attribute: str, value: str) -> None:
        """Refuse event handlers, script URLs, external references and animated links."""
        if attribute == "xmlns" or attribute.startswith("xmlns:"):
            return  # Namespace names are identifiers, never fetched.
        name = _local_name(attribute)
        if name.startswith("on"):
            raise _UnsafeSVG(
                _("il contient un gestionnaire d'événement (%(attribute)s)")
                % {"attribute": attribute}
            )
        url = _normalise_url(value)
        if any(scheme in url for scheme in SCRIPT_SCHEMES):
            raise _UnsafeSVG(_("il contient une URL javascript:"))
        if name in URL_ATTRIBUTES and _is_external_url(value):
            raise _UnsafeSVG(
                _("il fait référence à une ressource externe (%(url)s)") % {"url": value}
            )
        if name == "attributename" and (url.startswith("on") or _local_name(url) == "href"):
            # <set attributeName="href" to="..."> would rewrite a link after these checks.
            raise _UnsafeSVG(
                _("il anime un attribut sensible (%(attribute)s)") % {"attribute": value}
            )
        if "url(" in url or name == "style":
            _check_css(value)
