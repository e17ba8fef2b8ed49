from functools import wraps
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def profile_complete_required(view):
    """Send signed-in users with an incomplete profile to the profile form first.

    Training pages need the profession and territory to count people trained for
    the action plan, so they are asked once, before their first training page.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.profile_is_complete:
            return redirect_to_profile_completion(request)
        return view(request, *args, **kwargs)

    return wrapped


def redirect_to_profile_completion(request):
    """Send the person to the profile form, coming back to this page afterwards."""
    from django.urls import reverse

    messages.info(request, _("Complétez votre profil pour accéder à vos formations."))
    # Quoted so the page's own query string stays inside `next`.
    next_url = quote(request.get_full_path(), safe="/")
    return redirect(f"{reverse('accounts:profile')}?next={next_url}")
