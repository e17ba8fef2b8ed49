# ruff: noqa: E501 - rows of a participants file are long by nature
"""Participants of partners' trainings imported from CSV or XLSX count like completions."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from accounts.tests.factories import UserFactory
from courses.tests import factories as course_factories
from indicators import imports, selectors, services
from indicators.models import Participation, Plan
from territories.scopes import NATIONAL, Scope

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

HEADER = "email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs"


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + "\n".join([header, *lines]) + "\n").encode()


GOOD = [
    "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;Lens;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2",
    "b.petit@exemple.fr;Petit;Bruno;Police nationale;Commissariat;621;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2|TEST-2024-1.2-1",
]
BAD = [
    "pas-une-adresse;X;Y;medecin;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
    "c@exemple.fr;X;Y;astronaute;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
    "d@exemple.fr;X;Y;medecin;;;04/03/2025;Soirée;formation;TEST-2024-1.2-2",
    "e@exemple.fr;X;Y;medecin;;;2025-03-04;Soirée;colloque;TEST-2024-1.2-2",
    "f@exemple.fr;X;Y;medecin;;;2025-03-04;Soirée;formation;PDC-1999-9.9-9",
    "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;Lens;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2",
    "g@exemple.fr;X;Y;medecin;;Atlantide;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
    # Indicator 3 measures a share of the better equipped, not people: it would count nowhere.
    "h@exemple.fr;X;Y;medecin;;;2025-03-04;Soirée;formation;TEST-2024-1.2-3",
]
PAS_DE_CALAIS = Scope(departements=frozenset({"62"}))


@pytest.fixture
def plan():
    services.plan_load(data=SMALL)
    indicator = Plan.objects.get().indicators.get(code="TEST-2024-1.2-1")
    indicator.measure = "people_trained"
    indicator.save()
    return Plan.objects.get()


@pytest.fixture
def nord_plan(plan):
    """The same plan for the Nord: its codes are NORD-2024-1.2-…"""
    return services.plan_load(
        data={**SMALL, "code": "NORD-2024", "territory": "Nord (59)", "departement": "59"}
    )


def _parse(*lines: str, scope=PAS_DE_CALAIS, header=HEADER) -> imports.Report:
    return imports.parse(_csv(*lines, header=header), "liste.csv", scope=scope)


def _counts(plan) -> dict[str, int]:
    """People trained per indicator code of `plan` in 2025, from the participations."""
    counts = selectors.people_trained_by_join(
        plan=plan, start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    return {indicator.code: counts.get(indicator.pk, 0) for indicator in plan.indicators.all()}


def test_rows_are_checked_with_a_reason_per_rejected_line(plan):
    report = _parse(*GOOD, *BAD)
    assert [row.line for row in report.rows] == [2, 3]
    reasons = {rejected.line: rejected.reason for rejected in report.rejected}
    assert "adresse électronique invalide" in reasons[4]
    assert "profession inconnue « astronaute »" in reasons[5]
    assert "date invalide « 04/03/2025 »" in reasons[6]
    assert "sensibilisation ou formation" in reasons[7]
    assert "indicateur inconnu : PDC-1999-9.9-9" in reasons[8]
    assert "doublon de la ligne 2" in reasons[9]
    assert "arrondissement inconnu « Atlantide »" in reasons[10]
    assert reasons[11] == (
        "l'indicateur TEST-2024-1.2-3 ne compte pas des personnes formées "
        "(il mesure : Part des participant·es mieux outillé·es)"
    )
    # The territory: Lens by its name, Arras by its code; both in the Pas-de-Calais.
    assert [(row.departement, row.arrondissement) for row in report.rows] == [
        ("62", "627"),
        ("62", "621"),
    ]
    assert not Participation.objects.exists()  # parsing writes nothing


def test_imported_people_count_once_and_reimporting_changes_nothing(plan, learner):
    module = course_factories.module(title="Continuum", lessons=1)
    services.activity_link(
        indicator=plan.indicators.get(code="TEST-2024-1.2-2"), activity=f"module:{module.pk}"
    )
    # The learner also came to the evening: one person, counted once.
    line = f"{learner.email};Martin;Camille;police_nationale;Commissariat de Lens;62-lens;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2"
    import time_machine

    from courses import services as course_services
    from courses.models import LessonPage

    with time_machine.travel("2025-05-01 10:00 +0200", tick=False):
        course_services.enrolment_create(user=learner, module=module)
        course_services.lesson_complete(
            user=learner, lesson=LessonPage.objects.child_of(module).get()
        )

    report = imports.apply(_parse(*GOOD, line))
    assert (report.created, report.corrected, report.unchanged) == (3, 0, 0)
    again = imports.apply(_parse(*GOOD, line))
    assert (again.created, again.corrected, again.unchanged) == (0, 0, 3)

    counts = selectors.people_trained_by_indicator(
        plan=plan, start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    a, b = plan.indicators.get(code="TEST-2024-1.2-2"), plan.indicators.get(code="TEST-2024-1.2-1")
    assert counts == {a.pk: 3, b.pk: 1}  # Anne, Bruno, the learner (once) / Bruno
    imported = Participation.objects.get(person_key=f"user:{learner.pk}", channel="external")
    # An older file's "62-lens" slug still reads as Lens.
    assert (imported.departement_id, imported.arrondissement_id) == ("62", "627")
    assert (
        Participation.objects.get(person_key="email:b.petit@exemple.fr").profession
        == "police_nationale"
    )


def test_xlsx_files_are_read_too(plan):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(GOOD[0].split(";")[:6] + [date(2025, 3, 4)] + GOOD[0].split(";")[7:])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = imports.parse(buffer.getvalue(), "liste.xlsx", scope=PAS_DE_CALAIS)
    assert not report.rejected and len(report.rows) == 1
    assert report.rows[0].occurred_on == date(2025, 3, 4)


def test_ods_files_are_previewed_then_imported(client, ddfe, plan):
    """LibreOffice's ODS, dates typed as dates (read as ISO, like XLSX)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from core.spreadsheets import Sheet, ods_bytes

    line = GOOD[0].split(";")
    data = ods_bytes(
        [Sheet("Liste", HEADER.split(";"), [line[:6] + [date(2025, 3, 4)] + line[7:]])]
    )
    client.force_login(ddfe)
    url = reverse("indicators:participants_import")
    preview = client.post(url, {"file": SimpleUploadedFile("liste.ods", data)})
    assert preview.context["preview"].rejected == [] and len(preview.context["preview"].rows) == 1
    assert not Participation.objects.exists()
    client.post(url, {"confirm": "1", "token": preview.context["token"]})
    assert Participation.objects.get().occurred_on == date(2025, 3, 4)


