# The report export is a file job (core.models.FileJob): its requester is its owner
# and its steps its total. Renames, so that every export keeps its data.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0011_territory_rollups"),
    ]

    operations = [
        migrations.RenameField("reportexport", "requested_by", "owner"),
        migrations.RenameField("reportexport", "steps", "total"),
    ]
