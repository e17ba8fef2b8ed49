"""SCORM in a lesson: a package's files, a SCO's launch, and its run-time's commits.

The lesson page's script (courses/static/courses/scorm.js) asks for a launch (the
CMI tree the run-time loads, and the address its commits go to), then frames the
SCO's launch page, served by `scorm_file`. The SCO talks to the run-time through
the SCORM API the page exposes (window.API, window.API_1484_11).
"""

import posixpath
from pathlib import Path
from typing import NamedTuple

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp
from django.contrib.auth.decorators import login_required, permission_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core import page_cache, stored_files

from . import services
from .h5p.files import CONTENT_TYPES
from .models import Enrolment, LessonPage, ScormPackage
from .scorm.packages import (
    STAGING_PREFIX,
    scorm_content_dir,
    scorm_content_prefix,
    scorm_storage,
)
from .selectors import scorm as scorm_selectors
from .services import scorm as scorm_services
from .views import package_upload_response

COMMIT_SALT = "courses.scorm.commit"
# A commit address is good for a working day: a learner who leaves the page open
# overnight launches again (reloading the page) before her commits count.
COMMIT_MAX_AGE = 12 * 3600

CONTENT_TYPES_SCORM = {
    **CONTENT_TYPES,
    "html": "text/html; charset=utf-8",
    "htm": "text/html; charset=utf-8",
    "xhtml": "application/xhtml+xml",
    "xsd": "application/xml",
    "dtd": "application/xml-dtd",
    "webp": "image/webp",
    "ico": "image/x-icon",
}

# A SCO is a web application written by someone else: its pages run their own
# scripts (inline ones too) and reach the SCORM API in the lesson page, so they are
# served from this origin. The sandbox still forbids navigating the lesson page
# away, plugins and opening the page outside the lesson's frame; nothing outside
# this site may be loaded or contacted. Who may upload a package is restricted
# for the same reason (ScormPackage's add permission, administrators by default).
SCORM_FILE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
    "sandbox": [
        "allow-scripts",
        "allow-same-origin",
        "allow-forms",
        "allow-modals",
        "allow-popups",
        "allow-downloads",
    ],
}


class _ScormActivity(NamedTuple):
    package: ScormPackage
    lesson: LessonPage
    module_id: int
    sco: dict


def _scorm_activity(request, package_id: int, lesson_id: int, sco_index: int) -> _ScormActivity:
    """The package, lesson, module id and SCO of an enrolled learner's SCORM activity."""
    lesson = page_cache.cached(
        "live-lesson", lesson_id, lambda: LessonPage.objects.live().filter(pk=lesson_id).first()
    )
    if lesson is None:
        raise Http404
    module_id = (
        Enrolment.objects.filter(user=request.user, module__path=lesson.path[: -lesson.steplen])
        .values_list("module_id", flat=True)
        .first()
    )
    if module_id is None:
        raise PermissionDenied
    if package_id not in lesson.scorm_package_ids():
        raise Http404(_("Ce paquet ne fait pas partie de cette leçon."))
    package = ScormPackage.objects.filter(pk=package_id).first()
    if package is None or not package.is_ready:
        raise Http404(_("Ce paquet n'est pas prêt."))
    # SCOs by their rank in the manifest's organization: identifiers may hold any
    # character, a rank fits in an address.
    scos = package.scos
    if not 0 <= sco_index < len(scos):
        raise Http404(_("Ce SCO n'existe pas dans ce paquet."))
    sco = scos[sco_index]
    return _ScormActivity(package, lesson, module_id, sco)


@require_POST
@login_required
def scorm_launch(request, package_id: int, lesson_id: int, sco_index: int):
    """Start a session of a SCO: the CMI tree to load and where to commit (CSRF header)."""
    activity = _scorm_activity(request, package_id, lesson_id, sco_index)
    cmi = scorm_services.scorm_launch(
        user=request.user,
        lesson=activity.lesson,
        module_id=activity.module_id,
        package=activity.package,
        sco=activity.sco,
    )
    token = signing.dumps(
        [request.user.pk, activity.lesson.pk, activity.package.pk, sco_index], salt=COMMIT_SALT
    )
    return JsonResponse(
        {
            "cmi": cmi,
            "commit_url": reverse("courses:scorm_commit", args=[token]),
            "launch_url": _launch_url(activity.package, activity.sco),
        }
    )


def _launch_url(package: ScormPackage, sco: dict) -> str:
    # The manifest's launch address may carry parameters ("index.html?etape=1").
    path, mark, query = sco["launch_url"].partition("?")
    return reverse("courses:scorm_file", args=[package.pk, path]) + mark + query


