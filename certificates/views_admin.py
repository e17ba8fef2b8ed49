"""Administrators' pages: an attestation's detail and journal, revocation,
regeneration after a template change. Listed from the Wagtail admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import RevokeForm
from .models import Attestation


# Anonymous visitors are sent to the login page; signed-in people without the right get 403.
@login_required
@permission_required("certificates.view_attestation", raise_exception=True)
@require_http_methods(["GET"])
def detail(request, attestation_id: int):
    attestation = get_object_or_404(
        Attestation.objects.select_related("user", "revoked_by"), pk=attestation_id
    )
    return render(
        request,
        "certificates/admin/detail.html",
        {
            "attestation": attestation,
            "events": attestation.events.select_related("actor"),
            "form": RevokeForm(),
            "can_revoke": request.user.has_perm("certificates.revoke_attestation"),
            "can_regenerate": request.user.has_perm("certificates.regenerate_attestation"),
        },
    )


@login_required
@permission_required("certificates.revoke_attestation", raise_exception=True)
@require_POST
def revoke(request, attestation_id: int):
    attestation = get_object_or_404(Attestation, pk=attestation_id)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.attestation_revoke(
                attestation=attestation, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("L'attestation %(code)s est révoquée.") % {"code": attestation.code}
            )
            return redirect("certificates:admin_detail", attestation_id=attestation.pk)
    return render(
        request,
        "certificates/admin/detail.html",
        {
            "attestation": attestation,
            "events": attestation.events.select_related("actor"),
            "form": form,
            "can_revoke": True,
            "can_regenerate": request.user.has_perm("certificates.regenerate_attestation"),
        },
        status=400,
    )


@login_required
@permission_required("certificates.regenerate_attestation", raise_exception=True)
@require_http_methods(["GET", "POST"])
def regenerate(request):
    """Render again every valid attestation (or one subject's) with the current template."""
    subject = (request.POST.get("subject") or request.GET.get("objet") or "")[:100]
    if request.method == "POST":
        count = services.attestations_regenerate(by=request.user, subject=subject or None)
        messages.success(
            request,
            ngettext(
                "%(count)s attestation en cours de régénération ; son code ne change pas.",
                "%(count)s attestations en cours de régénération ; leurs codes ne changent pas.",
                count,
            )
            % {"count": count},
        )
        return redirect("certificates:regenerate")
    queryset = Attestation.objects.filter(revoked_at__isnull=True)
    if subject:
        queryset = queryset.filter(subject=subject)
    return render(
        request,
        "certificates/admin/regenerate.html",
        {"subject": subject, "count": queryset.count()},
    )
