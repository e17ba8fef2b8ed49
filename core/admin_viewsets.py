"""Wagtail snippet viewsets whose choosers follow the model's permission policy.

Wagtail's snippet chooser (``/cms/snippets/choose/<app>/<model>/``, its
``results/``, ``chosen/<pk>/`` and ``chosen-multiple/``) only asks for access to
the admin: any editor could open the chooser of any snippet and read every
attestation (code and holder) or placement request. The chooser views here ask
what the listing asks (one of add, change, delete or view in the model's
permission policy) and show only the rows the listing shows (the viewset's
``get_queryset(request)``, e.g. a trainer's own events).

Every snippet is registered with `SnippetViewSet` from this module;
`core.checks` refuses to start with a snippet registered otherwise.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser, snippets

# What the listing (and the inspect view) require: any one of these actions.
LISTING_ACTIONS = tuple(snippets.IndexView.any_permission_required)


class ListingPolicyMixin(PermissionCheckedMixin):
    """403 for a user who may not see the snippet's listing; rows limited to it."""

    any_permission_required = LISTING_ACTIONS

    @cached_property
    def permission_policy(self):
        # Never None: PermissionCheckedMixin lets everyone through without a policy.
        return policy_registry.get_by_type(self.model_class)

    def listing_queryset(self):
        viewset = getattr(self.model_class, "snippet_viewset", None)
        queryset = viewset.get_queryset(self.request) if viewset is not None else None
        if queryset is None:
            return self.model_class._default_manager.all()
        return queryset

    def clean_pks(self, pks) -> list:
        """The identifiers that fit the primary key: a typed "abc" is no row, not a 500."""
        field = self.model_class._meta.pk
        cleaned = []
        for pk in pks:
            try:
                cleaned.append(field.to_python(pk))
            except ValidationError:
                continue
        return cleaned


class ChooseView(ListingPolicyMixin, chooser.ChooseView):
    def get_object_list(self):
        return self.listing_queryset()


class ChooseResultsView(ListingPolicyMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.listing_queryset()


class ChosenView(ListingPolicyMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        if not self.clean_pks([pk]):
            raise Http404
        return self.listing_queryset().get(pk=pk)


class ChosenMultipleView(ListingPolicyMixin, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.listing_queryset().filter(pk__in=self.clean_pks(pks))


class ChooserCreateView(ListingPolicyMixin, chooser.SnippetCreateView):
    pass


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = ChooserCreateView


class SnippetViewSet(snippets.SnippetViewSet):
    """Wagtail's SnippetViewSet with a chooser that follows the permission policy."""

    chooser_viewset_class = SnippetChooserViewSet
