from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet

from core.admin_viewsets import SnippetViewSet

# The admin buttons leading to the activity results live beside their views.
from . import results_hooks  # noqa: F401
from .h5p.packages import (
    INSTALL_PERMISSION,
    h5p_package_prepare,
    h5p_package_queue_extraction,
    h5p_upload_check,
)
from .models import H5PPackage, ScormPackage, Topic
from .scorm.packages import (
    scorm_package_prepare,
    scorm_package_queue_extraction,
    scorm_upload_check,
)


class _UploadedPackage:
    """The current file as the file widget shows it: its name, and a link to the
    permission-checked download (its storage has no public URL)."""

    def __init__(self, field_file, url_name: str):
        self.name = field_file.name
        self.url = reverse(url_name, args=[field_file.instance.pk])

    def __str__(self):
        return self.name.rsplit("/", 1)[-1]


class PackageFileInput(forms.ClearableFileInput):
    download_url_name = "courses:h5p_package_download"

    def is_initial(self, value):
        return bool(value and getattr(value, "instance", None) and value.instance.pk)

    def format_value(self, value):
        if not self.is_initial(value):
            return None
        return _UploadedPackage(value, self.download_url_name)


class ScormFileInput(PackageFileInput):
    download_url_name = "courses:scorm_package_download"


class PackageUploadForm(WagtailAdminModelForm):
    """Validate an uploaded package so the editor sees every problem in French at once.

    Subclasses name the check and the preparation of their kind of package. A
    replaced upload is deleted once the new one is committed.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            self.validated_package = self.upload_check(
                fileobj=uploaded, filename=uploaded.name, user=self.for_user
            )
        return uploaded

    def save(self, commit=True):
        validated = getattr(self, "validated_package", None)
        replaced = self.initial.get("file")
        if validated is not None:
            self.prepare(package=self.instance, validated=validated, user=self.for_user)
        package = super().save(commit=commit)
        if validated is not None and replaced and replaced.name != package.file.name:
            storage, name = replaced.storage, replaced.name
            transaction.on_commit(lambda: storage.delete(name))
        return package


class H5PPackageForm(PackageUploadForm):
    upload_check = staticmethod(h5p_upload_check)
    prepare = staticmethod(h5p_package_prepare)


class ScormPackageForm(PackageUploadForm):
    upload_check = staticmethod(scorm_upload_check)
    prepare = staticmethod(scorm_package_prepare)


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "pick"
    menu_label = _("Activités H5P")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "main_library", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "main_library"]
    # A SnippetViewSet ignores a `base_form_class` attribute: the form class goes on
    # the edit handler, or uploads would be saved without being checked.
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("file", widget=PackageFileInput)],
        base_form_class=H5PPackageForm,
    )
    inspect_view_enabled = True
    inspect_view_fields = ["title", "main_library", "status", "error", "created_at", "extracted_at"]

    def get_queryset(self, request):
        # The listing shows four columns: leave out the manifests (content.json can
        # weigh hundreds of kilobytes per package).
        return H5PPackage.objects.defer("h5p_json", "content_json", "error")


register_snippet(H5PPackageViewSet)


class ScormPackageViewSet(SnippetViewSet):
    """SCORM packages: their pages run their own scripts on this site, so only the
    people given ScormPackage's permissions (administrators by default) manage them."""

    model = ScormPackage
    icon = "media"
    menu_label = _("Paquets SCORM")
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["title", "version", "status", "created_at"]
    list_filter = ["status", "version"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel(
                "title",
                help_text=_("Laissé vide, le titre de l'organisation du manifeste est repris."),
            ),
            FieldPanel(
                "file",
                widget=ScormFileInput,
                help_text=_(
                    "Archive .zip SCORM 1.2 ou 2004 (2e à 4e édition), imsmanifest.xml à la "
                    "racine. Le paquet déclare lui-même sa progression et son score : le "
                    "serveur ne peut pas les vérifier."
                ),
            ),
        ],
        base_form_class=ScormPackageForm,
    )
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "version",
        "edition",
        "status",
        "error",
        "created_at",
        "extracted_at",
    ]

    def get_queryset(self, request):
        return ScormPackage.objects.defer("manifest", "error")


register_snippet(ScormPackageViewSet)


class TopicViewSet(SnippetViewSet):
    """The catalogue's themes, under "Snippets" (editors and administrators)."""

    model = Topic
    icon = "tag"


register_snippet(TopicViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def queue_package_extraction(request, instance):
    if isinstance(instance, H5PPackage) and instance.status == "pending":
        h5p_package_queue_extraction(package=instance)
    if isinstance(instance, ScormPackage) and instance.status == "pending":
        scorm_package_queue_extraction(package=instance)


def _learners_button(page):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .models import ModulePage

    if page.specific_class is ModulePage:
        return Button(
            _("Apprenant·es"),
            url=reverse("courses:module_learners", args=[page.pk]),
            icon_name="group",
            priority=80,
        )
    return None


@hooks.register("register_page_listing_more_buttons")
def module_learners_listing_button(page, user, next_url=None):
    """Editors reach a module's learners (and their CSV) from the page explorer."""
    button = _learners_button(page)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def module_learners_header_button(page, user, view_name, next_url=None):
    button = _learners_button(page)
    if button:
        yield button


@hooks.register("register_admin_urls")
def h5p_library_urls():
    from django.urls import path

    from . import library_views

    return [
        path(
            "bibliotheques-h5p/",
            library_views.LibraryListView.as_view(),
            name="courses_h5p_libraries",
        ),
        path(
            "bibliotheques-h5p/<int:library_id>/supprimer/",
            library_views.LibraryRemoveView.as_view(),
            name="courses_h5p_library_remove",
        ),
    ]


class H5PLibrariesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(INSTALL_PERMISSION)


@hooks.register("register_admin_menu_item")
def h5p_libraries_menu_item():
    return H5PLibrariesMenuItem(
        _("Bibliothèques H5P"), reverse("courses_h5p_libraries"), icon_name="code", order=310
    )
