"""Keep people whose role requires a second factor on the enrolment pages until they have one."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .mfa import mfa_enrolment_missing

# Where the person is sent back once enrolled (read by mfa/recovery_codes/index.html).
NEXT_SESSION_KEY = "egide_mfa_next"


def _allowed_prefixes() -> tuple[str, ...]:
    """Paths reachable before enrolment: the enrolment pages and what they need.

    The quick-exit button is a plain link to another site, so it needs no exception.
    """
    return (
        reverse("mfa_index"),  # TOTP, WebAuthn, recovery codes, reauthentication
        reverse("account_reauthenticate"),
        reverse("account_logout"),
        settings.STATIC_URL,
        reverse("core:healthz"),
    )


def _wants_json(request) -> bool:
    """Return True for requests made by scripts, which cannot follow a redirect to a form."""
    accept = request.headers.get("Accept", "")
    return (
        request.path.startswith("/api/")
        or request.content_type == "application/json"
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or ("application/json" in accept and "text/html" not in accept)
    )


class MfaEnrolmentMiddleware:
    """Send a signed-in person whose role requires a second factor to its setup page.

    Checked on every request rather than at sign-in only, so a role granted to
    someone already signed in takes effect on their next page. Pages answer with a
    redirect; scripts (API, H5P, JSON) get a 403 with a message, not a redirect
    they would follow into a login form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # Read by the enrolment pages to say why the person was sent there.
        request.mfa_enrolment_missing = missing = (
            user is not None and user.is_authenticated and mfa_enrolment_missing(user)
        )
        if missing and not request.path.startswith(_allowed_prefixes()):
            message = _(
                "Votre rôle donne accès aux données d'autres personnes : activez une "
                "double authentification pour continuer."
            )
            if _wants_json(request):
                return JsonResponse({"erreur": message}, status=403)
            # Pages only: a favicon or an image fetched meanwhile is no place to go back to.
            if request.method == "GET" and "text/html" in request.headers.get("Accept", ""):
                request.session[NEXT_SESSION_KEY] = request.get_full_path()
            return redirect("mfa_index")
        return self.get_response(request)
