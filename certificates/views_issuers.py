"""Delegates' pages: who signs the documents of their territories.

A front-end page rather than a Wagtail snippet: DDFE and regional delegates have
no access to the Wagtail admin (accounts/migrations/0002_roles.py grants it to
editors and administrators only), and their right is territorial, which
territory_scope() already answers for every other page they use.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required
from accounts.selectors import territory_scope

from . import services
from .forms import IssuerProfileForm
from .selectors import issuers


def _territory(request, level: str, code: str):
    """The territory the user may edit, else 404: another territory's settings are
    not even acknowledged."""
    try:
        return issuers.territory_in_scope(territory_scope(request.user), level, code)
    except LookupError:
        raise Http404 from None


def _name(territory) -> str:
    return territory.label() if territory is not None else _("National")


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET"])
def issuer_list(request):
    return render(
        request,
        "certificates/issuers/list.html",
        {"rows": issuers.issuer_rows(territory_scope(request.user))},
    )


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def issuer_edit(request, level: str, code: str = ""):
    territory = _territory(request, level, code)
    profile = issuers.profile_of(territory)
    if request.method == "POST":
        form = IssuerProfileForm(request.POST)
        if form.is_valid():
            services.issuer_profile_save(by=request.user, territory=territory, **form.cleaned_data)
            messages.success(
                request,
                _(
                    "Les documents délivrés désormais pour %(territory)s porteront ces "
                    "informations ; ceux déjà délivrés ne changent pas."
                )
                % {"territory": _name(territory)},
            )
            return redirect("certificates:issuers")
    else:
        if profile is not None:
            initial = {
                "issuer": profile.issuer,
                "signatory_title": profile.signatory_title,
                "signatory_name": profile.signatory_name,
                "city": profile.city,
            }
        else:
            # The text printed today if nothing is configured at this level: the
            # default of this very territory, not the région's that may apply now.
            default = issuers.default_issuer(territory)
            initial = {"issuer": default.issuer, "signatory_title": default.signatory_title}
        form = IssuerProfileForm(initial=initial)
    return render(
        request,
        "certificates/issuers/edit.html",
        {
            "form": form,
            "profile": profile,
            "territory_name": _name(territory),
            "current": issuers.issuer_for(
                departement_code=code if level == "departement" else None,
                region_code=code if level == "region" else None,
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@role_required(*TERRITORY_ROLES)
@require_POST
def issuer_reset(request, level: str, code: str = ""):
    territory = _territory(request, level, code)
    if services.issuer_profile_delete(by=request.user, territory=territory):
        messages.success(
            request,
            _(
                "Les réglages propres à %(territory)s sont supprimés : ses documents suivent "
                "désormais ceux de la région, du niveau national ou le texte par défaut."
            )
            % {"territory": _name(territory)},
        )
    return redirect("certificates:issuers")
