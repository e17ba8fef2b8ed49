"""Administrators see every offer and request in the Wagtail admin (read only:
offers are authored and requests decided on the front-end pages)."""

from django.db import migrations

ADMINISTRATORS = "Administrateur·rice"
PERMISSIONS = [
    ("offer", "view_offer", "Can view offre de stage"),
    ("placementrequest", "view_placementrequest", "Can view demande de stage"),
]


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="placements", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.add(*(_permission(apps, *p) for p in PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="placements",
                codename__in=[codename for _model, codename, _name in PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
