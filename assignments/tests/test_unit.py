"""The unit manager's view: their institution only, statuses and dates (no quiz detail),
reminders to the overdue, exports; and the whole story of issue 8's "done when"."""

import html
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from accounts.models import Institution
from accounts.tests.factories import UserFactory
from assignments import services
from certificates.tests.factories import on_commit
from courses import services as course_services
from courses.models import LessonPage
from courses.tests import factories as course_factories

pytestmark = pytest.mark.django_db


def _institution(name: str, city: str) -> Institution:
    return Institution.objects.create(
        name=name,
        kind="gendarmerie",
        address="1 rue de la Paix",
        city=city,
        departement_id="62",
        arrondissement_id="621",
    )


@pytest.fixture
def world():
    module = course_factories.module(
        title="Le continuum des violences", lessons=1, validity_months=24
    )
    arras, lens = _institution("Brigade d'Arras", "Arras"), _institution("Brigade de Lens", "Lens")
    manager = UserFactory(role="responsable_unite", email="cheffe@gendarmerie.fr")
    arras.managers.add(manager)
    gendarme = UserFactory(
        profession="gendarmerie_nationale",
        institution=arras,
        email="luc@gendarmerie.fr",
        first_name="Luc",
        last_name="Petit",
    )
    colleague = UserFactory(
        profession="gendarmerie_nationale", institution=arras, first_name="Ana", last_name="Roy"
    )
    stranger = UserFactory(
        profession="gendarmerie_nationale", institution=lens, first_name="Zoé", last_name="Vidal"
    )
    with time_machine.travel("2026-03-02 09:00 +0100", tick=False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.assignment_create(
                by=UserFactory(role="administrateur"),
                title="Formation initiale",
                modules=[module],
                professions=["gendarmerie_nationale"],
                due_date=date(2026, 3, 31),
            )
    return {
        "module": module,
        "arras": arras,
        "manager": manager,
        "gendarme": gendarme,
        "colleague": colleague,
        "stranger": stranger,
    }


def _beat(when: str) -> list[str]:
    with time_machine.travel(when, tick=False):
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.reminders_send()
        return [m.to[0] for m in mail.outbox]


def test_the_manager_sees_their_unit_only(client, world):
    client.force_login(world["manager"])
    with time_machine.travel("2026-04-02 09:00 +0200", tick=False):
        page = html.unescape(client.get(reverse("assignments:unit")).content.decode())
    assert "Luc Petit" in page and "Ana Roy" in page
    assert "Zoé Vidal" not in page  # another unit
    assert "En retard" in page and "Conformité : 0 %" in page
    # Another institution's id in the query string changes nothing.
    other = Institution.objects.get(name="Brigade de Lens")
    page = client.get(reverse("assignments:unit"), {"structure": other.pk}).content.decode()
    assert "Zoé Vidal" not in html.unescape(page)


def test_the_manager_reminds_the_overdue_once_a_day(client, world, django_assert_max_num_queries):
    """The button counts exactly what it sends, is gone once sent, the page says when the
    last reminders left, and the filter chosen stays."""
    client.force_login(world["manager"])
    url = reverse("assignments:unit")
    with time_machine.travel("2026-04-02 09:00 +0200", tick=False):
        page = html.unescape(client.get(url, {"statut": "en_retard"}).content.decode())
        assert "Envoyer les 2 relances" in page and "Dernière" not in page
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(url, {"statut": "en_retard"}, follow=True)
        assert sorted(m.to[0] for m in mail.outbox) == sorted(
            [world["gendarme"].email, world["colleague"].email]
        )
        assert response.redirect_chain[0][0].endswith("statut=en_retard")
        assert response.context["status"] == "en_retard"
        page = html.unescape(response.content.decode())
        assert "2 relances envoyées par courriel." in page
        assert "Envoyer" not in page  # nothing left to send today
        assert "Les 2 obligations en retard ont déjà été relancées aujourd'hui." in page
        assert "Dernières relances : le 2 avril 2026 à 09 h 00" in page and "(2 courriels)" in page
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(url)
        assert mail.outbox == []
        with django_assert_max_num_queries(10):  # statuses and reminders: whatever the rows
            client.get(url)
    with time_machine.travel("2026-04-03 09:00 +0200", tick=False):
        client.force_login(world["manager"])  # sessions last twelve hours
        page = html.unescape(client.get(url).content.decode())
    assert "Envoyer les 2 relances" in page  # a new day


def test_the_manager_exports_statuses_and_dates(client, world):
    client.force_login(world["manager"])
    with time_machine.travel("2026-04-02 09:00 +0200", tick=False):
        response = client.get(reverse("assignments:unit"), {"format": "csv", "statut": "en_retard"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Nom;Prénom;Adresse électronique;Module;Statut;Échéance;Terminé le;Valable jusqu'au"
    )
    assert len(lines) == 3 and all(";En retard;2026-03-31;" in line for line in lines[1:])


@pytest.mark.parametrize("role", [None, "referent_ddfe", "structure_accueil", "formateur"])
def test_other_roles_may_not_open_the_unit_view(client, world, role):
    user = UserFactory(role=role)
    world["arras"].managers.add(user)  # even attached to the institution (as a host)
    client.force_login(user)
    assert client.get(reverse("assignments:unit")).status_code == 403
    assert client.post(reverse("assignments:unit")).status_code == 403


def test_an_assigned_gendarme_from_reminders_to_up_to_date(client, world, ddfe):
    """Issue 8, done when: reminders on schedule, completion, no more reminders, "à jour"
    in the manager's view and in the DDFE's compliance figures."""
    gendarme, module = world["gendarme"], world["module"]
    assert gendarme.email in _beat("2026-03-17 08:00 +0100")  # 14 days before
    assert gendarme.email in _beat("2026-03-28 08:00 +0100")  # 3 days before
    with time_machine.travel("2026-03-29 10:00 +0200", tick=False):
        course_services.enrolment_create(user=gendarme, module=module)
        with on_commit():
            course_services.lesson_complete(
                user=gendarme, lesson=LessonPage.objects.child_of(module).get()
            )
    assert gendarme.email not in _beat("2026-03-31 08:00 +0200")  # due date
    a_week_late = _beat("2026-04-07 08:00 +0200")
    assert gendarme.email not in a_week_late and world["colleague"].email in a_week_late

    with time_machine.travel("2026-04-07 09:00 +0200", tick=False):
        client.force_login(world["manager"])
        page = client.get(reverse("assignments:unit"), {"statut": "a_jour"})
        assert [i.obligation.user for i in page.context["page"]] == [gendarme]
        client.force_login(ddfe)
        assignment = gendarme.obligations.get().assignment
        detail = client.get(reverse("assignments:detail", args=[assignment.pk]))
    by_unit = {row.label: row.rate for row in detail.context["tables"][2]["rows"]}
    assert by_unit["Brigade d'Arras"] == 50


def test_exports_keep_names_as_text_never_as_formulas(client, world):
    from core.tests.spreadsheet_checks import (
        PAYLOAD,
        assert_csv_neutralised,
        assert_xlsx_neutralised,
    )

    world["gendarme"].last_name = PAYLOAD
    world["gendarme"].save()
    world["arras"].name = "=1+1 / Brigade d'Arras [62]"  # also a name Excel refuses for a sheet
    world["arras"].save()
    client.force_login(world["manager"])
    url = reverse("assignments:unit")
    assert_csv_neutralised(client.get(url, {"format": "csv"}).content)
    assert_xlsx_neutralised(client.get(url, {"format": "xlsx"}).content)

    client.force_login(UserFactory(role="referent_ddfe"))
    from assignments.models import Assignment

    url = reverse("assignments:detail", args=[Assignment.objects.get().pk])
    assert_csv_neutralised(
        client.get(url, {"format": "csv"}).content, "=1+1 / Brigade d'Arras [62]"
    )
    assert_xlsx_neutralised(
        client.get(url, {"format": "xlsx"}).content, "=1+1 / Brigade d'Arras [62]"
    )
