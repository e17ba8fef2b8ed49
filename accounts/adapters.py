from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from . import services


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.user_signed_up(user=user)
        return user


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


class MFAAdapter(DefaultMFAAdapter):
    """A person whose role requires a second factor cannot remove their last one."""

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
