"""Create the platform's roles as Django groups.

Wagtail's first migrations create "Editors" (may draft pages, images and
documents) and "Moderators" (may also publish, and approve submissions through
the default workflow). They become our content editors and administrators, so
the page and collection permissions Wagtail set up are kept; the other roles are
created empty: their rights are checked in views (accounts.roles).
"""

from django.db import migrations

ROLE_GROUP_NAMES = {
    "apprenant": "Apprenant·e",
    "formateur": "Formateur·rice / organisateur·rice",
    "structure_accueil": "Structure d'accueil",
    "redacteur": "Rédacteur·rice",
    "referent_ddfe": "Référent·e DDFE",
    "administrateur": "Administrateur·rice",
}
RENAMED = {"Editors": "redacteur", "Moderators": "administrateur"}
WORKFLOW_NAME = "Validation par les administrateur·rices"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for old_name, role in RENAMED.items():
        Group.objects.filter(name=old_name).update(name=ROLE_GROUP_NAMES[role])
    groups = {
        role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUP_NAMES.items()
    }
    access_admin = _permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    groups["redacteur"].permissions.add(access_admin)
    groups["administrateur"].permissions.add(access_admin)
    # Administrators manage people and roles from the Wagtail admin.
    for codename, name in [
        ("add_user", "Can add user"),
        ("change_user", "Can change user"),
        ("delete_user", "Can delete user"),
        ("view_user", "Can view user"),
    ]:
        groups["administrateur"].permissions.add(
            _permission(apps, "accounts", "user", codename, name)
        )
    for codename, name in [
        ("add_group", "Can add group"),
        ("change_group", "Can change group"),
        ("view_group", "Can view group"),
    ]:
        groups["administrateur"].permissions.add(_permission(apps, "auth", "group", codename, name))

    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task.objects.filter(name="Moderators approval").update(name=WORKFLOW_NAME)
    Workflow.objects.filter(name="Moderators approval").update(name=WORKFLOW_NAME)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for old_name, role in RENAMED.items():
        Group.objects.filter(name=ROLE_GROUP_NAMES[role]).update(name=old_name)
    Group.objects.filter(
        name__in=[n for r, n in ROLE_GROUP_NAMES.items() if r not in RENAMED.values()]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
