"""python manage.py import_roster ASSIGNMENT_ID FILE: import a roster (CSV, XLSX or ODS)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assignments import imports
from assignments.models import Assignment


class Command(BaseCommand):
    help = "Importe la liste des personnes d'une formation obligatoire (CSV, XLSX ou ODS)."

    def add_arguments(self, parser):
        parser.add_argument("assignment_id", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, assignment_id: int, file: Path, **options):
        assignment = Assignment.objects.filter(pk=assignment_id).first()
        if assignment is None:
            raise CommandError(f"Affectation {assignment_id} introuvable.")
        if not file.exists():
            raise CommandError(f"Fichier introuvable : {file}")
        report = imports.parse(file.read_bytes(), file.name, assignment=assignment)
        if report.error:
            raise CommandError(report.error)
        imports.apply(report, assignment=assignment)
        for rejected in report.rejected:
            self.stderr.write(f"ligne {rejected.line} : {rejected.reason}")
        self.stdout.write(
            f"{report.added} personne(s) ajoutée(s), {report.already} déjà présente(s), "
            f"{len(report.rejected)} ligne(s) rejetée(s) ; {report.linked} avec un compte, "
            f"{report.obligations} formation(s) affectée(s)."
        )
