from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import page_cache
from .blocks import BaseStreamBlock
from .constants import FileJobStatus


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


def private_storage():
    # Files of one person (archives of attestations, report exports): never under
    # MEDIA_URL, served by views that check who asks.
    from django.core.files.storage import storages

    return storages["private"]


def file_job_upload_to(instance, filename: str) -> str:
    return f"{instance.upload_folder}/{instance.pk}-{filename}"


class FileJob(models.Model):
    """A file built in the background for one person, who alone downloads it until it
    expires (archives of attestations, report exports); see core.file_jobs.

    A concrete job adds what it is built from (a subject, a plan and a period) and
    says where its files go and how long they are kept.
    """

    upload_folder = "jobs"
    kept_for = timedelta(days=7)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=FileJobStatus.choices, default=FileJobStatus.PENDING
    )
    # Progress, for the page the owner watches: `done` of `total` steps or items.
    total = models.PositiveIntegerField(_("étapes"), default=0)
    done = models.PositiveIntegerField(_("étapes terminées"), default=0)
    file = models.FileField(
        _("fichier"),
        storage=private_storage,
        upload_to=file_job_upload_to,
        max_length=255,
        blank=True,
    )
    error = models.TextField(_("erreur"), blank=True)
    # What was asked, as a digest: the same request while one is pending (a double
    # click) gets the pending job back (core.file_jobs.file_job_request).
    request_key = models.CharField(max_length=64, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("disponible jusqu'au"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "request_key"],
                condition=models.Q(status="pending"),
                name="%(app_label)s_%(class)s_one_pending",
            )
        ]

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 100

    @property
    def is_pending(self) -> bool:
        return self.status == FileJobStatus.PENDING

    @property
    def is_expired(self) -> bool:
        if self.status == FileJobStatus.EXPIRED:
            return True
        return self.status == FileJobStatus.READY and (
            self.expires_at is not None and self.expires_at <= timezone.now()
        )

    @property
    def is_downloadable(self) -> bool:
        return self.status == FileJobStatus.READY and bool(self.file) and not self.is_expired

    @property
    def download_name(self) -> str:
        """The file's name without its folder and the job's id."""
        return self.file.name.rsplit("/", 1)[-1].split("-", 1)[-1]
