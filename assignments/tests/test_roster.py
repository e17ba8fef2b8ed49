"""Roster imports: bad lines rejected with their reason, re-runs add nothing, people with
an account get the modules, the others are invited and get them when they sign up."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from accounts.tests.factories import UserFactory
from assignments import imports, services
from assignments.models import Obligation, RosterEntry
from courses.tests import factories as course_factories

pytestmark = pytest.mark.django_db

ROSTER = (
    "email;nom;prenom;profession;institution\n"
    "claire.martin@interieur.gouv.fr;Martin;Claire;Police nationale;Commissariat de Lens\n"
    "LUC.PETIT@gendarmerie.interieur.gouv.fr;Petit;Luc;gendarmerie_nationale;Brigade d'Arras\n"
    "pas-une-adresse;Durand;Léa;Police nationale;Commissariat de Lens\n"
    "nadia.roux@interieur.gouv.fr;Roux;Nadia;Pompier;SDIS\n"
    "claire.martin@interieur.gouv.fr;Martin;Claire;Police nationale;Commissariat de Lens\n"
    ";;;;\n"
).encode("utf-8-sig")


@pytest.fixture
def assignment():
    module = course_factories.module(title="Le continuum des violences", lessons=1)
    admin = UserFactory(role="administrateur")
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.assignment_create(
            by=admin, title="Accueil des victimes", modules=[module], due_date=date(2026, 12, 31)
        )


def _import(data: bytes, assignment, name="liste.csv"):
    report = imports.parse(data, name, assignment=assignment)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return imports.apply(report, assignment=assignment)


def test_bad_lines_are_rejected_with_their_reason(assignment):
    report = imports.parse(ROSTER, "liste.csv", assignment=assignment)
    reasons = {rejected.line: rejected.reason for rejected in report.rejected}
    assert reasons == {
        4: "Adresse électronique invalide : « pas-une-adresse ».",
        5: "Profession inconnue : « Pompier ».",
        6: "Doublon : claire.martin@interieur.gouv.fr figure déjà ligne 2.",
    }
    assert [entry.email for entry in report.entries] == [
        "claire.martin@interieur.gouv.fr",
        "luc.petit@gendarmerie.interieur.gouv.fr",
    ]


def test_a_missing_column_is_explained(assignment):
    report = imports.parse(b"email;nom\nx@y.fr;X\n", "liste.csv", assignment=assignment)
    assert report.error.startswith("Colonnes manquantes : prenom, profession, institution")


def test_people_with_an_account_get_the_modules_the_others_are_invited(assignment):
    claire = UserFactory(email="claire.martin@interieur.gouv.fr", profession="police_nationale")
    mail.outbox.clear()
    report = _import(ROSTER, assignment)
    assert (report.added, report.linked, report.obligations) == (2, 1, 1)
    assert Obligation.objects.filter(assignment=assignment, user=claire).exists()
    invitations = [m for m in mail.outbox if "créez votre compte" in m.subject]
    assert [m.to for m in invitations] == [["luc.petit@gendarmerie.interieur.gouv.fr"]]
    assert "/accounts/signup/?email=luc.petit%40gendarmerie.interieur.gouv.fr" in (
        invitations[0].body
    )

    # Importing the same file again adds nothing and invites nobody twice.
    mail.outbox.clear()
    again = _import(ROSTER, assignment)
    assert (again.added, again.already, again.obligations) == (0, 2, 0)
    assert RosterEntry.objects.filter(assignment=assignment).count() == 2
    assert not [m for m in mail.outbox if "créez votre compte" in m.subject]


def test_an_invited_person_signs_up_with_a_prefilled_profile(assignment):
    _import(ROSTER, assignment)
    luc = UserFactory(email="luc.petit@gendarmerie.interieur.gouv.fr", profession="", employer="")
    luc.refresh_from_db()
    assert luc.profession == "gendarmerie_nationale"
    assert luc.employer == "Brigade d'Arras"
    assert Obligation.objects.filter(assignment=assignment, user=luc).count() == 1


def test_the_command_reports_each_rejected_line(assignment, tmp_path, capsys):
    path = tmp_path / "liste.csv"
    path.write_bytes(ROSTER)
    call_command("import_roster", assignment.pk, path)
    out, err = capsys.readouterr()
    assert "2 personnes ajoutées" in out and "3 lignes rejetées" in out
    assert "ligne 5 : Profession inconnue : « Pompier »." in err


def test_a_deleted_account_leaves_no_roster_line_and_its_data_is_exported(assignment):
    from accounts import services as account_services
    from accounts.selectors import user_personal_data

    claire = UserFactory(email="claire.martin@interieur.gouv.fr", profession="police_nationale")
    _import(ROSTER, assignment)
    exported = user_personal_data(claire)["formations_obligatoires"]
    assert [item["module"] for item in exported] == ["Le continuum des violences"]
    assert exported[0]["statut"] == "À faire"
    account_services.user_anonymise(user=claire)
    assert not RosterEntry.objects.filter(email="claire.martin@interieur.gouv.fr").exists()
    assert Obligation.objects.filter(user=claire).count() == 1  # anonymous, still counted
