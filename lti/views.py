"""LTI endpoints: the tool's key set, OIDC login initiation, launch, deep linking.

The launch endpoints are cross-site requests from the partner platform (a form POST
or a redirect from another site): they carry no CSRF token and are `csrf_exempt`.
They are authenticated otherwise: the launch by the id_token signed with the
platform's key (checked against its key set), the state cookie set by our login
step and a nonce used once; the deep-link choice by a signed token naming the
validated launch. None changes anything on a GET.

Resource launches open Égide in a new window: every page refuses framing
(`frame-ancestors 'none'`) and the session cookie is SameSite=Lax, which a browser
does not send inside another site's frame. Only the deep-linking pages, which need
no session, may be framed by the platform that launched them (docs/lti.md).
"""

from urllib.parse import quote, urlsplit

from django.contrib import messages
from django.contrib.auth import login
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from lti_tool.lti_core.constants import ContextRole
from lti_tool.lti_core.utils import normalize_role
from lti_tool.models import Key

from accounts.constants import Role
from accounts.roles import role_required
from core.absolute_urls import absolute_url
from courses import services as course_services
from courses.constants import EnrolmentSource

from . import registration, selectors, services
from .protocol import (
    LaunchRefused,
    claims_check,
    launch_restore,
    launch_validate,
    login_redirect,
)

DEEP_LINK_SALT = "egide.lti.deep-link"
DEEP_LINK_MAX_AGE = 60 * 60  # the teacher has an hour to choose
DEEP_LINK_ROLES = {ContextRole.INSTRUCTOR, ContextRole.ADMINISTRATOR, ContextRole.CONTENT_DEVELOPER}
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _refused(request, message: str, status: int = 403):
    return render(request, "lti/refused.html", {"message": message}, status=status)


def _launch_url(request) -> str:
    return absolute_url(reverse("lti:launch"), request)


@require_GET
def jwks(request):
    """The tool's public keys, which platforms use to check our signed messages."""
    return JsonResponse(Key.objects.as_jwks())


@csrf_exempt  # a cross-site request from the platform; see the module docstring
def login_initiation(request):
    """OIDC third-party login initiation: redirect to the platform's authorisation
    endpoint, which posts the signed launch back to `launch`."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        return login_redirect(request, launch_url=_launch_url(request))
    except LaunchRefused as refusal:
        return _refused(request, refusal.message, refusal.status)


@csrf_exempt  # authenticated by the signed id_token, state cookie and nonce
@require_POST
def launch(request):
    """A resource or deep-linking launch from a partner platform."""
    try:
        lti_launch = launch_validate(request)
        claims_check(lti_launch)
    except LaunchRefused as refusal:
        return _refused(request, refusal.message, refusal.status)
    deployment = lti_launch.deployment
    if not deployment.is_active:
        return _refused(
            request,
            _(
                "Ce déploiement de la plateforme n'est pas activé dans Égide. Son "
                "administrateur·rice doit l'ajouter à l'enregistrement de la plateforme."
            ),
        )
    if lti_launch.is_deep_link_launch:
        return _deep_link_picker(request, lti_launch)
    if not lti_launch.is_resource_launch:
        return _refused(request, _("Égide ne traite pas ce type de message LTI."), 400)
    return _resource_launch(request, lti_launch)


def _resource_launch(request, lti_launch):
    lti_user = services.launch_record(lti_launch=lti_launch)
    person = services.launch_person(lti_user=lti_user)
    if person.user is None:
        return _refused(request, person.refusal)
    user = person.user
    login(request, user, backend=LOGIN_BACKEND)
    module = selectors.pickable_module(lti_launch.get_custom_claim(services.CUSTOM_MODULE))
    if module is None:
        messages.warning(
            request,
            _("Le lien de votre plateforme ne désigne aucun module publié : choisissez-le ici."),
        )
        return redirect("core:dashboard")
    try:
        course_services.enrolment_create(user=user, module=module, source=EnrolmentSource.SELF)
    except ValidationError:
        pass  # prerequisites missing: the module page says which
    services.grade_target_record(lti_launch=lti_launch, user=user, module=module)
    if not user.profile_is_complete:
        # As accounts.decorators does for a training page, back to the module afterwards.
        messages.info(request, _("Complétez votre profil pour accéder à vos formations."))
        return redirect(f"{reverse('accounts:profile')}?next={quote(module.url, safe='/')}")
    return redirect(module.url)


def _platform_origin(lti_launch) -> str:
    bits = urlsplit(lti_launch.registration.auth_url)
    return f"{bits.scheme}://{bits.netloc}"


def _frameable_by_platform(response, lti_launch):
    """The deep-linking pages may be shown in the platform's selection frame."""
    response._csp_replace = {"frame-ancestors": [_platform_origin(lti_launch)]}
    response.xframe_options_exempt = True
    return response