def test_a_file_without_the_columns_is_refused_whole(plan):
    report = imports.parse(b"nom,prenom\nDurand,Anne\n", "liste.csv", scope=NATIONAL)
    assert "Colonnes manquantes" in report.error
    garbage = imports.parse(b"\xff\xfe\x00", "liste.csv", scope=NATIONAL)
    assert garbage.error.startswith("Fichier illisible")


def test_the_command_imports_and_reports(plan, tmp_path, capsys):
    path = tmp_path / "cidff.csv"
    path.write_bytes(_csv(*GOOD, BAD[0]))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_participants", str(path), "--dry-run", stdout=out, stderr=err)
    assert "rien n'a été enregistré" in out.getvalue()
    assert not Participation.objects.exists()
    out, err = io.StringIO(), io.StringIO()
    call_command("import_participants", str(path), stdout=out, stderr=err)
    assert (
        "2 participations importées, 0 corrigée, 0 déjà présente, 1 ligne rejetée."
        in out.getvalue()
    )
    assert "ligne 4 rejetée : adresse électronique invalide" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_participants", str(tmp_path / "absent.csv"))


def test_the_ddfe_previews_then_imports_a_file(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(ddfe)
    url = reverse("indicators:participants_import")
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD, BAD[1]), content_type="text/csv")
    preview = client.post(url, {"file": upload})
    page = preview.content.decode()
    assert "2 lignes valides, 1 ligne rejetée" in page
    assert "profession inconnue" in page
    assert not Participation.objects.exists()  # a preview writes nothing

    token = preview.context["token"]
    done = client.post(url, {"confirm": "1", "token": token})
    for line in (
        "2 participations importées",
        "0 participation corrigée",
        "0 participation déjà présente",
    ):
        assert line in done.content.decode()
    assert Participation.objects.count() == 2
    # The stored file is gone: confirming twice imports nothing more.
    again = client.post(url, {"confirm": "1", "token": token}, follow=True)
    assert "plus disponible" in again.content.decode()
    assert Participation.objects.count() == 2


