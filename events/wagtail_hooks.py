"""Events in the Wagtail admin: a snippet with its sessions inline.

Trainers author their events on the front-end pages (they do not enter the
admin); administrators may also use this snippet. Should trainers be given the
admin, the listing and editing are already limited to the events they organise,
and the author becomes an organiser. Registrations are managed on the
organiser's pages, linked from each listing row.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView

from core.admin_viewsets import SnippetViewSet

from . import selectors, services
from .models import Event


class _OwnEventOnly:
    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if not selectors.may_manage(self.request.user, event):
            raise PermissionDenied
        return event


class EventEditView(_OwnEventOnly, EditView):
    pass


class EventDeleteView(_OwnEventOnly, DeleteView):
    pass


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Sessions en présentiel")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["title", "kind", "nature", "created_at"]
    list_filter = ["kind", "nature"]
    search_fields = ["title"]
    search_backend_name = None
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView

    def get_queryset(self, request):
        return selectors.managed_events(request.user)


register_snippet(EventViewSet)


@hooks.register("after_create_snippet")
def add_author_as_organiser(request, instance):
    if isinstance(instance, Event):
        services.event_add_organiser(event=instance, user=request.user)


@hooks.register("after_edit_snippet")
def seat_waiting_people(request, instance):
    """A capacity raised in the editor gives the new seats to the waiting list."""
    if isinstance(instance, Event):
        for session in instance.sessions.all():
            services.session_fill_from_waiting_list(session=session)


@hooks.register("register_snippet_listing_buttons")
def event_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Event):
        yield Button(
            _("Inscriptions et émargement"),
            url=reverse("events:organised"),
            icon_name="group",
            priority=80,
        )
