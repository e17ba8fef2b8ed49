"""Second factor (allauth.mfa): who must have one, and whether they have enrolled one.

Privileged roles (constants.MFA_REQUIRED_ROLES) must enrol an authenticator app
(TOTP) or a security key / passkey (WebAuthn); allauth then asks for it at every
sign-in, ProConnect sign-ins included. Whether a person has enrolled is cached like
their roles (cleared whenever an authenticator is added or removed), so the check
made on every page by accounts.middleware costs no query on most pages.
"""

import time

from allauth.mfa import app_settings
from django.core.cache import cache

from .constants import MFA_REQUIRED_ROLES
from .roles import has_role

CACHE_TIMEOUT = 10 * 60
_CACHE_ATTR = "_egide_mfa_enrolled"


def _cache_key(user_id: int) -> str:
    return f"egide:mfa:{user_id}"


def forget_mfa(user_id: int) -> None:
    """Drop the cached enrolment of a user (called when their authenticators change)."""
    cache.delete(_cache_key(user_id))


def mfa_required(user) -> bool:
    """Return True when the user's roles require a second factor."""
    return has_role(user, *MFA_REQUIRED_ROLES)


def mfa_enrolled(user) -> bool:
    """Return True when the user has an authenticator app or a security key.

    Recovery codes alone do not count: they are a spare for one of those.
    """
    from allauth.mfa.models import Authenticator

    enrolled = getattr(user, _CACHE_ATTR, None)
    if enrolled is None:
        enrolled = cache.get(_cache_key(user.pk))
        if enrolled is None:
            enrolled = Authenticator.objects.filter(
                user_id=user.pk,
                type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
            ).exists()
            cache.set(_cache_key(user.pk), enrolled, CACHE_TIMEOUT)
        setattr(user, _CACHE_ATTR, enrolled)
    return enrolled


def mfa_enrolment_missing(user) -> bool:
    """Return True when the user must enrol a second factor before going on."""
    return (
        getattr(user, "is_authenticated", False) and mfa_required(user) and not mfa_enrolled(user)
    )


def totp_code_now(user) -> str | None:
    """Return the code the user's authenticator app shows now, or None without one.

    For the demo (`manage.py demo_totp`) and the tests only: nothing in the service
    ever shows a code.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.filter(
        user_id=user.pk, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        return None
    secret = decrypt(authenticator.data["secret"])
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
