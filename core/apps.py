from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "core"
    verbose_name = _("Socle")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from . import checks, page_cache  # noqa: F401 (checks register themselves)
        from .request_id import connect_celery_signals

        # The web process publishes tasks and the worker runs them: both set up Django.
        connect_celery_signals()

        def page_changed(sender, instance=None, **kwargs):
            if instance is None or isinstance(instance, Page):
                page_cache.bump()

        # Any page saved or deleted (drafts too: cheap and safe), published,
        # unpublished, moved or renamed, and any restriction or site change.
        for signal in (post_save, post_delete):
            signal.connect(page_changed, weak=False, dispatch_uid=f"egide-pages-{id(signal)}")
            signal.connect(page_cache.bump, sender=PageViewRestriction, weak=False)
            signal.connect(page_cache.bump, sender=Site, weak=False)
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(page_cache.bump, weak=False)
        # A process's copy of the version lives for one request at most.
        request_started.connect(page_cache.forget_version, weak=False)

        from . import moderation

        moderation.connect()


class SuperuserAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "core.admin_site.SuperuserAdminSite"
