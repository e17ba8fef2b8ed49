"""Import participants of partners' trainings: `manage.py import_participants FILE`.

Run by the national service's operators: national by default, or for the
départements given with --departement (the file is then checked as a DDFE of
those départements would see it checked).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators import imports
from territories.scopes import NATIONAL, Scope


class Command(BaseCommand):
    help = (
        "Importe une liste de participations (CSV, XLSX ou ODS, colonnes "
        "email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs, "
        "colonne departement facultative)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Vérifier le fichier sans rien enregistrer."
        )
        parser.add_argument(
            "--departement",
            action="append",
            default=[],
            metavar="CODE",
            help=(
                "Importer pour ce département seulement (code INSEE, « 59 ») ; répétable. "
                "Sans cette option, l'import est national."
            ),
        )

    def handle(self, *args, file, dry_run=False, departement=(), **options):
        from territories.models import Departement

        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        scope = NATIONAL
        if departement:
            codes = set(departement)
            unknown = codes - set(
                Departement.objects.filter(code__in=codes).values_list("code", flat=True)
            )
            if unknown:
                raise CommandError(f"Département inconnu : {', '.join(sorted(unknown))}")
            scope = Scope(departements=frozenset(codes))
        report = imports.parse(path.read_bytes(), path.name, scope=scope)
        if report.error:
            raise CommandError(report.error)
        if not dry_run:
            imports.apply(report)
        for rejected in report.rejected:
            self.stderr.write(f"ligne {rejected.line} rejetée : {rejected.reason}")
        for row in report.merged:
            lines = ", ".join(str(line) for line in row.merged_lines)
            self.stdout.write(
                f"ligne {row.line} réunie avec la ou les ligne(s) {lines} "
                f"(indicateurs {', '.join(row.indicator_codes)})"
            )
        if dry_run:
            self.stdout.write(
                f"{len(report.rows)} ligne(s) valide(s) : {report.new_count} nouvelle(s), "
                f"{report.corrected_count} à corriger, {report.imported_count} déjà importée(s) ; "
                f"{len(report.rejected)} rejetée(s) ; rien n'a été enregistré."
            )
        else:
            self.stdout.write(
                f"{report.created} participation(s) importée(s), {report.corrected} corrigée(s), "
                f"{report.unchanged} déjà présente(s), {len(report.rejected)} ligne(s) rejetée(s)."
            )
