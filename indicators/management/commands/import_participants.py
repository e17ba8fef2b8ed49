"""Import participants of partners' trainings: `manage.py import_participants FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators import imports


class Command(BaseCommand):
    help = (
        "Importe une liste de participations (CSV ou XLSX, colonnes "
        "email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Vérifier le fichier sans rien enregistrer."
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        report = imports.parse(path.read_bytes(), path.name)
        if report.error:
            raise CommandError(report.error)
        if not dry_run:
            imports.apply(report)
        for rejected in report.rejected:
            self.stderr.write(f"ligne {rejected.line} rejetée : {rejected.reason}")
        if dry_run:
            self.stdout.write(
                f"{len(report.rows)} ligne(s) valide(s), {len(report.rejected)} rejetée(s) ; "
                "rien n'a été enregistré."
            )
        else:
            self.stdout.write(
                f"{report.created} participation(s) importée(s), "
                f"{report.unchanged} déjà présente(s), {len(report.rejected)} ligne(s) rejetée(s)."
            )
