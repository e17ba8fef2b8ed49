"""The demo's SCORM 1.2 package (demo/content/scorm/): zipped, checked and extracted the
way an administrator's upload is, again only when its files changed."""

import hashlib
import io
import zipfile
from pathlib import Path

from django.core.files.base import ContentFile

from courses.models import ScormPackage
from courses.scorm.packages import (
    scorm_package_extract,
    scorm_package_prepare,
    scorm_upload_check,
)

FOLDER = Path(__file__).resolve().parent.parent / "content" / "scorm"


def package(name: str, *, title: str, user) -> ScormPackage:
    """The package built from demo/content/scorm/<name>/, ready to play."""
    data = _zipped(FOLDER / name)
    filename = f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    existing = ScormPackage.objects.filter(title=title).first()
    if existing and existing.is_ready and existing.file.name.endswith(filename):
        return existing
    validated = scorm_upload_check(fileobj=io.BytesIO(data), filename=filename, user=user)
    found = existing or ScormPackage(title=title)
    scorm_package_prepare(package=found, validated=validated, user=user)
    found.file.save(filename, ContentFile(data), save=True)
    return scorm_package_extract(package=found)


def _zipped(folder: Path) -> bytes:
    """The folder as a zip whose bytes depend on the files only (fixed dates, sorted)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), (2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
