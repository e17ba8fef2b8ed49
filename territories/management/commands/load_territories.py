from django.core.management.base import BaseCommand

from territories.services import latest_data_file, territories_load


class Command(BaseCommand):
    help = (
        "Charge les régions, départements et arrondissements du Code officiel géographique "
        "(idempotent)."
    )

    def handle(self, *args, **options):
        report = territories_load()
        self.stdout.write(
            f"Territoires ({latest_data_file().name}) : {report.created} créés, "
            f"{report.updated} mis à jour, {report.retired} retirés."
        )