def _deep_link_picker(request, lti_launch):
    roles = {normalize_role(role) for role in lti_launch.roles_claim or []}
    if not roles & DEEP_LINK_ROLES:
        return _refused(
            request, _("Seul·es les enseignant·es de la plateforme choisissent un module.")
        )
    # Nothing about the teacher is stored: choosing a module needs no account.
    token = signing.dumps(lti_launch.get_launch_id(), salt=DEEP_LINK_SALT)
    response = render(
        request,
        "lti/deep_link_picker.html",
        {"modules": selectors.pickable_modules(), "token": token},
    )
    return _frameable_by_platform(response, lti_launch)


@xframe_options_exempt
@csrf_exempt  # authenticated by the signed token of a validated launch (see the docstring)
@require_POST
def deep_link_choose(request):
    """The teacher's choice: answer the platform with a signed deep-linking response."""
    try:
        launch_id = signing.loads(
            request.POST.get("token", ""), salt=DEEP_LINK_SALT, max_age=DEEP_LINK_MAX_AGE
        )
        lti_launch = launch_restore(request, launch_id)
    except signing.BadSignature:
        return _refused(
            request, _("Ce choix a expiré : rouvrez la sélection depuis votre plateforme.")
        )
    except LaunchRefused as refusal:
        return _refused(request, refusal.message, refusal.status)
    if not lti_launch.is_deep_link_launch:
        return _refused(request, _("Ce lancement ne demande pas de choisir un module."), 400)
    module = selectors.pickable_module(request.POST.get("module"))
    if module is None:
        response = render(
            request,
            "lti/deep_link_picker.html",
            {
                "modules": selectors.pickable_modules(),
                "token": request.POST["token"],
                "error": _("Choisissez un des modules publiés."),
            },
            status=400,
        )
        return _frameable_by_platform(response, lti_launch)
    deep_link = lti_launch.get_message_launch().get_deep_link()
    resource = services.deep_link_resource(module=module, launch_url=_launch_url(request))
    jwt = deep_link.get_response_jwt([resource])
    return_url = lti_launch.get_launch_data()[
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
    ]["deep_link_return_url"]
    response = render(
        request,
        "lti/deep_link_return.html",
        {"module": module, "return_url": return_url, "jwt": jwt},
    )
    bits = urlsplit(return_url)
    # The form posts to the platform: allowed as a form target for this page only.
    response._csp_update = {"form-action": [f"{bits.scheme}://{bits.netloc}"]}
    return _frameable_by_platform(response, lti_launch)


@role_required(Role.ADMIN)
@require_GET
def dynamic_registration_invite(request):
    """The address an administrator pastes into a platform's dynamic registration."""
    token = registration.invitation_token(user=request.user)
    address = absolute_url(reverse("lti:dynamic_registration", args=[token]), request)
    return render(request, "lti/dynamic_registration_invite.html", {"address": address})


@xframe_options_exempt
@csrf_exempt  # posted from the platform's frame; authenticated by the signed address
def dynamic_registration(request, token):
    """LTI Dynamic Registration: show what the platform offers (GET), register (POST)."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    params = request.POST if request.method == "POST" else request.GET
    try:
        registration.invitation_check(token)
        offer = registration.platform_offer(
            configuration_url=params.get("openid_configuration", ""),
            registration_token=params.get("registration_token", ""),
        )
        if request.method == "GET":
            response = render(
                request,
                "lti/dynamic_registration.html",
                {
                    "offer": offer,
                    "configuration_url": offer.configuration_url,
                    "registration_token": offer.registration_token,
                },
            )
        else:
            platform = registration.platform_register(offer=offer, request=request)
            response = render(request, "lti/dynamic_registration_done.html", {"platform": platform})
    except LaunchRefused as refusal:
        return _refused(request, refusal.message, refusal.status)
    # Shown in the platform's registration frame.
    response._csp_replace = {"frame-ancestors": [offer.origin]}
    return response
