"""Give the editorial roles their rights on SCORM packages.

A SCORM package's pages run their own scripts on the platform's origin, like H5P
library code: administrators (Administrateur·rice) add, change, delete and view
packages; editors (Rédacteur·rice) view them, and so choose them in lessons.
"""

from django.db import migrations

EDITORS = "Rédacteur·rice"
ADMINISTRATORS = "Administrateur·rice"
ACTIONS = ("add", "change", "delete", "view")


def _permission(apps, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after migrations (post_migrate): create
    # them now, with the names Django would give them, on a fresh database.
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="scormpackage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_scormpackage",
        defaults={"name": f"Can {action} paquet SCORM"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    administrators = Group.objects.filter(name=ADMINISTRATORS).first()
    if administrators is not None:
        administrators.permissions.add(*(_permission(apps, action) for action in ACTIONS))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(_permission(apps, "view"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=[f"{action}_scormpackage" for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0012_issue22_scorm_block"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
