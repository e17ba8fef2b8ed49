"""Import participants of partners' trainings: `manage.py import_participants FILE`.

Run by the national service's operators: national by default, or for the
départements given with --departement (the file is then checked as a DDFE of
those départements would see it checked).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
            raise CommandError(_("Fichier introuvable : %(file)s") % {"file": path})
        scope = NATIONAL
        if departement:
            codes = set(departement)
            unknown = codes - set(
                Departement.objects.filter(code__in=codes).values_list("code", flat=True)
            )
            if unknown:
                raise CommandError(
                    _("Département inconnu : %(codes)s") % {"codes": ", ".join(sorted(unknown))}
                )
            scope = Scope(departements=frozenset(codes))
        report = imports.parse(path.read_bytes(), path.name, scope=scope)
        if report.error:
            raise CommandError(report.error)
        if not dry_run:
            imports.apply(report)
        for rejected in report.rejected:
            self.stderr.write(
                _("ligne %(line)s rejetée : %(reason)s")
                % {"line": rejected.line, "reason": rejected.reason}
            )
        for row in report.merged:
            self.stdout.write(
                ngettext(
                    "ligne %(line)s réunie avec la ligne %(lines)s (indicateurs %(codes)s)",
                    "ligne %(line)s réunie avec les lignes %(lines)s (indicateurs %(codes)s)",
                    len(row.merged_lines),
                )
                % {
                    "line": row.line,
                    "lines": ", ".join(str(line) for line in row.merged_lines),
                    "codes": ", ".join(row.indicator_codes),
                }
            )
        rejected = ngettext(
            "%(count)s ligne rejetée", "%(count)s lignes rejetées", len(report.rejected)
        ) % {"count": len(report.rejected)}
        if dry_run:
            valid = ngettext(
                "%(count)s ligne valide", "%(count)s lignes valides", len(report.rows)
            ) % {"count": len(report.rows)}
            new = ngettext("%(count)s nouvelle", "%(count)s nouvelles", report.new_count) % {
                "count": report.new_count
            }
            imported = ngettext(
                "%(count)s déjà importée", "%(count)s déjà importées", report.imported_count
            ) % {"count": report.imported_count}
            self.stdout.write(
                _(
                    "%(valid)s : %(new)s, %(corrected)s à corriger, %(imported)s ; "
                    "%(rejected)s ; rien n'a été enregistré."
                )
                % {
                    "valid": valid,
                    "new": new,
                    "corrected": report.corrected_count,
                    "imported": imported,
                    "rejected": rejected,
                }
            )
        else:
            created = ngettext(
                "%(count)s participation importée",
                "%(count)s participations importées",
                report.created,
            ) % {"count": report.created}
            corrected = ngettext("%(count)s corrigée", "%(count)s corrigées", report.corrected) % {
                "count": report.corrected
            }
            unchanged = ngettext(
                "%(count)s déjà présente", "%(count)s déjà présentes", report.unchanged
            ) % {"count": report.unchanged}
            self.stdout.write(
                _("%(created)s, %(corrected)s, %(unchanged)s, %(rejected)s.")
                % {
                    "created": created,
                    "corrected": corrected,
                    "unchanged": unchanged,
                    "rejected": rejected,
                }
            )
