from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import page_cache
from .blocks import BaseStreamBlock


class CachedRestrictionsMixin:
    """Read a page's view restrictions (its own and its ancestors') from the page cache.

    Wagtail checks them before serving every page, at two queries each time.
    """

    def get_view_restrictions(self):
        uncached = super().get_view_restrictions
        return page_cache.cached("restrictions", self.pk, lambda: list(uncached()))


class HomePage(CachedRestrictionsMixin, Page):
    """The public home page: what the service is, for whom, how to start."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Une ou deux phrases sous le titre principal."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """Find a descendant by its full URL path in two queries.

        Wagtail's default routing costs two queries per level (child lookup, then
        its specific page): four levels deep, a lesson would pay eight. Pages that
        consume extra path components themselves (RoutablePageMixin) are still
        reached through the default routing when no page has the full path.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        row = page_cache.cached(
            "route",
            url_path,
            lambda: (
                Page.objects.filter(url_path=url_path, path__startswith=self.path)
                .values_list("pk", "content_type_id", "live")
                .first()
            ),
        )
        if row is None:
            return super().route(request, path_components)
        pk, content_type_id, live = row
        if not live:
            raise Http404
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        # The specific page too: a fresh copy per read (page_cache), so serving
        # may set attributes on it freely.
        page = page_cache.cached("page", pk, lambda: model.objects.get(pk=pk))
        return RouteResult(page)
