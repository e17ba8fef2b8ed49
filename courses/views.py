from typing import NamedTuple

from csp.constants import NONE, SELF
from csp.decorators import csp
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import profile_complete_required
from core import page_cache
from core.stored_files import stored_file_response
from quizzes import selectors as quiz_selectors

from . import services, xapi
from .h5p.files import h5p_file_find
from .models import Enrolment, H5PPackage, LessonPage, ModuleIndexPage, ModulePage
from .selectors import learners, progress, records
from .services import activities as activity_services

MAX_STATE_BYTES = 256 * 1024


@require_POST
@profile_complete_required
def enrol(request, module_id: int):
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id)
    try:
        services.enrolment_create(user=request.user, module=module)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(module.url)
    first = progress.module_progress(module=module, user=request.user).resume_lesson
    return redirect(first.url if first else module.url)


@require_POST
@profile_complete_required
def restart(request, module_id: int):
    """Start a new cycle of a module whose validity has run out (recertification)."""
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id)
    try:
        services.module_restart(user=request.user, module=module)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(module.url)
    messages.success(request, _("Nouveau cycle commencé : suivez à nouveau les leçons."))
    first = progress.module_progress(module=module, user=request.user).resume_lesson
    return redirect(first.url if first else module.url)


def _lesson_for_learner(request, lesson_id: int) -> tuple[LessonPage, ModulePage]:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    module = lesson.module
    if not Enrolment.objects.filter(user=request.user, module=module).exists():
        raise PermissionDenied
    return lesson, module


@require_POST
@login_required
def lesson_start(request, lesson_id: int):
    """Called by the lesson page once displayed (POST, CSRF): started and resume point."""
    lesson, module = _lesson_for_learner(request, lesson_id)
    services.lesson_open(user=request.user, lesson=lesson, module=module)
    return JsonResponse({"success": True})


