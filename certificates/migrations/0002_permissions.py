"""Give the roles their rights on attestations.

Administrators view every attestation and its journal, revoke, regenerate and
edit the issuer's settings; trainers / organisers, editors and administrators
download the attestations of a module or session as a ZIP.
"""

from django.db import migrations

TRAINERS = "Formateur·rice / organisateur·rice"
EDITORS = "Rédacteur·rice"
ADMINISTRATORS = "Administrateur·rice"
GRANTS = {
    ADMINISTRATORS: [
        ("attestation", "view_attestation", "Can view attestation"),
        ("attestation", "revoke_attestation", "Peut révoquer une attestation"),
        ("attestation", "regenerate_attestation", "Peut régénérer les attestations"),
        ("attestation", "export_attestation", "Peut télécharger les attestations d'un module en ZIP"),
        ("attestationsettings", "change_attestationsettings", "Can change attestations"),
        ("attestationsettings", "view_attestationsettings", "Can view attestations"),
    ],
    EDITORS: [
        ("attestation", "export_attestation", "Peut télécharger les attestations d'un module en ZIP"),
    ],
    TRAINERS: [
        ("attestation", "export_attestation", "Peut télécharger les attestations d'un module en ZIP"),
    ],
}


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="certificates", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(*(_permission(apps, *p) for p in permissions))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="certificates")
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
