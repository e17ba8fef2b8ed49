# ruff: noqa: E501 - rows of a participants file are long by nature
"""Participants of partners' trainings imported from CSV or XLSX count like completions."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from accounts.tests.factories import UserFactory
from courses.tests import fixtures
from indicators import imports, selectors, services
from indicators.models import Participation, Plan

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

HEADER = "email;nom;prenom;profession;institution;arrondissement;date;activite;type;indicateurs"


def _csv(*lines: str) -> bytes:
    return ("\ufeff" + "\n".join([HEADER, *lines]) + "\n").encode()


GOOD = [
    "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;62-lens;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2",
    "b.petit@exemple.fr;Petit;Bruno;Police nationale;Commissariat;Lille;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2|TEST-2024-1.2-1",
]
BAD = [
    "pas-une-adresse;X;Y;medecin;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
    "c@exemple.fr;X;Y;astronaute;;;2025-03-04;Soirée;formation;TEST-2024-1.2-2",
    "d@exemple.fr;X;Y;medecin;;;04/03/2025;Soirée;formation;TEST-2024-1.2-2",
    "e@exemple.fr;X;Y;medecin;;;2025-03-04;Soirée;colloque;TEST-2024-1.2-2",
    "f@exemple.fr;X;Y;medecin;;;2025-03-04;Soirée;formation;PDC-1999-9.9-9",
    "a.durand@exemple.fr;Durand;Anne;medecin;CH de Lens;62-lens;2025-03-04;Soirée ITT;sensibilisation;TEST-2024-1.2-2",
]


@pytest.fixture
def plan():
    services.plan_load(data=SMALL)
    indicator = Plan.objects.get().indicators.get(code="TEST-2024-1.2-1")
    indicator.measure = "people_trained"
    indicator.save()
    return Plan.objects.get()


def test_rows_are_checked_with_a_reason_per_rejected_line(plan):
    report = imports.parse(_csv(*GOOD, *BAD), "liste.csv")
    assert [row.line for row in report.rows] == [2, 3]
    reasons = {rejected.line: rejected.reason for rejected in report.rejected}
    assert "adresse électronique invalide" in reasons[4]
    assert "profession inconnue « astronaute »" in reasons[5]
    assert "date invalide « 04/03/2025 »" in reasons[6]
    assert "sensibilisation ou formation" in reasons[7]
    assert "indicateur inconnu : PDC-1999-9.9-9" in reasons[8]
    assert "doublon de la ligne 2" in reasons[9]
    assert not Participation.objects.exists()  # parsing writes nothing


def test_imported_people_count_once_and_reimporting_changes_nothing(plan, learner):
    module = fixtures.module(title="Continuum", lessons=1)
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

    report = imports.apply(imports.parse(_csv(*GOOD, line), "liste.csv"))
    assert (report.created, report.unchanged) == (3, 0)
    again = imports.apply(imports.parse(_csv(*GOOD, line), "liste.csv"))
    assert (again.created, again.unchanged) == (0, 3)

    counts = selectors.people_trained_by_indicator(
        plan=plan, start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    a, b = plan.indicators.get(code="TEST-2024-1.2-2"), plan.indicators.get(code="TEST-2024-1.2-1")
    assert counts == {a.pk: 3, b.pk: 1}  # Anne, Bruno, the learner (once) / Bruno
    imported = Participation.objects.get(person_key=f"user:{learner.pk}", channel="external")
    assert imported.arrondissement == "62-lens"
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
    report = imports.parse(buffer.getvalue(), "liste.xlsx")
    assert not report.rejected and len(report.rows) == 1
    assert report.rows[0].occurred_on == date(2025, 3, 4)


def test_a_file_without_the_columns_is_refused_whole(plan):
    report = imports.parse(b"nom,prenom\nDurand,Anne\n", "liste.csv")
    assert "Colonnes manquantes" in report.error
    assert imports.parse(b"\xff\xfe\x00", "liste.csv").error.startswith("Fichier illisible")


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
        "2 participation(s) importée(s), 0 déjà présente(s), 1 ligne(s) rejetée(s)."
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
    assert "2 ligne(s) valide(s), 1 ligne(s) rejetée(s)" in page
    assert "profession inconnue" in page
    assert not Participation.objects.exists()  # a preview writes nothing

    token = preview.context["token"]
    done = client.post(url, {"confirm": "1", "token": token})
    assert "2 participation(s) importée(s), 0 déjà présente(s)" in done.content.decode()
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
    assert "envoyez un fichier .csv ou .xlsx" in response.content.decode()
    client.force_login(UserFactory(role=Role.HOST))
    upload = SimpleUploadedFile("cidff.csv", _csv(*GOOD))
    assert client.post(url, {"file": upload}).status_code == 403
    assert client.post(url, {"confirm": "1", "token": "0" * 32 + ".csv"}).status_code == 403


def test_an_imported_person_who_signs_up_stays_one_person(plan):
    imports.apply(imports.parse(_csv(GOOD[0]), "liste.csv"))
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
