"""Load the régions, départements and arrondissements of the COG 2026 file.

Run as a migration so that every database (tests included) has them before the
apps that point to territories convert their old codes; `load_territories`
(run by `make run`) loads a newer file later, idempotently.
"""

import json
from pathlib import Path

from django.db import migrations

# This migration's own file: the shipped data may move to a newer year later, and
# the migrations after this one only need the 2026 codes.
DATA = Path(__file__).resolve().parent.parent / "data" / "cog-2026.json"


def load(apps, schema_editor):
    from territories.services import territories_load

    territories_load(
        data=json.loads(DATA.read_text(encoding="utf-8")),
        models=(
            apps.get_model("territories", "Region"),
            apps.get_model("territories", "Departement"),
            apps.get_model("territories", "Arrondissement"),
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
