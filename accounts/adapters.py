from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from core.absolute_urls import absolute_url

from . import services


def _same_path_on_our_host(url: str, request=None) -> str:
    """allauth builds links from the request, or from the Sites row written at
    migrate time when there is none (possibly another port): rebuild them like
    every other link of the platform (core.absolute_urls)."""
    bits = urlsplit(url)
    path = bits.path + (f"?{bits.query}" if bits.query else "")
    return absolute_url(path, request)


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.user_signed_up(user=user)
        return user

    def get_email_confirmation_url(self, request, emailconfirmation):
        url = super().get_email_confirmation_url(request, emailconfirmation)
        return _same_path_on_our_host(url, request)

    def get_reset_password_from_key_url(self, key):
        url = super().get_reset_password_from_key_url(key)
        return _same_path_on_our_host(url, getattr(self, "request", None))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Map ProConnect / Pro Santé Connect claims onto the profile."""

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claims = sociallogin.account.extra_data or {}
        claims = claims.get("userinfo", claims) if isinstance(claims, dict) else {}
        # ProConnect names the family name "usual_name".
        user.first_name = user.first_name or claims.get("given_name", "")
        user.last_name = user.last_name or claims.get("usual_name") or claims.get("family_name", "")
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        services.user_signed_up(user=user)
        return user


_ENCRYPTED = "fernet:"


def _fernet():
    """The key that encrypts second-factor secrets in the database.

    MFA_ENCRYPTION_KEY (a Fernet key, from the environment) when set, so that changing
    SECRET_KEY does not lock everyone out of their authenticator app; otherwise a key
    derived from SECRET_KEY, never stored.
    """
    import base64
    import hashlib

    from cryptography.fernet import Fernet
    from django.conf import settings

    key = getattr(settings, "MFA_ENCRYPTION_KEY", "")
    if not key:
        digest = hashlib.sha256(b"egide-mfa-secrets:" + settings.SECRET_KEY.encode()).digest()
        key = base64.urlsafe_b64encode(digest)
    return Fernet(key)


class MFAAdapter(DefaultMFAAdapter):
    """Second-factor secrets are stored encrypted; a person whose role requires a
    second factor cannot remove their last one."""

    def encrypt(self, text: str) -> str:
        # A copy of the database (a backup, a leaked dump) must not hand out the TOTP
        # secrets and recovery-code seeds that would let anyone pass the second factor.
        return _ENCRYPTED + _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(_ENCRYPTED):
            return encrypted_text  # stored before encryption was turned on
        return _fernet().decrypt(encrypted_text.removeprefix(_ENCRYPTED).encode()).decode()

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        from .mfa import mfa_required

        if authenticator.type == Authenticator.Type.RECOVERY_CODES:
            return True
        if not mfa_required(authenticator.user):
            return True
        return (
            Authenticator.objects.filter(
                user_id=authenticator.user_id,
                type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
            )
            .exclude(pk=authenticator.pk)
            .exists()
        )