def test_only_the_person_who_previewed_a_file_can_confirm_it(client, ddfe, administrator, plan):
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from django.utils import timezone

    from accounts.constants import Role
    from core.owned_files import owned_files_purge

    url = reverse("indicators:participants_import")
    client.force_login(ddfe)
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD), content_type="text/csv")
    token = client.post(url, {"file": upload}).context["token"]

    # Another DDFE, or an administrator, holding the token finds nothing to confirm.
    for other in (UserFactory(role=Role.DDFE), administrator):
        client.force_login(other)
        refused = client.post(url, {"confirm": "1", "token": token}, follow=True)
        assert "plus disponible" in refused.content.decode()
    assert not Participation.objects.exists()
    # Crafted names never reach the storage.
    for forged in ("../../etc/passwd", f"{ddfe.pk}/{token}", token + "/../x.csv"):
        client.post(url, {"confirm": "1", "token": forged})
    assert not Participation.objects.exists()

    # A preview left unconfirmed is deleted by the hourly purge after a day.
    assert owned_files_purge(now=timezone.now() + timedelta(days=1, minutes=1)) >= 1
    client.force_login(ddfe)
    gone = client.post(url, {"confirm": "1", "token": token}, follow=True)
    assert "plus disponible" in gone.content.decode()
    assert not Participation.objects.exists()


def test_the_import_page_refuses_other_formats_and_other_roles(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from accounts.constants import Role

    url = reverse("indicators:participants_import")
    client.force_login(ddfe)
    response = client.post(url, {"file": SimpleUploadedFile("liste.pdf", b"%PDF-1.7")})
    assert response.status_code == 400
    assert "envoyez un fichier .csv, .xlsx ou .ods" in response.content.decode()
    client.force_login(UserFactory(role=Role.HOST))
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD))
    assert client.post(url, {"file": upload}).status_code == 403
    assert client.post(url, {"confirm": "1", "token": "0" * 32 + ".csv"}).status_code == 403


def test_an_imported_person_who_signs_up_stays_one_person(plan):
    imports.apply(_parse(GOOD[0]))
    user = UserFactory(email="a.durand@exemple.fr")
    participation = Participation.objects.get()
    assert participation.person_key == f"user:{user.pk}"
    assert participation.user == user


