"""Wagtail admin buttons leading to the activity results (courses.results_views).

Imported by courses.results_views (so registered once the URLs are loaded, before any
admin page renders): Wagtail discovers only `wagtail_hooks.py`, which another part of
the team maintains. Shown to the people who may see the results.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .selectors.learners import may_follow_learners


@hooks.register("register_snippet_listing_buttons")
def activity_results_listing_button(snippet, user, next_url=None):
    """The "Résultats" button in the list of H5P activities."""
    from .models import H5PPackage

    if isinstance(snippet, H5PPackage) and may_follow_learners(user):
        yield Button(
            _("Résultats"),
            url=reverse("courses:activity_results", args=[snippet.pk]),
            icon_name="table",
            priority=80,
        )


@hooks.register("register_page_listing_more_buttons")
def module_activity_results_button(page, user, next_url=None):
    """The "Résultats des activités" button in the page explorer's menu of a module."""
    from .models import ModulePage

    if page.specific_class is ModulePage and may_follow_learners(user):
        yield Button(
            _("Résultats des activités"),
            url=reverse("courses:module_activity_results", args=[page.pk]),
            icon_name="table",
            priority=85,
        )
