"""Wagtail permission policies shared by the apps' admin viewsets."""

from wagtail.permission_policies.base import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records the platform writes itself (attestations, placement requests…): the admin
    lists and shows them, never adds, edits or deletes them."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_permission(self, action):
        if action in {"add", "change", "delete"}:
            return super().users_with_permission("none").none()
        return super().users_with_permission(action)
