from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # Two configs live here: this one is the app's ("accounts" in INSTALLED_APPS);
    # without `default`, Django would pick neither and ready() would never run.
    default = True
    name = "accounts"
    verbose_name = _("Comptes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed

        from .models import User
        from .roles import forget_roles

        def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
            # Keep cached roles true whether groups change from a user or from a group.
            if not action.startswith("post_"):
                return
            user_ids = (pk_set or set()) if reverse else {instance.pk}
            for user_id in user_ids:
                forget_roles(user_id)

        m2m_changed.connect(groups_changed, sender=User.groups.through, weak=False)

        from allauth.mfa.models import Authenticator
        from django.db.models.signals import post_delete, post_save

        from .mfa import forget_mfa

        def authenticators_changed(sender, instance, **kwargs):
            forget_mfa(instance.user_id)

        post_save.connect(authenticators_changed, sender=Authenticator, weak=False)
        post_delete.connect(authenticators_changed, sender=Authenticator, weak=False)

        from . import audit

        audit.connect()


class EgideUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, whose forms also set a delegate's territories (installed in
    place of "wagtail.users")."""

    user_viewset = "accounts.wagtail_hooks.UserViewSet"
