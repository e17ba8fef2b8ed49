import json

from allauth.account.adapter import get_adapter
from allauth.account.views import LoginView as AllauthLoginView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core import dashboard as dashboard_panels

from . import selectors, services
from .decorators import profile_complete_required
from .forms import AccountDeleteForm, ProfileForm


class LoginView(AllauthLoginView):
    """allauth's login page, without bouncing a signed-in person back to `?next=`.

    Wagtail sends a signed-in person who may not use the admin to the login page
    with `?next=/cms/`; allauth would send them straight back to /cms/, in an
    endless redirect loop. They go to "Mon espace" instead, where Wagtail's
    "no permission" message is shown.
    """

    def get_authenticated_redirect_url(self):
        return get_adapter(self.request).get_login_redirect_url(self.request)


login = LoginView.as_view()


def wagtail_login_redirect(request, default_next: str = "/cms/"):
    """Send Wagtail's login forms (GET or POST) to allauth's login page, keeping `next`.

    Wagtail's admin login (/cms/login/) and its login for private pages (/_util/login/)
    are Django's bare form: signing in there would skip allauth's throttling and its
    check that the address is verified.
    """
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.GET.get("next") or default_next)


def password_reset_redirect(request):
    """Send Wagtail's password reset pages (any method) to allauth's, which is throttled."""
    return redirect("account_reset_password")


@require_GET
@profile_complete_required
def dashboard(request):
    """The signed-in home, "Mon espace", made of the panels capability apps register
    (core.dashboard). Its URL keeps core's name, `core:dashboard` (elearning/urls.py)."""
    return render(
        request, "accounts/dashboard.html", {"panels": dashboard_panels.panels_for(request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(
            user=request.user, **{name: form.cleaned_data[name] for name in form.fields}
        )
        messages.success(request, _("Votre profil a été enregistré."))
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


@login_required
@require_http_methods(["GET"])
def data_export(request):
    """Download everything stored about the signed-in person, as JSON."""
    data = selectors.user_personal_data(request.user)
    data["exporte_le"] = timezone.now().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="egide-mes-donnees.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_anonymise(user=request.user)
        logout(request)
        messages.success(
            request,
            _("Votre compte a été supprimé. Vos données personnelles ont été effacées."),
        )
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
