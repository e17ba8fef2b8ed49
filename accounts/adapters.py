from allauth.account.adapter import DefaultAccountAdapter
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
