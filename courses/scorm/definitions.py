"""What SCORM validation returns and refuses: versions, limits, the manifest's parts."""

from dataclasses import dataclass, field
from decimal import Decimal

from ..archives import ArchiveError
from ..h5p.validation.definitions import LIBRARY_EXTENSIONS, Limits

MANIFEST = "imsmanifest.xml"

SCORM_12 = "1.2"
SCORM_2004 = "2004"

# Extensions a SCORM package may hold: those of H5P (media, documents, fonts, scripts,
# styles) plus web pages and the XML schemas packages ship next to their manifest.
# The pages run their own script anyway; they are served sandboxed, like H5P files.
SCORM_EXTENSIONS = LIBRARY_EXTENSIONS | {"html", "htm", "xhtml", "xsd", "dtd", "webp", "ico"}

SCO = "sco"
ASSET = "asset"


@dataclass(frozen=True)
class ScormLimits(Limits):
    """H5P's archive limits (sizes, ratio, count), larger since SCORM packages carry video."""

    max_file_size: int = 128 * 1024 * 1024
    max_total_size: int = 256 * 1024 * 1024
    max_archive_size: int = 264 * 1024 * 1024
    max_files: int = 10_000
    # The manifest is read into memory and parsed as a whole.
    max_manifest_size: int = 2 * 1024 * 1024


class ScormValidationError(ArchiveError):
    """Carries every problem found, each a French sentence for the editor."""


@dataclass(frozen=True)
class ScormVersion:
    """SCORM 1.2 or 2004; for 2004, the edition (2 for « CAM 1.3 », 3, 4) if the manifest says."""

    standard: str
    edition: int | None = None

    def __str__(self) -> str:
        if self.standard == SCORM_12:
            return "SCORM 1.2"
        if self.edition is None:
            return "SCORM 2004"
        return f"SCORM 2004 ({self.edition}e édition)"


@dataclass
class ScormResource:
    """A <resource>: hrefs resolved against xml:base, relative to the package root."""

    identifier: str
    scorm_type: str  # SCO or ASSET
    # Launch file, without query or fragment; None when the resource has no href.
    href: str | None
    # The href as written, with its query and fragment, resolved against xml:base.
    launch: str | None
    files: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)
    # The href pointed outside the package (already refused): not reported as missing too.
    href_refused: bool = False


@dataclass
class ScormItem:
    """An <item> of the default organization, in document order (depth 0 at the top)."""

    identifier: str
    title: str
    depth: int
    identifierref: str | None = None
    parameters: str = ""
    is_visible: bool = True
    has_children: bool = False
    # SCORM 1.2: adlcp:masteryscore, 0 to 100.
    mastery_score: Decimal | None = None
    # SCORM 2004: the primary objective's minNormalizedMeasure when satisfiedByMeasure,
    # -1 to 1.
    min_normalized_measure: Decimal | None = None
    # SCORM 2004: the objectiveIDs of its sequencing objectives (primary first), which
    # the run-time must offer as cmi.objectives.n.id when the SCO launches.
    objective_ids: list[str] = field(default_factory=list)


@dataclass
class ScormSco:
    """A launchable SCO: a leaf item whose resource is a SCO, in the organization's order."""

    item: ScormItem
    resource: ScormResource

    @property
    def launch_url(self) -> str:
        """The launch file with the item's parameters, as SCORM 2004 CAM 3.4.1.10 joins them."""
        return join_parameters(self.resource.launch or "", self.item.parameters)


@dataclass
class ScormManifest:
    """What imsmanifest.xml says, checked for consistency but not against the archive."""

    identifier: str
    version: ScormVersion
    organization_identifier: str
    title: str
    items: list[ScormItem]
    resources: dict[str, ScormResource]

    @property
    def scos(self) -> list[ScormSco]:
        return [
            ScormSco(item, self.resources[item.identifierref])
            for item in self.items
            if item.identifierref
            and not item.has_children
            and self.resources[item.identifierref].scorm_type == SCO
        ]


@dataclass
class ValidatedScormPackage:
    """A package fit to be stored: its manifest, its SCOs in order, its files."""

    manifest: ScormManifest
    # Every file of the archive (zip member names), to extract.
    files: list[str]
    # Uncompressed size of those files.
    total_size: int
    # Files skipped: macOS metadata (__MACOSX/, .DS_Store).
    ignored_files: list[str] = field(default_factory=list)

    @property
    def version(self) -> ScormVersion:
        return self.manifest.version

    @property
    def title(self) -> str:
        return self.manifest.title

    @property
    def scos(self) -> list[ScormSco]:
        return self.manifest.scos


def join_parameters(href: str, parameters: str) -> str:
    """Append an item's parameters to a launch href (SCORM 2004 CAM, 3.4.1.10)."""
    parameters = parameters.lstrip("?&")
    if not parameters:
        return href
    if parameters.startswith("#"):
        return href if "#" in href else href + parameters
    return href + ("&" if "?" in href else "?") + parameters
