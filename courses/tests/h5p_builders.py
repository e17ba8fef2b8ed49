"""Build .h5p archives for tests from the real H5P.TrueFalse package, with modifications."""

import io
import json
import stat
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from django.conf import settings

from core.tests.installed import needs_installed
from courses.h5p.validation.definitions import LibraryRef

# The real H5P.TrueFalse 1.6 package of the npm fixtures (h5p-standalone 2.1.0's test
# workspace): an upstream export with its editor libraries, which the validation
# and extraction tests modify. Playable samples of 14 types: courses.h5p.authoring.
FIXTURE_DIR = Path(settings.BASE_DIR) / "node_modules" / "h5p-fixtures" / "test" / "workspace"


def needs_npm_fixtures():
    """`pytestmark` of the modules that read the npm H5P fixtures (core.tests.installed)."""
    return needs_installed(
        FIXTURE_DIR, what="npm fixtures (h5p-fixtures)", install="`make install-test` (npm ci)"
    )


RUNTIME_LIBRARIES = {
    LibraryRef("H5P.TrueFalse", 1, 6),
    LibraryRef("H5P.Question", 1, 4),
    LibraryRef("H5P.JoubelUI", 1, 3),
    LibraryRef("FontAwesome", 4, 5),
    LibraryRef("H5P.Transition", 1, 0),
    LibraryRef("H5P.FontIcons", 1, 0),
    LibraryRef("Drop", 1, 0),
    LibraryRef("Tether", 1, 0),
}
EDITOR_LIBRARIES = {
    LibraryRef("H5PEditor.RadioGroup", 1, 1),
    LibraryRef("H5PEditor.ShowWhen", 1, 0),
}

CLEAN_SVG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'viewBox="0 0 10 10"><style>.a{fill:#000091}</style>'
    b'<defs><circle id="c" r="4"/></defs><use xlink:href="#c" class="a" x="5" y="5"/></svg>'
)

Content = bytes | str | dict | list


def fixture_members() -> dict[str, bytes]:
    """Return every file of the fixture package, by zip member name."""
    return {
        path.relative_to(FIXTURE_DIR).as_posix(): path.read_bytes()
        for path in sorted(FIXTURE_DIR.rglob("*"))
        if path.is_file()
    }


def fixture_json(name: str) -> dict:
    """Return a fresh copy of a JSON file of the fixture, e.g. "h5p.json"."""
    return json.loads((FIXTURE_DIR / name).read_bytes())


def symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    """Return a raw zip entry that unzip tools would restore as a symlink to `target`."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix, so that the mode bits are honoured.
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def build_h5p(
    path: Path | None = None,
    *,
    h5p_json: dict | None = None,
    content_json: Content | None = None,
    replace: Mapping[str, Content] | None = None,
    remove: Iterable[str] = (),
    rename_folders: Mapping[str, str] | None = None,
    raw: Iterable[tuple[zipfile.ZipInfo | str, bytes]] = (),
    members: Mapping[str, bytes] | None = None,
) -> io.BytesIO | Path:
    """Return an .h5p archive built from the fixture (or `members`), modified as asked.

    `replace` sets (adds or overwrites) members, dicts and lists being JSON-encoded;
    `remove` drops members, a name ending in "/" dropping a whole folder;
    `rename_folders` moves a top-level folder; `raw` appends entries as given, for
    crafted names and attributes. Written to `path` when given, else to memory.
    """
    files = dict(fixture_members() if members is None else members)
    remove = tuple(remove)
    changes = dict(replace or {})
    if h5p_json is not None:
        changes["h5p.json"] = h5p_json
    if content_json is not None:
        changes["content/content.json"] = content_json
    files = _renamed(files, rename_folders or {})
    files = {name: data for name, data in files.items() if not _matches(name, remove)}
    files.update({name: _encode(data) for name, data in changes.items()})
    target = path if path is not None else io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for info, data in raw:
            archive.writestr(info, data)
    if isinstance(target, io.BytesIO):
        target.seek(0)
    return target


def corrupt(archive: io.BytesIO, marker: bytes) -> io.BytesIO:
    """Return a copy of the archive with the stored bytes `marker` altered, breaking its CRC."""
    data = archive.getvalue()
    assert data.count(marker) == 1, "the marker must appear once, in a stored member"
    return io.BytesIO(data.replace(marker, marker[:-1] + bytes([marker[-1] ^ 0xFF])))


def mark_encrypted(archive: io.BytesIO, name: str) -> io.BytesIO:
    """Return a copy of the archive where member `name` claims to be encrypted.

    zipfile cannot write encrypted members, so the flag is set in both headers.
    """
    data = bytearray(archive.getvalue())
    encoded = name.encode()
    # (header signature, offset of the name, offset of the flags) for local and central headers.
    for signature, name_offset, flags_offset in ((b"PK\x03\x04", 30, 6), (b"PK\x01\x02", 46, 8)):
        position = data.find(signature)
        while position != -1:
            start = position + name_offset
            if data[start : start + len(encoded)] == encoded:
                data[position + flags_offset] |= 0x1
            position = data.find(signature, position + 1)
    return io.BytesIO(bytes(data))


def stored_entry(name: str, data: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    """Return a raw entry written uncompressed, so that its bytes can be found and altered."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_STORED
    return info, data


def _renamed(files: dict[str, bytes], renames: Mapping[str, str]) -> dict[str, bytes]:
    result = {}
    for name, data in files.items():
        top, slash, rest = name.partition("/")
        result[f"{renames.get(top, top)}{slash}{rest}"] = data
    return result


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(name == p or (p.endswith("/") and name.startswith(p)) for p in patterns)


def _encode(data: Content) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode()
    return json.dumps(data).encode()
