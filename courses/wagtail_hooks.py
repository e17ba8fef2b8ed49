from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .h5p.packages import h5p_package_prepare, h5p_package_queue_extraction, h5p_upload_check
from .models import H5PPackage


class H5PPackageForm(WagtailAdminModelForm):
    """Validate the .h5p on upload so the editor sees every problem in French at once."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            self.validated_package = h5p_upload_check(
                fileobj=uploaded, filename=uploaded.name, user=self.for_user
            )
        return uploaded

    def save(self, commit=True):
        validated = getattr(self, "validated_package", None)
        if validated is not None:
            h5p_package_prepare(package=self.instance, validated=validated, user=self.for_user)
        return super().save(commit=commit)


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "pick"
    menu_label = _("Activités H5P")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "main_library", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "main_library"]
    base_form_class = H5PPackageForm
    panels = [FieldPanel("title"), FieldPanel("file")]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "main_library", "status", "error", "created_at", "extracted_at"]


register_snippet(H5PPackageViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def queue_h5p_extraction(request, instance):
    if isinstance(instance, H5PPackage) and instance.status == "pending":
        h5p_package_queue_extraction(package=instance)
