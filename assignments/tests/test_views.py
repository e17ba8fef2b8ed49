"""The delegates', national service's and administrators' pages: create an assignment,
read compliance as aggregates, import a roster, each delegate within her territories;
nobody else gets in."""

import html
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from accounts.tests.factories import UserFactory
from assignments import services
from assignments.models import Assignment, Obligation
from certificates.tests.factories import on_commit
from courses import services as course_services
from courses.models import LessonPage
from courses.tests import factories as course_factories

pytestmark = pytest.mark.django_db

PAS_DE_CALAIS = ["621", "622", "623", "624", "625", "626", "627"]


@pytest.fixture
def module():
    return course_factories.module(
        title="Le continuum des violences", lessons=1, validity_months=24
    )


def _post_form(client, module, **overrides):
    data = {
        "title": "Accueil des victimes — gendarmerie",
        "modules": [module.pk],
        "professions": ["gendarmerie_nationale"],
        "due_date": "2026-12-31",
        "remind_days_before": "14, 3",
        "remind_on_due_date": "on",
        "overdue_every_days": "7",
        "overdue_max": "4",
        "expiry_notice_days": "30",
        "active": "on",
        **overrides,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("assignments:create"), data)


def test_the_ddfe_assigns_a_module_and_reads_compliance(client, ddfe, module):
    done, late = (
        UserFactory(profession="gendarmerie_nationale", arrondissement=place, employer=unit)
        for place, unit in (("62-lens", "Brigade de Lens"), ("62-arras", "Brigade d'Arras"))
    )
    UserFactory(profession="police_nationale")
    client.force_login(ddfe)
    response = _post_form(client, module)
    assignment = Assignment.objects.get()
    assert response["Location"] == reverse("assignments:detail", args=[assignment.pk])
    assert set(Obligation.objects.values_list("user_id", flat=True)) == {done.pk, late.pk}
    course_services.enrolment_create(user=done, module=module)
    with on_commit():
        course_services.lesson_complete(user=done, lesson=LessonPage.objects.child_of(module).get())

    page = client.get(response["Location"])
    text = html.unescape(page.content.decode())
    assert "Conformité : 50 % (1 obligation remplie sur 2)." in text
    by_place = {row.label: row.rate for row in page.context["tables"][1]["rows"]}
    assert by_place == {"Lens": 100, "Arras": 0}
    by_unit = {row.label: row.total for row in page.context["tables"][2]["rows"]}
    assert by_unit == {"Brigade de Lens": 1, "Brigade d'Arras": 1}
    # Aggregates only: no name of anyone.
    assert done.last_name not in text and late.email not in text

    export = client.get(response["Location"], {"format": "csv"})
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Regroupement;Valeur;Obligations;Taux de conformité (%)")
    assert "Par arrondissement;Lens;1;100" in "\n".join(lines)


def test_the_form_explains_a_missing_due_date(client, ddfe, module):
    client.force_login(ddfe)
    response = _post_form(client, module, due_date="", due_days="")
    assert response.status_code == 400
    assert "Choisissez une échéance" in html.unescape(response.content.decode())
    response = _post_form(client, module, remind_days_before="quatorze")
    assert "séparés par des virgules" in html.unescape(response.content.decode())
    assert not Assignment.objects.exists()


def test_an_empty_form_is_refused_with_its_errors(client, ddfe, module):
    client.force_login(ddfe)

    response = client.post(reverse("assignments:create"), {})

    assert response.status_code == 400
    # The required fields are shown in error (django-dsfr marks them aria-invalid).
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_roster_is_imported_from_the_page(client, ddfe, module):
    client.force_login(ddfe)
    _post_form(client, module)
    assignment = Assignment.objects.get()
    upload = SimpleUploadedFile(
        "liste.csv",
        b"email;nom;prenom;profession;institution\n"
        b"a.b@interieur.gouv.fr;B;A;Police nationale;Commissariat de Lens\n"
        b"faux;C;D;Police nationale;Commissariat de Lens\n",
    )
    url = reverse("assignments:roster_import", args=[assignment.pk])
    preview = client.post(url, {"file": upload})
    text = html.unescape(preview.content.decode())
    assert "1 personne sera ajoutée à la liste" in text
    assert "Adresse électronique invalide : « faux »." in text
    assert not assignment.roster.exists()  # the preview writes nothing
    token = preview.context["token"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"confirm": "1", "token": token})
    text = html.unescape(response.content.decode())
    assert "1 personne ajoutée à la liste" in text
    assert "Adresse électronique invalide : « faux »." in text
    assert assignment.roster.get().email == "a.b@interieur.gouv.fr"
    # The kept file is gone once confirmed; nobody else could have confirmed it.
    again = client.post(url, {"confirm": "1", "token": token}, follow=True)
    assert "plus disponible" in again.content.decode()
    bad = SimpleUploadedFile("liste.pdf", b"%PDF")
    response = client.post(
        reverse("assignments:roster_import", args=[assignment.pk]), {"file": bad}
    )
    assert response.status_code == 400
    assert "Format non pris en charge" in html.unescape(response.content.decode())