# The run-time's last commit goes out as a beacon when the page is left: a beacon
# cannot carry the CSRF header. The signed address stands in for it: only the page
# that launched the SCO knows it, and it names the learner, checked against the
# session; a commit is also refused from another origin.
@csrf_exempt
@require_POST
@login_required
def scorm_commit(request, token: str):
    """Record what the SCO's run-time commits; answer as scorm-again expects."""
    try:
        user_id, lesson_id, package_id, sco_index = signing.loads(
            token, salt=COMMIT_SALT, max_age=COMMIT_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError):
        return _refused(_("Adresse d'enregistrement invalide ou expirée : rechargez la page."), 403)
    if user_id != request.user.pk or request.headers.get("Sec-Fetch-Site") in (
        "cross-site",
        "same-site",
    ):
        return _refused(_("Cet enregistrement ne vous appartient pas."), 403)
    activity = _scorm_activity(request, package_id, lesson_id, sco_index)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        if declared > scorm_services.MAX_COMMIT_BYTES:
            raise scorm_services.CommitRejected(_("Données SCORM trop volumineuses."))
        cmi = scorm_services.commit_load(request.read(scorm_services.MAX_COMMIT_BYTES + 1))
    except scorm_services.CommitRejected as error:
        return _refused(str(error), 400)
    outcome = scorm_services.scorm_commit(
        user=request.user,
        lesson=activity.lesson,
        module_id=activity.module_id,
        package=activity.package,
        sco=activity.sco,
        cmi=cmi,
    )
    completion = None
    if outcome.progressed:
        completion = services.module_completion_update(
            user=request.user, module=activity.lesson.module
        )
    return JsonResponse(
        {
            "result": "true",
            "errorCode": 0,
            "status": _status(request.user, activity),
            "module_completed": bool(completion and completion.complete),
        }
    )


def _status(user, activity: _ScormActivity) -> str:
    attempts = scorm_selectors.scorm_attempts(user=user, module_id=activity.module_id).get(
        (activity.lesson.pk, activity.package.pk), []
    )
    result = scorm_selectors.scorm_result(activity.package, attempts)
    if result.completed:
        return _("Paquet terminé.")
    return ngettext(
        "%(done)s partie terminée sur %(total)s.",
        "%(done)s parties terminées sur %(total)s.",
        result.scos_done,
    ) % {"done": result.scos_done, "total": result.scos_total}


def _refused(message: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"result": "false", "errorCode": 391, "message": message},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


@csp(SCORM_FILE_POLICY)
@xframe_options_sameorigin
@require_GET
@login_required
def scorm_file(request, package_id: int, path: str):
    """Serve an extracted file of a ready SCORM package to signed-in people.

    Like H5P files: outside MEDIA_ROOT, only what extraction wrote, private cache.
    """
    package = page_cache.cached(
        "scorm-package", package_id, lambda: ScormPackage.objects.filter(pk=package_id).first()
    )
    if package is None or not package.is_ready:
        raise Http404
    relative = _safe_relative(path)
    if relative is None:
        raise Http404
    extension = posixpath.splitext(relative)[1].lower().lstrip(".")
    content_type = CONTENT_TYPES_SCORM.get(extension)
    if content_type is None:
        raise Http404
    storage = scorm_storage()
    if stored_files.is_local(storage):
        root = scorm_content_dir(package)
        if not _inside(root, root / relative):  # a symlink may lead out of the folder
            raise Http404
    try:
        # Streamed on our origin, from disk or object storage: the SCO runs in a frame
        # of ours and talks to the run-time of its parent page, which a cross-origin
        # (signed S3) URL would forbid, besides breaking the CSP.
        response = stored_files.stored_file_response(
            request, storage, f"{scorm_content_prefix(package.pk)}/{relative}", content_type
        )
    except FileNotFoundError as error:
        raise Http404 from error
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _safe_relative(path: str) -> str | None:
    segments = path.split("/")
    if any(s in ("", ".", "..") or s.startswith(STAGING_PREFIX) for s in segments):
        return None
    if "\\" in path or "\x00" in path:
        return None
    return "/".join(segments)


def _inside(root: Path, target: Path) -> bool:
    try:
        return target.resolve().is_relative_to(root.resolve()) and target.is_file()
    except (OSError, ValueError):
        return False


@require_GET
@login_required
@permission_required("courses.change_scormpackage", raise_exception=True)
def scorm_package_download(request, package_id: int):
    """The uploaded .zip itself, for the people who may change the package (the admin
    form links here: the file sits in private storage, never under /media/)."""
    package = get_object_or_404(ScormPackage, pk=package_id)
    return package_upload_response(package, filename=f"paquet-scorm-{package.pk}.zip")
