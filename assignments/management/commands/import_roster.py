"""python manage.py import_roster ASSIGNMENT_ID FILE: import a roster (CSV, XLSX or ODS)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
            raise CommandError(_("Affectation %(id)s introuvable.") % {"id": assignment_id})
        if not file.exists():
            raise CommandError(_("Fichier introuvable : %(file)s") % {"file": file})
        report = imports.parse(file.read_bytes(), file.name, assignment=assignment)
        if report.error:
            raise CommandError(report.error)
        imports.apply(report, assignment=assignment)
        for rejected in report.rejected:
            self.stderr.write(
                _("ligne %(line)s : %(reason)s")
                % {"line": rejected.line, "reason": rejected.reason}
            )
        rejected = len(report.rejected)
        self.stdout.write(
            _("%(added)s, %(already)s, %(rejected)s ; %(linked)s, %(obligations)s.")
            % {
                "added": ngettext(
                    "%(count)s personne ajoutée", "%(count)s personnes ajoutées", report.added
                )
                % {"count": report.added},
                "already": ngettext(
                    "%(count)s déjà présente", "%(count)s déjà présentes", report.already
                )
                % {"count": report.already},
                "rejected": ngettext(
                    "%(count)s ligne rejetée", "%(count)s lignes rejetées", rejected
                )
                % {"count": rejected},
                "linked": ngettext(
                    "%(count)s avec un compte", "%(count)s avec un compte", report.linked
                )
                % {"count": report.linked},
                "obligations": ngettext(
                    "%(count)s formation affectée",
                    "%(count)s formations affectées",
                    report.obligations,
                )
                % {"count": report.obligations},
            }
        )
