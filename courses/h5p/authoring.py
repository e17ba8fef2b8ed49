"""Build .h5p packages from the vendored H5P libraries and French samples.

`vendor/h5p/` holds 31 libraries built from the official H5P repositories and one
French sample per content type (h5p.json and content/, without libraries): a
package is the sample, edited or not, zipped with the library folders its
h5p.json lists. Editors normally upload complete .h5p exports; this module serves
the demo, the tests and the benchmarks. Licences: vendor/h5p/README.md and
THIRD_PARTY_NOTICES.md.
"""

import io
import json
import zipfile
from functools import cache
from pathlib import Path

from django.conf import settings

VENDOR_DIR = Path(settings.BASE_DIR) / "vendor" / "h5p"
LIBRARIES_DIR = VENDOR_DIR / "libraries"
SAMPLES_DIR = VENDOR_DIR / "samples"

# The 14 sample packages, by the short name of their folder in vendor/h5p/samples.
SAMPLE_KINDS = (
    "truefalse",
    "multichoice",
    "singlechoiceset",
    "blanks",
    "dragtext",
    "markthewords",
    "dragquestion",
    "summary",
    "questionset",
    "coursepresentation",
    "interactivevideo",
    "branchingscenario",
    "dialogcards",
    "accordion",
)


@cache
def _sample_json(kind: str, name: str) -> str:
    if kind not in SAMPLE_KINDS:
        raise ValueError(f"unknown H5P sample {kind!r}")
    return (SAMPLES_DIR / kind / name).read_text(encoding="utf-8")


def sample_h5p_json(kind: str) -> dict:
    """A fresh copy of the sample's h5p.json (title, main library, dependencies)."""
    return json.loads(_sample_json(kind, "h5p.json"))


def sample_content(kind: str) -> dict:
    """A fresh copy of the sample's content/content.json (the French content)."""
    return json.loads(_sample_json(kind, "content/content.json"))


def _library_folders(h5p_json: dict) -> list[str]:
    return [
        f"{dep['machineName']}-{dep['majorVersion']}.{dep['minorVersion']}"
        for dep in h5p_json.get("preloadedDependencies", [])
    ]


def build_package(kind: str, *, title: str | None = None, content: dict | None = None) -> bytes:
    """Return the bytes of a .h5p package of the sample `kind`.

    `title` replaces the sample's title, `content` its content.json (start from
    `sample_content(kind)`); the sample's other content files (a video) are kept.
    """
    h5p_json = sample_h5p_json(kind)
    if title is not None:
        h5p_json["title"] = title
    content = sample_content(kind) if content is None else content
    sample_dir = SAMPLES_DIR / kind
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(h5p_json, ensure_ascii=False, indent=2))
        archive.writestr("content/content.json", json.dumps(content, ensure_ascii=False))
        for path in sorted((sample_dir / "content").rglob("*")):
            relative = path.relative_to(sample_dir).as_posix()
            if path.is_file() and relative != "content/content.json":
                archive.write(path, relative)
        for folder in _library_folders(h5p_json):
            library_dir = LIBRARIES_DIR / folder
            for path in sorted(library_dir.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{folder}/{path.relative_to(library_dir).as_posix()}")
    return buffer.getvalue()