@require_POST
@login_required
def lesson_complete(request, lesson_id: int):
    lesson, module = _lesson_for_learner(request, lesson_id)
    try:
        outcome = services.lesson_complete(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(lesson.url)
    return _after_lesson_complete(request, lesson, module, outcome)


def _after_lesson_complete(request, lesson, module, outcome: services.CompletionOutcome):
    """Word what the completion rule found and lead to what is to be done next."""
    if outcome.complete:
        messages.success(
            request,
            _("Bravo, vous avez terminé le module « %(title)s ».") % {"title": module.title},
        )
        return redirect(module.url)
    if outcome.missing_activities:
        # Every lesson is done but the module is not: say which activity blocks it, and
        # what its rule (the block's, or the module's) asks of it.
        blocking = outcome.missing_activities[0]
        rule = blocking.rule
        if rule.success and rule.min_score is not None:
            need = _(
                "Toutes les leçons sont terminées, mais le module n'est pas encore validé : "
                "réussissez l'activité « %(title)s » (score minimal %(score)s %%)."
            )
        elif rule.success:
            need = _(
                "Toutes les leçons sont terminées, mais le module n'est pas encore validé : "
                "réussissez l'activité « %(title)s »."
            )
        elif rule.min_score is not None:
            need = _(
                "Toutes les leçons sont terminées, mais le module n'est pas encore validé : "
                "obtenez au moins %(score)s %% à l'activité « %(title)s »."
            )
        else:
            need = _(
                "Toutes les leçons sont terminées, mais le module n'est pas encore validé : "
                "faites l'activité « %(title)s »."
            )
        messages.warning(request, need % {"title": blocking.package.title, "score": rule.min_score})
        return redirect(blocking.lesson.url)
    if outcome.quiz_missing:
        messages.info(
            request,
            _(
                "Toutes les leçons sont terminées : réussissez l'évaluation finale "
                "pour valider le module."
            ),
        )
        return redirect(quiz_selectors.quiz_url(module.final_quiz, f"module:{module.pk}"))
    module_progress = progress.module_progress(
        module=module, user=request.user, with_completion=False
    )
    next_lesson = module_progress.lesson_after(lesson) or module_progress.resume_lesson
    messages.success(request, _("Leçon terminée."))
    return redirect(next_lesson.url if next_lesson else module.url)


class _Activity(NamedTuple):
    package: H5PPackage
    lesson: LessonPage
    module_id: int
    enrolment_cycle: int


def _activity(request, package_id: int, lesson_id: int) -> _Activity:
    """Return the package, lesson, module id and enrolment cycle of an enrolled
    learner's activity, in one query.

    Called for every xAPI statement and state save: the lesson and the package
    come from the page cache (bumped when either changes), the enrolment query
    also yields the module id and the cycle (the completion rule needs it), and
    the package is checked against the lesson's raw stream data rather than by
    loading every block's package.
    """
    lesson = page_cache.cached(
        "live-lesson", lesson_id, lambda: LessonPage.objects.live().filter(pk=lesson_id).first()
    )
    if lesson is None:
        raise Http404
    enrolment = (
        Enrolment.objects.filter(user=request.user, module__path=lesson.path[: -lesson.steplen])
        .values_list("module_id", "cycle")
        .first()
    )
    if enrolment is None:
        raise PermissionDenied
    if package_id not in lesson.h5p_package_ids():
        raise Http404(_("Cette activité ne fait pas partie de cette leçon."))
    package = page_cache.cached(
        "h5p-package", package_id, lambda: H5PPackage.objects.filter(pk=package_id).first()
    )
    if package is None:
        raise Http404
    return _Activity(package, lesson, *enrolment)


@require_http_methods(["GET", "POST"])
@login_required
def h5p_state(request, package_id: int, lesson_id: int):
    """H5P's contentUserData endpoint: resume state of the player for this learner."""
    package, lesson, module_id, _cycle = _activity(request, package_id, lesson_id)
    if request.method == "GET":
        state = records.h5p_state(user=request.user, package=package, lesson=lesson)
        return JsonResponse({"success": True, "data": state if state is not None else False})
    data = request.POST.get("data", "")
    if len(data) > MAX_STATE_BYTES:
        return JsonResponse({"success": False, "message": _("État trop volumineux.")}, status=400)
    if "\x00" in data:
        # PostgreSQL's jsonb refuses the NUL character.
        return JsonResponse({"success": False, "message": _("État illisible.")}, status=400)
    # H5P deletes a state by sending data=0. Its invalidate=1 (deleteOnChange) asks
    # to drop the state when the content changes, not now: H5P sends it with every
    # periodic save, so reading it as "delete" lost every state.
    if data in ("", "0"):
        data = None
    services.h5p_state_save(
        user=request.user, package=package, lesson=lesson, module_id=module_id, data=data
    )
    return JsonResponse({"success": True})


@require_POST
@login_required
def h5p_xapi(request, package_id: int, lesson_id: int):
    """Receive an xAPI statement, or a getXAPIData() report, from the player (JSON
    body, CSRF header); answer the server's verdict and the status line to show."""
    activity = _activity(request, package_id, lesson_id)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        # Refused on the declared length before reading, and never more read than
        # the cap (a chunked body declares no length).
        if declared > xapi.MAX_BYTES:
            raise services.StatementRejected(_("Déclaration trop volumineuse."))
        data = xapi.load(request.read(xapi.MAX_BYTES + 1))
        where = {
            "user": request.user,
            "package": activity.package,
            "lesson": activity.lesson,
            "module_id": activity.module_id,
            "enrolment_cycle": activity.enrolment_cycle,
        }
        if xapi.is_report(data):
            outcome = activity_services.xapi_report_record(report=data, **where)
        else:
            outcome = services.xapi_statement_record(statement=data, **where)
    except xapi.StatementReplayed as error:
        return JsonResponse({"success": False, "message": str(error)}, status=409)
    except services.StatementRejected as error:
        return JsonResponse({"success": False, "message": str(error)}, status=400)
    return JsonResponse(_ingest_payload(outcome))


def _ingest_payload(outcome: activity_services.IngestOutcome) -> dict:
    verdict, total, result = outcome.verdict, outcome.total, outcome.activity
    return {
        "success": True,
        "id": str(outcome.record.statement_id),
        "message": outcome.message,
        "verdict": None
        if verdict is None
        else {
            "raw": verdict.raw,
            "max": verdict.max,
            "success": verdict.success,
            "scaled": verdict.scaled,
        },
        "activity": {
            "completed": result.completed,
            "success": result.success,
            "raw": total.raw if total else None,
            "max": total.max if total else None,
        },
    }


@require_GET
def catalogue(request):
    """Stable link to the catalogue page, wherever editors moved it."""
    index = ModuleIndexPage.objects.live().first()
    if index is None:
        raise Http404(_("Le catalogue n'est pas encore publié."))
    return redirect(index.url)


@require_GET
@profile_complete_required
def my_trainings(request):
    from core.dashboard import panels_for

    context = learners.my_trainings(user=request.user)
    # Sections of other apps shown first (mandatory training, with its due dates).
    context["panels"] = panels_for(request.user, place="my_trainings")
    return render(request, "courses/my_trainings.html", context)


# A package's file opened directly (SVG, XML, PDF, an HTML page) must not run script
# with our origin nor be framed by anyone: sandboxed, it may only show our images,
# media, fonts and styles. The player's scripts and styles load these files as
# subresources, to which a response's own policy does not apply.
H5P_FILE_POLICY = {
    "default-src": [NONE],
    "img-src": [SELF, "data:"],
    "media-src": [SELF],
    "font-src": [SELF],
    "style-src": [SELF],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [NONE],
    "sandbox": True,
}


@require_GET
@login_required
@permission_required("courses.change_h5ppackage", raise_exception=True)
def h5p_package_download(request, package_id: int):
    """The uploaded .h5p itself, for the editors who may change the package (the admin
    form links here: the file sits in private storage, never under /media/)."""
    package = get_object_or_404(H5PPackage, pk=package_id)
    return package_upload_response(package, filename=f"activite-h5p-{package.pk}.h5p")


def package_upload_response(package, *, filename: str) -> FileResponse:
    """An uploaded package (H5P or SCORM) as a download: it sits in private storage,
    never under /media/; the caller has checked who may have it."""
    if not package.file:
        raise Http404
    try:
        handle = package.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csp(H5P_FILE_POLICY)
@require_GET
@login_required
def h5p_file(request, path: str):
    """Serve extracted H5P content and libraries to signed-in people.

    The files sit in the private storage (outside MEDIA_ROOT, or a private bucket),
    so this view is the only way to them.
    """
    found = h5p_file_find(path)
    if found is None:
        raise Http404
    try:
        # Streamed from the private storage, disk or object storage, on our origin:
        # the player runs in a sandboxed frame of ours, and a cross-origin (signed
        # S3) URL would break both its same-origin requests and the CSP.
        response = stored_file_response(request, found.storage, found.name, found.content_type)
    except FileNotFoundError as error:
        raise Http404 from error
    # Per person: no shared cache (proxy, CDN) may keep a copy for someone else.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
