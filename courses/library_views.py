"""Wagtail admin "Bibliothèques H5P": the installed libraries, and removing unused ones.

Library code runs in every learner's browser: only people allowed to install
libraries (`courses.install_h5plibrary`, administrators) see or change this list.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .h5p.packages import INSTALL_PERMISSION, h5p_libraries_with_usage, h5p_library_remove
from .models import H5PLibrary


class _LibraryAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "code"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(INSTALL_PERMISSION):
            # Answered here: Wagtail turns a raised PermissionDenied into a redirect home.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("courses_h5p_libraries"), "label": _("Bibliothèques H5P")},
        ]


class LibraryListView(_LibraryAdminMixin, TemplateView):
    page_title = _("Bibliothèques H5P")
    template_name = "courses/admin/h5p_libraries.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(libraries=list(h5p_libraries_with_usage()), **kwargs)


class LibraryRemoveView(_LibraryAdminMixin, TemplateView):
    """GET: the confirmation page; POST (with its CSRF token): the removal."""

    page_title = _("Supprimer une bibliothèque H5P")
    template_name = "courses/admin/h5p_library_remove.html"
    index_url = reverse_lazy("courses_h5p_libraries")

    def get_context_data(self, **kwargs):
        library = get_object_or_404(h5p_libraries_with_usage(), pk=self.kwargs["library_id"])
        return super().get_context_data(library=library, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def post(self, request, library_id: int):
        get_object_or_404(H5PLibrary, pk=library_id)
        try:
            name = h5p_library_remove(library_id=library_id, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("La bibliothèque « %(name)s » a été supprimée.") % {"name": name}
            )
        return redirect(self.index_url)