@pytest.mark.parametrize("role", [None, "structure_accueil", "formateur", "redacteur"])
def test_other_roles_get_403_on_every_page(client, module, role):
    assignment = services.assignment_create(
        by=UserFactory(role="administrateur"),
        title="Test",
        modules=[module],
        professions=["police_nationale"],
        due_date=date(2026, 12, 31),
    )
    client.force_login(UserFactory(role=role))
    for name, args in [
        ("assignments:list", []),
        ("assignments:create", []),
        ("assignments:detail", [assignment.pk]),
        ("assignments:edit", [assignment.pk]),
        ("assignments:roster_import", [assignment.pk]),
    ]:
        for method in ("get", "post"):
            assert getattr(client, method)(reverse(name, args=args)).status_code == 403


def test_the_compliance_page_reads_a_fixed_number_of_queries(client, ddfe, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assignment = services.assignment_create(
        by=ddfe,
        title="Test",
        modules=[module],
        professions=["gendarmerie_nationale"],
        arrondissements=PAS_DE_CALAIS,
        due_date=date(2026, 12, 31),
    )
    client.force_login(ddfe)
    url = reverse("assignments:detail", args=[assignment.pk])
    client.get(url)  # warm the caches (site, roles)
    counts = []
    for people in (3, 30):
        UserFactory.create_batch(people, profession="gendarmerie_nationale")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_ddfe_overview_aggregates_every_active_assignment(client, ddfe, module):
    for place in ("62-lens", "62-lens", "62-arras"):
        UserFactory(profession="gendarmerie_nationale", arrondissement=place)
    for title, due in (("A", date(2026, 12, 31)), ("B", date(2027, 6, 30))):
        services.assignment_create(
            by=ddfe,
            title=title,
            modules=[module],
            professions=["gendarmerie_nationale"],
            arrondissements=PAS_DE_CALAIS,
            due_date=due,
        )
    client.force_login(ddfe)
    page = client.get(reverse("assignments:list"))
    by_place = {row.label: row.total for row in page.context["tables"][0]["rows"]}
    assert by_place == {"Lens": 4, "Arras": 2}  # two assignments each


@pytest.mark.parametrize("kind", ["ods", "cp1252"])
def test_a_roster_from_libreoffice_or_french_excel_is_previewed_then_imported(
    client, ddfe, module, kind
):
    """ODS as LibreOffice saves it, CSV as French Excel saves it (Windows-1252)."""
    from core.spreadsheets import Sheet, ods_bytes

    client.force_login(ddfe)
    _post_form(client, module)
    assignment = Assignment.objects.get()
    header = ["email", "nom", "prénom", "profession", "institution"]
    line = ["helene@exemple.fr", "Lefèvre", "Hélène", "Infirmière", "CH de Béthune"]
    if kind == "ods":
        upload = SimpleUploadedFile("liste.ods", ods_bytes([Sheet("Liste", header, [line])]))
    else:
        text = ";".join(header) + "\r\n" + ";".join(line) + "\r\n"
        upload = SimpleUploadedFile("liste.csv", text.encode("cp1252"))
    url = reverse("assignments:roster_import", args=[assignment.pk])
    preview = client.post(url, {"file": upload})
    assert preview.context["preview"].rejected == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url, {"confirm": "1", "token": preview.context["token"]})
    entry = assignment.roster.get()
    assert (entry.last_name, entry.profession, entry.institution) == (
        "Lefèvre",
        "infirmier",
        "CH de Béthune",
    )