def test_a_workbook_that_is_not_one_is_refused_with_a_french_message(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(ddfe)
    url = reverse("indicators:participants_import")
    renamed_ods = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(renamed_ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    upload = SimpleUploadedFile("cidff.xlsx", renamed_ods.getvalue())
    response = client.post(url, {"file": upload})
    assert response.status_code == 400
    assert "classeur OpenDocument (ODS)" in response.content.decode()
    assert "token" not in response.context


def test_rejected_lines_are_summed_up_and_kept_to_download(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(ddfe)
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD, *BAD[:1] * 120))
    response = client.post(reverse("indicators:participants_import"), {"file": upload})
    page = response.content.decode()
    assert "120 lignes rejetées — les 100 premières ci-dessous" in page
    assert page.count("adresse électronique invalide") == 100
    download = client.get(response.context["rejected"].url)
    assert b"".join(download.streaming_content).decode("utf-8-sig").count("\r\n") == 121


def test_a_csv_saved_by_french_excel_is_imported_with_its_accents(plan):
    """Excel for Windows saves "CSV (séparateur : point-virgule)" in Windows-1252."""
    text = (
        HEADER + "\r\n"
        "h.lefevre@exemple.fr;Lefèvre;Hélène;Infirmière;CH de Béthune;Béthune;2025-03-04;"
        "Soirée ITT;formation;TEST-2024-1.2-2\r\n"
    )
    report = imports.parse(text.encode("cp1252"), "liste.csv", scope=PAS_DE_CALAIS)
    assert not report.error and not report.rejected
    (row,) = report.rows
    assert (row.profession, row.employer, row.arrondissement) == (
        "infirmier",
        "CH de Béthune",
        "622",
    )
    assert (row.last_name, row.activity_title) == ("Lefèvre", "Soirée ITT")
    imports.apply(report)
    assert _counts(plan)["TEST-2024-1.2-2"] == 1


def test_one_person_on_two_lines_with_different_codes_counts_for_both(client, ddfe, plan):
    """A partner lists a participant once per indicator: the second line is no doublon."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    first = "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;Lens;2025-03-04;Soirée ITT;formation;TEST-2024-1.2-2"
    second = first.replace("TEST-2024-1.2-2", "TEST-2024-1.2-1")
    report = _parse(first, second, first)
    (row,) = report.rows
    assert (row.line, row.merged_lines) == (2, [3])
    assert row.indicator_codes == ["TEST-2024-1.2-2", "TEST-2024-1.2-1"]
    # The very same line again is still a doublon.
    assert [(item.line, item.reason) for item in report.rejected] == [(4, "doublon de la ligne 2")]

    client.force_login(ddfe)
    url = reverse("indicators:participants_import")
    upload = SimpleUploadedFile("cidff.csv", _csv(first, second), content_type="text/csv")
    page = client.post(url, {"file": upload}).content.decode()
    assert "Lignes réunies : même personne, même date, même activité" in page
    imports.apply(report)
    assert Participation.objects.count() == 1
    assert _counts(plan) == {"TEST-2024-1.2-1": 1, "TEST-2024-1.2-2": 1, "TEST-2024-1.2-3": 0}


def test_a_reimport_with_corrected_codes_corrects_the_participations(plan):
    wrong = "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;Lens;2025-03-04;Soirée ITT;formation;TEST-2024-1.2-2"
    other = "b.petit@exemple.fr;Petit;Bruno;gendarme;;Arras;2025-03-04;Soirée ITT;formation;TEST-2024-1.2-2"
    imports.apply(_parse(wrong, other))
    assert _counts(plan)["TEST-2024-1.2-2"] == 2

    right = wrong.replace("TEST-2024-1.2-2", "TEST-2024-1.2-1")
    report = imports.apply(_parse(right, other))
    assert (report.created, report.corrected, report.unchanged) == (0, 1, 1)
    assert Participation.objects.count() == 2
    assert _counts(plan) == {"TEST-2024-1.2-1": 1, "TEST-2024-1.2-2": 1, "TEST-2024-1.2-3": 0}
    # The per-person rollup (whole months) says the same.
    whole_year = selectors.people_trained_by_indicator(
        plan=plan, start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    codes = dict(plan.indicators.values_list("pk", "code"))
    assert {codes[pk]: count for pk, count in whole_year.items() if count} == {
        "TEST-2024-1.2-1": 1,
        "TEST-2024-1.2-2": 1,
    }
    # The corrected file again changes nothing.
    again = imports.apply(_parse(right, other))
    assert (again.created, again.corrected, again.unchanged) == (0, 0, 2)


def test_lines_follow_the_importers_territory(plan, nord_plan):
    header = HEADER + ";departement"
    lines = [
        # 2: the Nord, by its name (case and accents ignored), for a Pas-de-Calais DDFE
        "a@exemple.fr;A;A;medecin;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2;NORD",
        # 3: Lille is in the Nord
        "b@exemple.fr;B;B;medecin;;Lille;2025-03-04;Soirée;formation;TEST-2024-1.2-2;",
        # 4: a code of the Nord's plan
        "c@exemple.fr;C;C;medecin;;Lens;2025-03-04;Soirée;formation;NORD-2024-1.2-2;",
        # 5: no territory given: the DDFE's own département
        "d@exemple.fr;D;D;medecin;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2;",
        # 6: Béthune said with its département's name
        "e@exemple.fr;E;E;medecin;;béthune;2025-03-04;Soirée;formation;TEST-2024-1.2-2;pas de calais",
        # 7: an arrondissement outside the département given
        "f@exemple.fr;F;F;medecin;;Lille;2025-03-04;Soirée;formation;TEST-2024-1.2-2;62",
    ]
    report = _parse(*lines, header=header)
    reasons = {rejected.line: rejected.reason for rejected in report.rejected}
    assert reasons == {
        2: "département 59 hors de votre territoire",
        3: "département 59 hors de votre territoire",
        4: "l'indicateur NORD-2024-1.2-2 appartient au plan NORD-2024 (Département du Nord (59)), hors de votre territoire",
        7: "l'arrondissement « Lille » n'est pas dans le département 62",
    }
    assert [(row.line, row.departement, row.arrondissement) for row in report.rows] == [
        (5, "62", ""),
        (6, "62", "622"),
    ]

    # Nationally, every département is open; a line still has to count somewhere.
    national = _parse(
        # a Nord professional on a Pas-de-Calais indicator: counted by no plan
        "a@exemple.fr;A;A;medecin;;Lille;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
        "b@exemple.fr;B;B;medecin;;Lille;2025-03-04;Soirée;formation;NORD-2024-1.2-2",
        # no département at all, for a département's plan
        "c@exemple.fr;C;C;medecin;;;2025-03-04;Soirée;formation;NORD-2024-1.2-2",
        # Saint-Denis is in Seine-Saint-Denis and in La Réunion
        "d@exemple.fr;D;D;medecin;;Saint-Denis;2025-03-04;Soirée;formation;NORD-2024-1.2-2",
        scope=NATIONAL,
    )
    reasons = {rejected.line: rejected.reason for rejected in national.rejected}
    assert reasons[2] == (
        "la personne travaille dans le département 59, hors du territoire du plan TEST-2024 "
        "(Département du Pas-de-Calais (62)) : l'indicateur TEST-2024-1.2-2 ne la compterait pas"
    )
    assert "sans département, la personne ne serait pas comptée par le plan NORD-2024" in reasons[4]
    assert reasons[5] == (
        "arrondissement « Saint-Denis » ambigu (départements 93, 974) : indiquez son code "
        "ou la colonne departement"
    )
    (row,) = national.rows
    assert (row.line, row.departement, row.arrondissement) == (3, "59", "595")
    imports.apply(national)
    assert Participation.objects.get().departement_id == "59"
    assert _counts(nord_plan)["NORD-2024-1.2-2"] == 1
    assert _counts(plan)["TEST-2024-1.2-2"] == 0


def test_the_command_imports_for_one_departement(plan, nord_plan, tmp_path):
    path = tmp_path / "nord.csv"
    path.write_bytes(
        _csv(
            "a@exemple.fr;A;A;medecin;;Lille;2025-03-04;Soirée;formation;NORD-2024-1.2-2",
            "b@exemple.fr;B;B;medecin;;;2025-03-04;Soirée;formation;NORD-2024-1.2-2",
            GOOD[0],
        )
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("import_participants", str(path), "--departement", "59", stdout=out, stderr=err)
    assert "2 participations importées" in out.getvalue()
    assert "ligne 4 rejetée : département 62 hors de votre territoire" in err.getvalue()
    assert set(Participation.objects.values_list("departement_id", flat=True)) == {"59"}
    with pytest.raises(CommandError, match="Département inconnu : 999"):
        call_command("import_participants", str(path), "--departement", "999")


def test_the_dry_run_says_what_is_already_imported_new_or_corrected(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    imports.apply(_parse(*GOOD))
    corrected = GOOD[0].replace("TEST-2024-1.2-2", "TEST-2024-1.2-1")
    new = "c.morel@exemple.fr;Morel;Chloé;gendarme;;Calais;2025-05-06;Soirée ITT;formation;TEST-2024-1.2-2"
    report = _parse(corrected, GOOD[1], new)
    assert [(row.line, row.status) for row in report.rows] == [
        (2, "corrected"),
        (3, "imported"),
        (4, "new"),
    ]

    client.force_login(ddfe)
    url = reverse("indicators:participants_import")
    upload = SimpleUploadedFile("cidff.csv", _csv(corrected, GOOD[1], new), content_type="text/csv")
    response = client.post(url, {"file": upload})
    page = response.content.decode()
    assert "1 nouvelle participation sera importée" in page
    assert "1 participation déjà importée sera corrigée" in page
    assert "1 ligne est déjà importée telle quelle : rien ne change" in page
    for label in ("Nouvelle", "Déjà importée", "Sera corrigée"):
        assert f">{label}</span>" in page
    assert Participation.objects.count() == 2  # the dry run wrote nothing
    done = client.post(url, {"confirm": "1", "token": response.context["token"]})
    for line in (
        "1 participation importée",
        "1 participation corrigée",
        "1 participation déjà présente",
    ):
        assert line in done.content.decode()

    # A file already imported as it is: nothing to confirm.
    upload = SimpleUploadedFile("cidff.csv", _csv(corrected, GOOD[1]), content_type="text/csv")
    response = client.post(url, {"file": upload})
    assert "2 lignes sont déjà importées telles quelles" in response.content.decode()
    assert "token" not in response.context


def test_the_preview_shows_dates_as_written_in_the_file(client, ddfe, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(ddfe)
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD), content_type="text/csv")
    page = client.post(reverse("indicators:participants_import"), {"file": upload}).content.decode()
    assert "<td>2025-03-04</td>" in page
    assert "04/03/2025" not in page
    assert "Lens (627)" in page and "Arras (621)" in page


def test_queries_do_not_grow_with_the_lines(plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def lines(count: int, first: int = 0) -> list[str]:
        return [
            f"p{i}@exemple.fr;P;P;medecin;;Lens;2025-03-04;Soirée ITT;formation;TEST-2024-1.2-2"
            for i in range(first, first + count)
        ]

    def queries(count: int, first: int) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as parsing:
            report = _parse(*lines(count, first))
        with CaptureQueriesContext(connection) as applying:
            imports.apply(report)
        assert report.created == count
        return len(parsing.captured_queries), len(applying.captured_queries)

    queries(2, 0)  # warms the caches (territory tree, professions)
    assert queries(3, 100) == queries(60, 200)
    assert _counts(plan)["TEST-2024-1.2-2"] == 65


def test_an_arrondissement_name_is_read_within_the_importers_territory(plan):
    """Saint-Denis is in Seine-Saint-Denis (93) and in La Réunion (974): the DDFE of
    Seine-Saint-Denis means hers, the line's département settles it for anyone."""
    services.plan_load(data={**SMALL, "code": "SSD-2024", "departement": "93"})
    line = "a@exemple.fr;A;A;medecin;;Saint-Denis;2025-03-04;Soirée;formation;SSD-2024-1.2-2"
    (row,) = _parse(line, scope=Scope(departements=frozenset({"93"}))).rows
    assert (row.departement, row.arrondissement) == ("93", "933")
    (row,) = _parse(
        line + ";seine saint denis", scope=NATIONAL, header=HEADER + ";departement"
    ).rows
    assert (row.departement, row.arrondissement) == ("93", "933")


def test_the_import_page_checks_the_file_against_the_importers_territory(client, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from accounts.constants import Role

    client.force_login(UserFactory(role=Role.DDFE, departement="59", delegated=["59"]))
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD), content_type="text/csv")
    response = client.post(reverse("indicators:participants_import"), {"file": upload})
    page = response.content.decode()
    assert "Votre territoire : département 59." in page
    assert page.count("département 62 hors de votre territoire") == 2
    assert "token" not in response.context
