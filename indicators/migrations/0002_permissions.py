"""Administrators manage the action plans (plans, fiches, indicators) in the admin.

The DDFE's own pages (dashboard, manual figures) come with their views.
"""

from django.db import migrations

ADMINISTRATORS = "Administrateur·rice"
MODELS = {"plan": "plan d'action", "fiche": "fiche action", "indicator": "indicateur"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is None:
        return
    for model, label in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="indicators", model=model)
        for action in ("add", "change", "delete", "view"):
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {label}"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="indicators", content_type__model__in=list(MODELS)
    )
    for group in Group.objects.filter(name=ADMINISTRATORS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_plans"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
