"""Give the editorial roles their rights on quizzes and questionnaires.

Editors (Rédacteur·rice) and administrators add, change and view quizzes and
satisfaction questionnaires (so they can choose them on modules); only
administrators delete them, since attempts and responses hang on them
(PROTECT: a quiz with attempts cannot be deleted anyway).
"""

from django.db import migrations

EDITORS = "Rédacteur·rice"
ADMINISTRATORS = "Administrateur·rice"
MODELS = {"quiz": "quiz", "questionnaire": "questionnaire de satisfaction"}


def _permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {MODELS[model]}"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in (
        (EDITORS, ("add", "change", "view")),
        (ADMINISTRATORS, ("add", "change", "delete", "view")),
    ):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *(_permission(apps, model, action) for model in MODELS for action in actions)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="quizzes", content_type__model__in=list(MODELS)
    )
    for group in Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_default_questionnaire"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
