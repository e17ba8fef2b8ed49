"""Give the editorial roles their rights on H5P activities.

Without them only superusers could reach the "Activités H5P" snippet, and nobody
but a superuser could install libraries (rule 10 of shared/H5P.md):

- editors (Rédacteur·rice) add, change and view packages, and so choose them in
  lessons; they may upload packages whose libraries are already installed;
- administrators also delete packages and install or upgrade libraries, since
  library code runs in learners' browsers.

Deleting a package deletes its learners' results, hence not for editors.
Both roles also manage the catalogue's themes (Topic snippet).
"""

from django.db import migrations

EDITORS = "Rédacteur·rice"
ADMINISTRATORS = "Administrateur·rice"
PACKAGE_VERBOSE_NAME = "activité H5P"

EDITOR_PACKAGE_ACTIONS = ("add", "change", "view")
ADMINISTRATOR_PACKAGE_ACTIONS = ("add", "change", "delete", "view")


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after migrations (post_migrate): create
    # them now, with the names Django would give them, on a fresh database.
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _package_permission(apps, action):
    return _permission(
        apps, "h5ppackage", f"{action}_h5ppackage", f"Can {action} {PACKAGE_VERBOSE_NAME}"
    )


def _install_permission(apps):
    return _permission(
        apps,
        "h5plibrary",
        "install_h5plibrary",
        "Peut installer ou mettre à jour des bibliothèques H5P",
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *(_package_permission(apps, action) for action in EDITOR_PACKAGE_ACTIONS)
        )
    administrators = Group.objects.filter(name=ADMINISTRATORS).first()
    if administrators is not None:
        administrators.permissions.add(
            *(_package_permission(apps, action) for action in ADMINISTRATOR_PACKAGE_ACTIONS),
            _install_permission(apps),
        )
    topic_permissions = [
        _permission(apps, "topic", f"{action}_topic", f"Can {action} thème")
        for action in ("add", "change", "delete", "view")
    ]
    for group in (editors, administrators):
        if group is not None:
            group.permissions.add(*topic_permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=[
            *(f"{action}_h5ppackage" for action in ADMINISTRATOR_PACKAGE_ACTIONS),
            *(f"{action}_topic" for action in ("add", "change", "delete", "view")),
            "install_h5plibrary",
        ],
    )
    for group in Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_audiences_and_catalogue"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
