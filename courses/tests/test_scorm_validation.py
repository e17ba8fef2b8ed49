"""Validation of uploaded SCORM packages: archive safety (shared with H5P), then the manifest."""

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from courses.scorm.definitions import SCORM_12, SCORM_2004, ScormLimits, ScormValidationError
from courses.scorm.manifest import parse_manifest
from courses.scorm.validation import validate_scorm_package

FIXTURES = Path(__file__).parent / "fixtures" / "scorm"
GOLF = FIXTURES / "golf-2004-3rd.zip"
# Égide's own SCORM 1.2 package (two SCOs, a score, suspend data): the one the demo
# offers in the continuum module, so the tests play what learners see.
EGIDE_12 = Path(__file__).resolve().parents[2] / "demo" / "content" / "scorm" / "reperer-orienter"
ADL_MANIFESTS = sorted((FIXTURES / "adl").glob("*/imsmanifest.xml"))
# ADL's suite writes identifiers with whitespace around them (XML Schema collapses it),
# and one organization launches an asset, not a SCO.
ASSET_ONLY = {"LMSTestPackage_SX-08a"}


def egide_members() -> dict[str, bytes]:
    return {
        path.relative_to(EGIDE_12).as_posix(): path.read_bytes()
        for path in sorted(EGIDE_12.rglob("*"))
        if path.is_file()
    }


