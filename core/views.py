from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health, rejected_lines


@require_GET
@never_cache
def healthz(request):
    """Report the database, Redis, file storage and Celery workers; 200 only when all answer."""
    healthy, checks = health.run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


@require_GET
def privacy(request):
    return render(request, "core/privacy.html")


@require_GET
def accessibility(request):
    return render(request, "core/accessibility.html")


@require_GET
def legal_notice(request):
    return render(request, "core/legal_notice.html")


@require_GET
@never_cache
@login_required
def rejected_lines_download(request, token):
    """Every rejected line of an import, for the person who imported only (404 for
    anyone else, or once expired)."""
    report = rejected_lines.rejected_lines_file(owner=request.user, token=token.hex)
    if report is None:
        raise Http404
    return FileResponse(
        report,
        as_attachment=True,
        filename="lignes-rejetees.csv",
        content_type="text/csv; charset=utf-8",
    )
