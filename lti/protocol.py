"""The LTI 1.3 protocol steps, on pylti1p3 and django-lti, with Égide's stricter rules.

- A nonce is used once. pylti1p3 checks that the id_token's nonce was issued by our
  login step but keeps it, so the same signed launch (state cookie and id_token)
  could be posted again: here the nonce is deleted from the cache once the signature
  is verified (an atomic delete: of two simultaneous posts, one wins).
- The platform's key set is fetched with a timeout: a platform that does not answer
  fails the launch after a few seconds instead of holding a web worker.
- Every refusal becomes a `LaunchRefused` carrying a French message for the person.
"""

import logging

import requests
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lti_tool.models import LtiLaunch
from lti_tool.utils import DjangoToolConfig
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.exception import LtiException, OIDCException

logger = logging.getLogger("egide.security")

# Seconds to wait for a platform (key set, access token, scores).
HTTP_TIMEOUT = 10


class LaunchRefused(Exception):
    """A launch or a login initiation Égide refuses; `message` is shown to the person."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.message = message
        self.status = status


class TimeoutSession(requests.Session):
    """A requests session whose every call has a timeout (pylti1p3 sets none)."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return super().request(*args, **kwargs)


class ConsumingCacheDataStorage(DjangoCacheDataStorage):
    def consume(self, key: str) -> bool:
        """Delete `key`; return True only for the caller that actually deleted it."""
        return bool(self._get_cache().delete(self._prepare_key(key)))


class EgideMessageLaunch(DjangoMessageLaunch):
    def validate(self):
        if self._restored:
            raise LtiException("Can't validate restored launch")
        self._validated = True
        try:
            return (
                self.validate_state()
                .validate_jwt_format()
                .validate_nonce()
                .validate_registration()
                .validate_jwt_signature()
                # After the signature: a forged token cannot burn a real launch's nonce.
                .consume_nonce()
                .validate_deployment()
                .validate_message()
                .save_launch_data()
            )
        except Exception:
            self._validated = False
            raise

    def consume_nonce(self):
        nonce = self._get_jwt_body().get("nonce")
        session = self._session_service
        if not session.data_storage.consume(session._get_key("nonce", nonce)):
            raise LtiException("Invalid Nonce")
        return self


def _storage() -> ConsumingCacheDataStorage:
    return ConsumingCacheDataStorage()


# pylti1p3's English reasons, by the French sentence the person reads.
_REASONS = [
    (
        ("Missing state", "State not found", "Missing %s cookie"),
        gettext_lazy(
            "Le lancement a expiré ou a été ouvert dans un autre navigateur. "
            "Relancez l'activité depuis votre plateforme."
        ),
    ),
    (
        ("Invalid Nonce", '"nonce" is empty'),
        gettext_lazy(
            "Ce lancement a déjà été utilisé. Relancez l'activité depuis votre plateforme."
        ),
    ),
    (
        ("Registration not found", "Client id not registered", "Could not find registration"),
        gettext_lazy(
            "Cette plateforme n'est pas enregistrée dans Égide, ou son accès est suspendu."
        ),
    ),
    (
        (
            "Can't decode id_token",
            "Unable to find public key",
            "JWT KID",
            "JWT ALG",
            "Error during",
        ),
        gettext_lazy("La signature du lancement n'a pas pu être vérifiée : il est refusé."),
    ),
]


def _refusal(exc: Exception) -> LaunchRefused:
    text = str(exc)
    for needles, message in _REASONS:
        if any(needle in text for needle in needles):
            return LaunchRefused(str(message))
    return LaunchRefused(
        _("Ce lancement LTI n'est pas valide : relancez l'activité depuis votre plateforme."),
        status=400,
    )


