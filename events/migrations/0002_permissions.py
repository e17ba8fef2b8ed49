"""Give the roles their rights on events.

Trainers / organisers author their events on the front-end pages ("Sessions que
j'organise"): they do not enter the Wagtail admin (accounts decided so), but hold
add / change / view on events, which the admin's snippet would use for them too.
Administrators author them in the admin as well and alone may delete them, since
deleting an event deletes its sessions and registrations.
"""

from django.db import migrations

TRAINERS = "Formateur·rice / organisateur·rice"
ADMINISTRATORS = "Administrateur·rice"
GRANTS = {
    TRAINERS: ["add", "change", "view"],
    ADMINISTRATORS: ["add", "change", "delete", "view"],
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(
            *(
                _permission(apps, "events", "event", f"{action}_event", f"Can {action} événement")
                for action in actions
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="events")
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
