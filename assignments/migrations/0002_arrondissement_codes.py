"""Assignments list their arrondissements by COG code ("627") instead of slugs."""

from django.db import migrations

from territories import legacy


def convert(apps, schema_editor):
    Assignment = apps.get_model("assignments", "Assignment")
    for assignment in Assignment.objects.exclude(arrondissements=[]):
        codes = [legacy.arrondissement_code(value) for value in assignment.arrondissements]
        Assignment.objects.filter(pk=assignment.pk).update(
            arrondissements=[code for code in codes if code]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assignments", "0001_initial"),
        ("territories", "0002_load_cog"),
    ]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop)]