def login_redirect(request, *, launch_url: str):
    """Answer the platform's OIDC login initiation with the redirect to its authorisation
    endpoint (state cookie, nonce in the cache)."""
    params = request.POST if request.method == "POST" else request.GET
    target = params.get("target_link_uri")
    if not target:
        raise LaunchRefused(_("La demande de connexion ne dit pas quoi ouvrir."), status=400)
    oidc = DjangoOIDCLogin(request, DjangoToolConfig(), launch_data_storage=_storage())
    try:
        # Always our launch URL: the platform's target_link_uri comes back inside the
        # signed id_token, never as a place we redirect to.
        return oidc.redirect(launch_url)
    except (OIDCException, LtiException) as exc:
        logger.warning("LTI login initiation refused: %s", exc)
        raise _refusal(exc) from exc


def launch_validate(request) -> LtiLaunch:
    """Validate the platform's signed launch (state, nonce, registration, signature,
    deployment, message) and return it; raise LaunchRefused otherwise."""
    message_launch = EgideMessageLaunch(
        request,
        DjangoToolConfig(),
        launch_data_storage=_storage(),
        requests_session=TimeoutSession(),
    )
    try:
        message_launch.validate()
    except (LtiException, OIDCException) as exc:
        logger.warning("LTI launch refused: %s", exc)
        raise _refusal(exc) from exc
    except Exception as exc:  # malformed JSON claims, key formats…: refused, not a 500
        logger.warning("LTI launch refused (malformed): %r", exc)
        raise _refusal(exc) from exc
    return LtiLaunch(message_launch)


def launch_restore(request, launch_id: str) -> LtiLaunch:
    """The validated launch `launch_id`, kept in the cache by launch_validate."""
    try:
        message_launch = EgideMessageLaunch.from_cache(
            launch_id, request, DjangoToolConfig(), launch_data_storage=_storage()
        )
    except LtiException as exc:
        raise LaunchRefused(
            _("Ce lancement a expiré. Relancez l'activité depuis votre plateforme.")
        ) from exc
    return LtiLaunch(message_launch)


CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
_OPTIONAL_TEXT = ("email", "name", "given_name", "family_name", "picture")
_OBJECTS = {
    f"{CLAIM}context": ("id", "title", "label"),
    f"{CLAIM}resource_link": ("id", "title", "description"),
    f"{CLAIM}tool_platform": ("guid", "name", "contact_email", "url", "version"),
    f"{CLAIM}launch_presentation": ("document_target", "return_url"),
    f"{CLAIM}platformnotificationservice": ("platform_notification_service_url",),
    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": ("lineitem", "lineitems"),
    "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": ("context_memberships_url",),
    "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": ("deep_link_return_url",),
}
_LISTS = {
    f"{CLAIM}roles": None,
    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": "scope",
    f"{CLAIM}context": "type",
}


def _text_or_absent(value) -> bool:
    return value is None or isinstance(value, str)


def _list_of_text(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def claims_check(lti_launch: LtiLaunch) -> None:
    """Refuse a signed launch whose claims do not have the spec's shapes.

    The platform signed it, but django-lti and Égide read these claims as text, lists
    and objects: a platform bug (or a misconfigured custom claim) must get a French
    400, not a server error half-way through signing someone in.
    """
    data = lti_launch.get_launch_data()
    malformed = not isinstance(data.get("sub"), str) or not data["sub"]
    malformed |= not all(_text_or_absent(data.get(key)) for key in _OPTIONAL_TEXT)
    for claim, keys in _OBJECTS.items():
        value = data.get(claim)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(_text_or_absent(value.get(k)) for k in keys):
            malformed = True
    for claim, key in _LISTS.items():
        value = data.get(claim)
        if isinstance(value, dict) and key:
            value = value.get(key, [])
        if value is not None and not _list_of_text(value):
            malformed = True
    custom = data.get(f"{CLAIM}custom")
    if custom is not None and not isinstance(custom, dict):
        malformed = True
    if malformed:
        logger.warning("LTI launch refused: malformed claims from %s", data.get("iss"))
        raise LaunchRefused(
            _(
                "Votre plateforme a envoyé des informations illisibles : le lancement est "
                "refusé. Transmettez ce message à son administrateur·rice."
            ),
            status=400,
        )