def build_zip(members: dict[str, bytes], extra: list[tuple[zipfile.ZipInfo, bytes]] = ()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for info, data in extra:
            archive.writestr(info, data)
    buffer.seek(0)
    return buffer


def errors_of(source, **kwargs) -> list[str]:
    with pytest.raises(ScormValidationError) as caught:
        validate_scorm_package(source, filename=kwargs.pop("filename", "paquet.zip"), **kwargs)
    return caught.value.errors


def with_manifest(manifest: bytes, **changes: bytes | None) -> io.BytesIO:
    members = egide_members() | {"imsmanifest.xml": manifest}
    for name, data in changes.items():
        if data is None:
            del members[name]
        else:
            members[name] = data
    return build_zip(members)


def egide_manifest() -> str:
    return (EGIDE_12 / "imsmanifest.xml").read_text()


# Packages accepted.


def test_golf_2004_third_edition_is_accepted():
    with GOLF.open("rb") as source:
        package = validate_scorm_package(source, filename="golf.zip")

    assert package.version.standard == SCORM_2004
    assert package.version.edition == 3
    assert package.title == "Golf Explained - Run-time Advanced Calls"
    assert package.manifest.organization_identifier == "golf_sample_default_org"
    [sco] = package.scos
    assert sco.item.identifier == "item_1"
    assert sco.resource.identifier == "resource_1"
    assert sco.launch_url == "shared/launchpage.html"
    assert sco.item.min_normalized_measure == Decimal("0.8")
    assert "shared/launchpage.html" in package.files
    assert len(package.manifest.resources["resource_1"].files) == 39
    assert len(package.files) == 69


def test_egide_scorm12_package_is_accepted_with_two_scos_in_order():
    package = validate_scorm_package(build_zip(egide_members()), filename="egide.zip")

    assert package.version.standard == SCORM_12
    assert str(package.version) == "SCORM 1.2"
    assert package.title == "Repérer et orienter (SCORM 1.2)"
    assert [(sco.item.identifier, sco.item.title) for sco in package.scos] == [
        ("item_reperer", "Repérer les signaux"),
        ("item_orienter", "Orienter la victime"),
    ]
    first, second = package.scos
    assert first.item.mastery_score == Decimal(80)
    assert second.item.mastery_score is None
    # xml:base="orienter/" on the second resource, and the item's parameters.
    assert second.resource.href == "orienter/index.html"
    assert second.launch_url == "orienter/index.html?etape=1"
    assert package.manifest.resources["res_commun"].scorm_type == "asset"
    assert package.total_size == sum(len(data) for data in egide_members().values())


def test_macos_metadata_is_skipped():
    members = egide_members() | {"__MACOSX/._imsmanifest.xml": b"x", "reperer/.DS_Store": b"x"}

    package = validate_scorm_package(build_zip(members), filename="egide.zip")

    assert package.ignored_files == ["__MACOSX/._imsmanifest.xml", "reperer/.DS_Store"]


@pytest.mark.parametrize("path", ADL_MANIFESTS, ids=lambda path: path.parent.name)
def test_every_adl_manifest_parses(path):
    manifest = parse_manifest(path.read_bytes())

    assert (manifest.version.standard, manifest.version.edition) == (SCORM_2004, 4)
    assert manifest.organization_identifier
    assert manifest.items
    assert manifest.scos or path.parent.name in ASSET_ONLY
    for sco in manifest.scos:
        assert sco.resource.href.endswith(".htm") or sco.resource.href.endswith(".html")


def test_adl_manifests_are_all_there():
    assert len(ADL_MANIFESTS) == 189


def test_adl_identifiers_have_their_whitespace_collapsed():
    manifest = parse_manifest((FIXTURES / "adl/LMSTestPackage_OB-02b/imsmanifest.xml").read_bytes())

    assert {sco.resource.identifier for sco in manifest.scos} == {"SEQ01"}
    # xml:base="resources/" on the resource.
    assert manifest.scos[0].launch_url == "resources/SequencingTest.htm?tc=OB-02b&act=1"


# Refusals, each with its French message.


def test_manifest_absent_is_refused():
    members = egide_members()
    del members["imsmanifest.xml"]

    assert errors_of(build_zip(members)) == [
        "Le fichier imsmanifest.xml est absent de la racine du paquet."
    ]


def test_manifest_in_a_folder_says_how_to_zip():
    members = {f"cours/{name}": data for name, data in egide_members().items()}

    assert errors_of(build_zip(members)) == [
        "Le fichier imsmanifest.xml est absent de la racine du paquet : il se trouve dans "
        "« cours/ ». Compressez le contenu de ce dossier, pas le dossier lui-même."
    ]


def test_not_a_zip_and_wrong_extension_are_refused():
    assert errors_of(io.BytesIO(b"pas un zip"), filename="cours.scorm") == [
        "Le fichier « cours.scorm » doit être une archive .zip (paquet SCORM).",
        "L'archive n'est pas un fichier ZIP valide.",
    ]


def test_manifest_not_xml_is_refused():
    assert errors_of(with_manifest(b"<manifest><organizations></manifest>")) == [
        "Le fichier imsmanifest.xml n'est pas un XML valide (ligne 1, colonne 28)."
    ]


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE manifest [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<manifest identifier="bombe"><metadata><schemaversion>&c;</schemaversion></metadata></manifest>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="fuite"><metadata><schemaversion>&secret;</schemaversion></metadata></manifest>
"""


@pytest.mark.parametrize("manifest", [ENTITY_BOMB, EXTERNAL_ENTITY], ids=["bomb", "external"])
def test_xml_entities_are_refused(manifest):
    assert errors_of(with_manifest(manifest)) == [
        "Le fichier imsmanifest.xml déclare des entités XML ou renvoie à des ressources "
        "extérieures, ce qui est refusé."
    ]


def test_unknown_encoding_is_refused():
    manifest = b'<?xml version="1.0" encoding="klingon"?><manifest/>'

    assert errors_of(with_manifest(manifest)) == [
        "Le fichier imsmanifest.xml déclare un encodage inconnu."
    ]


@settings_hypothesis(max_examples=150, deadline=None)
@given(st.data())
def test_no_manifest_bytes_escape_the_error_type(data):
    """Whatever bytes replace a slice of a valid manifest, only ScormValidationError escapes."""
    raw = (EGIDE_12 / "imsmanifest.xml").read_bytes()
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, min(len(raw), start + 40)))
    patch = data.draw(st.binary(max_size=40) | st.sampled_from([b"<", b'"', b"&", b"]]>", b"\0"]))
    try:
        parse_manifest(raw[:start] + patch + raw[end:])
    except ScormValidationError as error:
        assert error.errors and all(isinstance(message, str) for message in error.errors)


def test_unknown_version_is_refused():
    manifest = b'<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"/>'

    assert errors_of(with_manifest(manifest)) == [
        "La version SCORM du paquet est inconnue : imsmanifest.xml doit indiquer SCORM 1.2 ou "
        "SCORM 2004 (élément « schemaversion »)."
    ]


def test_launch_file_missing_is_refused():
    source = with_manifest(egide_manifest().encode(), **{"orienter/index.html": None})

    assert errors_of(source) == [
        "La ressource « res_orienter » lance « orienter/index.html », absent du paquet."
    ]


def test_declared_file_missing_is_refused():
    source = with_manifest(egide_manifest().encode(), **{"commun/style.css": None})

    assert errors_of(source) == [
        "La ressource « res_commun » déclare le fichier « commun/style.css », absent du paquet."
    ]


def test_resource_missing_from_manifest_is_refused():
    manifest = egide_manifest().replace('identifierref="res_orienter"', 'identifierref="res_x"')

    assert errors_of(with_manifest(manifest.encode())) == [
        "L'élément « item_orienter » renvoie à la ressource « res_x », absente du manifeste."
    ]


def test_default_organization_missing_is_refused():
    manifest = egide_manifest().replace('default="egide_org"', 'default="autre"')

    assert errors_of(with_manifest(manifest.encode())) == [
        "L'organisation par défaut « autre » est absente du manifeste."
    ]


def test_bad_mastery_score_is_refused():
    manifest = egide_manifest().replace(">80<", ">120<")

    assert errors_of(with_manifest(manifest.encode())) == [
        "Le score de maîtrise (masteryscore) de l'élément « item_reperer » doit être un "
        "nombre entre 0 et 100."
    ]


@pytest.mark.parametrize(
    "href", ["../../etc/passwd", "/etc/passwd", "https://exemple.fr/cours.html"]
)
def test_manifest_href_outside_the_package_is_refused(href):
    manifest = egide_manifest().replace('href="reperer/index.html">', f'href="{href}">')

    assert errors_of(with_manifest(manifest.encode())) == [
        f"La ressource « res_reperer » renvoie à « {href} », hors du paquet."
    ]


def test_member_escaping_the_folder_is_refused():
    members = egide_members() | {"../evil.html": b"<p>hors du dossier</p>"}

    assert errors_of(build_zip(members)) == [
        "Le fichier « ../evil.html » sort du dossier de destination."
    ]


def test_symlink_and_control_characters_are_refused():
    link = zipfile.ZipInfo("reperer/lien.html")
    link.external_attr = (0o120777 << 16) | 0x20

    errors = errors_of(build_zip(egide_members() | {"a\x1b.html": b"x"}, extra=[(link, b"/")]))

    assert errors == [
        "Le nom du fichier « a\\u001b.html » contient des caractères de contrôle ou de "
        "changement de sens d'écriture.",
        "Le fichier « reperer/lien.html » est un lien symbolique, ce qui est interdit.",
    ]


@pytest.mark.parametrize("name", ["reperer/note.php", "outil.exe"])
def test_forbidden_extension_is_refused(name):
    extension = name.rpartition(".")[2]

    assert errors_of(build_zip(egide_members() | {name: b"x"})) == [
        f"Le fichier « {name} » a une extension non autorisée (.{extension})."
    ]


def test_zip_bomb_is_refused_before_decompression():
    bomb = egide_members() | {"commun/bombe.txt": bytes(8 * 1024 * 1024)}

    errors = errors_of(build_zip(bomb), limits=ScormLimits(max_file_size=4 * 1024 * 1024))

    # The ratios depend on zlib's output: only their order of magnitude is checked.
    assert [re.sub(r"\(\d{3,4} pour 1\)", "(… pour 1)", error) for error in errors] == [
        "Le fichier « commun/bombe.txt » est trop volumineux : 8,0\xa0Mio (maximum 4,0\xa0Mio).",
        "Le fichier « commun/bombe.txt » est anormalement compressé (… pour 1) : "
        "l'archive ressemble à une bombe de décompression.",
        "L'archive est anormalement compressée (… pour 1) : elle ressemble à une bombe "
        "de décompression.",
    ]


def test_duplicate_by_case_is_refused():
    members = egide_members() | {"Reperer/index.html": b"x"}

    assert errors_of(build_zip(members)) == [
        "Les fichiers « reperer/index.html » et « Reperer/index.html » ne diffèrent que par la "
        "casse (majuscules et minuscules) : renommez l'un des deux."
    ]
