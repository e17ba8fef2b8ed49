"""Where scores go, and why one did not, for superusers (/gestion-technique/).

Registrations are managed in the CMS (wagtail_hooks); django-lti registers its own
tables here too (deployments, platform users and contexts), for diagnosis.
"""

from django.contrib import admin

from .models import GradeTarget


@admin.register(GradeTarget)
class GradeTargetAdmin(admin.ModelAdmin):
    list_display = ["user", "module", "registration", "launched_at", "score_sent_at"]
    list_filter = ["registration"]
    search_fields = ["user__email", "platform_user_id", "resource_link_id"]
    readonly_fields = [field.name for field in GradeTarget._meta.fields]
    list_select_related = ["user", "module", "registration"]

    def has_add_permission(self, request):
        return False
