"""LTI Dynamic Registration (IMS LTI-DR 1.0): a platform registers Égide by itself.

The platform's administrator pastes a registration address into the platform; the
platform opens it (in a frame) with its OpenID configuration URL and a one-time
registration token. Égide shows what is about to be registered, and on confirmation
posts its configuration to the platform's registration endpoint and records the
platform (issuer, endpoints, client id, deployment).

The address carries a token signed by Égide and given to an administrator (valid a
day): without it, anyone could make Égide register a platform of their own, which
could then sign people in by email address, and make Égide fetch any URL.
The JSON sent is built with django-lti-dynamic-registration's types.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from lti_dynamic_registration.types import (
    CanvasLtiMessage,
    LmsLtiRegistration,
    LmsLtiToolConfiguration,
)
from lti_tool.lti_core.constants import AgsScope
from lti_tool.models import LtiRegistration

from core.absolute_urls import absolute_url

from . import services
from .protocol import LaunchRefused, TimeoutSession

SALT = "egide.lti.dynamic-registration"
MAX_AGE = 24 * 60 * 60
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"


def invitation_token(*, user) -> str:
    """A registration token for the administrator `user` (who issued it is logged)."""
    return signing.dumps({"by": user.pk}, salt=SALT)


def invitation_check(token: str) -> dict:
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as exc:
        raise LaunchRefused(
            _(
                "Cette adresse d'inscription n'est pas valide ou a expiré (24 heures). "
                "Demandez-en une nouvelle à un·e administrateur·rice d'Égide."
            )
        ) from exc


@dataclass(frozen=True)
class PlatformOffer:
    """What the platform says of itself (its OpenID configuration)."""

    configuration_url: str
    registration_token: str
    config: dict

    @property
    def name(self) -> str:
        product = self.config.get(PLATFORM_CONFIGURATION, {})
        return product.get("product_family_code") or self.config["issuer"]

    @property
    def origin(self) -> str:
        bits = urlsplit(self.config["issuer"])
        return f"{bits.scheme}://{bits.netloc}"


def platform_offer(*, configuration_url: str, registration_token: str) -> PlatformOffer:
    """Fetch and check the platform's OpenID configuration."""
    if not configuration_url.startswith(("https://", "http://")) or not registration_token:
        raise LaunchRefused(
            _("Ouvrez cette adresse depuis l'inscription dynamique de votre plateforme."), 400
        )
    try:
        response = TimeoutSession().get(
            configuration_url, headers={"Authorization": f"Bearer {registration_token}"}
        )
        response.raise_for_status()
        config = response.json()
        required = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not all(
            isinstance(config.get(key), str) for key in (*required, "registration_endpoint")
        ):
            raise ValueError("incomplete configuration")
    except Exception as exc:  # unreachable, refused, not JSON, incomplete
        raise LaunchRefused(
            _("La configuration de la plateforme n'a pas pu être lue : réessayez plus tard."), 400
        ) from exc
    # LTI-DR 3.5.1: the configuration URL must start with the issuer it declares.
    if not configuration_url.startswith(config["issuer"]):
        raise LaunchRefused(
            _("La configuration de la plateforme ne correspond pas à son émetteur."), 400
        )
    return PlatformOffer(configuration_url, registration_token, config)


def tool_configuration(request) -> dict:
    """Égide as the platform should register it (LTI-DR 3.6)."""
    launch_url = absolute_url(reverse("lti:launch"), request)
    domain = urlsplit(launch_url).netloc
    return LmsLtiRegistration(
        client_name="Égide",
        jwks_uri=absolute_url(reverse("lti:jwks"), request),
        initiate_login_uri=absolute_url(reverse("lti:login"), request),
        target_link_uri=launch_url,
        scopes=[scope.value for scope in AgsScope],
        lti_tool_configuration=LmsLtiToolConfiguration(
            domain=domain,
            target_link_uri=launch_url,
            claims=["iss", "sub", "name", "given_name", "family_name", "email"],
            messages=[
                CanvasLtiMessage(
                    type="LtiDeepLinkingRequest", target_link_uri=launch_url, label="Égide"
                )
            ],
            description=_("Modules de formation sur les violences faites aux femmes."),
        ),
    ).to_dict()


def platform_register(*, offer: PlatformOffer, request) -> LtiRegistration:
    """Register Égide in the platform, then the platform in Égide (active, with the
    deployment the platform created)."""
    config = offer.config
    try:
        response = TimeoutSession().post(
            config["registration_endpoint"],
            json=tool_configuration(request),
            headers={"Authorization": f"Bearer {offer.registration_token}"},
        )
        response.raise_for_status()
        answer = response.json()
        client_id = str(answer["client_id"])
    except Exception as exc:
        raise LaunchRefused(
            _("La plateforme a refusé l'inscription d'Égide : réessayez depuis la plateforme."),
            400,
        ) from exc
    deployment_id = str((answer.get(TOOL_CONFIGURATION) or {}).get("deployment_id") or "")
    with transaction.atomic():
        registration, _created = LtiRegistration.objects.update_or_create(
            issuer=config["issuer"],
            client_id=client_id,
            defaults={
                "name": offer.name[:255],
                "auth_url": config["authorization_endpoint"],
                "token_url": config["token_endpoint"],
                "keyset_url": config["jwks_uri"],
                "audience": config.get("authorization_server", "") or "",
                "is_active": True,
            },
        )
        if deployment_id:
            current = list(
                registration.deployments.filter(is_active=True).values_list(
                    "deployment_id", flat=True
                )
            )
            services.registration_deployments_set(
                registration=registration, deployment_ids=[*current, deployment_id]
            )
    return registration
