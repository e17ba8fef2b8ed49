"""Holder's attestations, public verification and ZIP archives (thin views)."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import throttle
from core.file_jobs import file_job_response

from . import selectors, services
from .constants import VERIFY_PERIOD_SECONDS, VERIFY_RATE
from .forms import VerifyForm


@login_required
@require_GET
def my_attestations(request):
    return render(
        request,
        "certificates/my_attestations.html",
        {"attestations": selectors.attestations_for_user(user=request.user)},
    )


@login_required
@require_GET
def download(request, code: str):
    """The holder's PDF; anyone else gets a 404 (no hint that the code exists)."""
    attestation = selectors.attestation_of_holder(user=request.user, code=code)
    if attestation is None:
        raise Http404
    if attestation.is_revoked:
        messages.error(
            request,
            _("Cette attestation a été révoquée : %(reason)s")
            % {"reason": attestation.revocation_reason},
        )
        return redirect("certificates:mine")
    if not attestation.pdf:
        messages.info(request, _("Votre attestation est en cours de génération."))
        return redirect("certificates:mine")
    return FileResponse(
        attestation.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"attestation-{attestation.code}.pdf",
    )


def _throttled(request) -> bool:
    address = get_adapter(request).get_client_ip(request) or "unknown"
    return not throttle.allow(
        scope="verify", key=address, limit=VERIFY_RATE, period=VERIFY_PERIOD_SECONDS
    )


def _too_many(request):
    response = render(request, "certificates/verify_throttled.html", status=429)
    response["Retry-After"] = str(VERIFY_PERIOD_SECONDS)
    return response


@require_GET
def verify_form(request):
    """Public: type a code (GET form, so the result has a shareable address)."""
    form = VerifyForm(request.GET or None)
    if request.GET:
        if _throttled(request):
            return _too_many(request)
        if form.is_valid():
            return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


@require_GET
def verify(request, code: str):
    """Public: valid, expired, revoked or unknown, with the holder, title and date."""
    if _throttled(request):
        return _too_many(request)
    result = selectors.verification(code=code)
    response = render(
        request,
        "certificates/verify.html",
        {"result": result, "form": VerifyForm(initial={"code": result.code})},
        status=404 if result.validity == "unknown" else 200,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def archive_request(request):
    subject = request.POST.get("subject", "")[:100]
    back = request.POST.get("next") or reverse("core:dashboard")
    try:
        archive = services.archive_request(user=request.user, subject=subject)
    except PermissionDenied as refusal:
        return render(request, "certificates/archive_refused.html", {"reason": refusal}, status=403)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back if back.startswith("/") and not back.startswith("//") else "/")
    return redirect("certificates:archive", archive_id=archive.pk)


@login_required
@require_GET
def archive(request, archive_id: int):
    archive = selectors.archive_of_requester(user=request.user, archive_id=archive_id)
    if archive is None:
        raise Http404
    return render(request, "certificates/archive.html", {"archive": archive})


@login_required
@require_GET
def archive_download(request, archive_id: int):
    archive = selectors.archive_of_requester(user=request.user, archive_id=archive_id)
    return file_job_response(archive, content_type="application/zip")