def test_a_garbage_workbook_or_a_list_of_bad_lines_gets_a_short_clear_answer(client, ddfe, module):
    import os

    client.force_login(ddfe)
    _post_form(client, module)
    url = reverse("assignments:roster_import", args=[Assignment.objects.get().pk])
    garbage = SimpleUploadedFile("liste.xlsx", os.urandom(4096))
    response = client.post(url, {"file": garbage})
    assert response.status_code == 400
    assert "n'est pas un classeur XLSX" in html.unescape(response.content.decode())

    lines = "".join(f"faux{n};B;A;Police nationale;Lens\n" for n in range(150))
    upload = SimpleUploadedFile(
        "liste.csv", f"email;nom;prenom;profession;institution\n{lines}".encode()
    )
    response = client.post(url, {"file": upload})
    text = html.unescape(response.content.decode())
    assert "150 lignes rejetées — les 100 premières ci-dessous" in text
    assert text.count("Adresse électronique invalide") == 100
    report_url = response.context["rejected"].url
    assert f'href="{report_url}"' in text
    assert b"faux149" in b"".join(client.get(report_url).streaming_content)
    client.force_login(UserFactory(role="referent_ddfe"))
    assert client.get(report_url).status_code == 404


# --- Territories ------------------------------------------------------------------------------


def _assignment(by, arrondissements, title="Test"):
    return services.assignment_create(
        by=by,
        title=title,
        modules=[course_factories.module(title=f"Module {title}", lessons=0)],
        professions=["gendarmerie_nationale"],
        arrondissements=arrondissements,
        due_date=date(2026, 12, 31),
    )


def test_a_ddfe_reads_and_edits_only_the_assignments_of_her_departements(client, ddfe):
    from accounts.constants import Role

    own = _assignment(ddfe, ["627"], "Lens")
    nord = _assignment(UserFactory(role=Role.ADMIN), ["595"], "Lille")
    everywhere = _assignment(UserFactory(role=Role.ADMIN), [], "France")
    client.force_login(ddfe)

    listed = [row["assignment"] for row in client.get(reverse("assignments:list")).context["rows"]]

    # A national assignment concerns her people too: she follows it (her territory's
    # part), but only the national service changes it.
    assert listed == [everywhere, own]
    assert client.get(reverse("assignments:detail", args=[nord.pk])).status_code == 404
    assert client.get(reverse("assignments:detail", args=[everywhere.pk])).status_code == 200
    for assignment in (nord, everywhere):
        assert client.get(reverse("assignments:edit", args=[assignment.pk])).status_code == 404
        assert (
            client.post(reverse("assignments:roster_import", args=[assignment.pk])).status_code
            == 404
        )
    assert client.get(reverse("assignments:detail", args=[own.pk])).status_code == 200


@pytest.mark.parametrize(
    ("role", "delegated", "sees"),
    [("delegue_regional", ["32"], {"Lens", "Lille"}), ("service_national", None, None)],
)
def test_regional_and_national_roles_read_their_territories(client, role, delegated, sees):
    from accounts.constants import Role

    admin = UserFactory(role=Role.ADMIN)
    made = {
        title: _assignment(admin, codes, title)
        for title, codes in (("Lens", ["627"]), ("Lille", ["595"]), ("Paris", ["751"]))
    }
    client.force_login(UserFactory(role=role, delegated=delegated))

    listed = {
        row["assignment"].title for row in client.get(reverse("assignments:list")).context["rows"]
    }

    assert listed == (sees or set(made))


def test_the_form_offers_her_arrondissements_and_keeps_the_population_inside(client, ddfe, module):
    from accounts.models import Institution

    nord_unit = Institution.objects.create(name="Brigade de Lille", departement_id="59")
    lens_unit = Institution.objects.create(name="Brigade de Lens", departement_id="62")
    inside = UserFactory(profession="gendarmerie_nationale", arrondissement="621")
    outside = UserFactory(
        profession="gendarmerie_nationale", departement="59", arrondissement="595"
    )
    client.force_login(ddfe)

    form = client.get(reverse("assignments:create")).context["form"]
    offered = {
        code for _group, items in form.fields["arrondissements"].choices for code, _ in items
    }
    refused = _post_form(client, module, arrondissements=["595"])
    created = _post_form(client, module)

    assert offered == set(PAS_DE_CALAIS)
    assert list(form.fields["institutions"].queryset) == [lens_unit]
    assert nord_unit not in form.fields["institutions"].queryset
    assert refused.status_code == 400
    assert created.status_code == 302
    assignment = Assignment.objects.get()
    # "The whole territory" of a DDFE is her département, written out.
    assert sorted(assignment.arrondissements) == PAS_DE_CALAIS
    people = set(Obligation.objects.values_list("user_id", flat=True))
    assert inside.pk in people and outside.pk not in people
