"""Mandatory modules: who gets them, their status day by day (Europe/Paris), and the
reminder schedule with a frozen clock."""

import html
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from accounts.tests.factories import UserFactory
from assignments import selectors, services
from assignments.constants import DueStatus
from assignments.models import Obligation, ReminderSent
from certificates.tests.factories import on_commit
from courses import services as course_services
from courses.models import LessonPage
from courses.tests import factories as course_factories

pytestmark = pytest.mark.django_db

PARIS_MORNING = "2026-03-02 09:00 +0100"  # a Monday


@pytest.fixture
def module():
    return course_factories.module(
        title="Le continuum des violences", lessons=1, validity_months=12
    )


def _assign(module, **fields):
    admin = UserFactory(role="administrateur")
    fields.setdefault("professions", ["gendarmerie_nationale"])
    fields.setdefault("due_date", date(2026, 3, 31))
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.assignment_create(
            by=admin, title="Formation initiale VIF", modules=[module], **fields
        )


def _complete(user, module):
    course_services.enrolment_create(user=user, module=module)
    lesson = LessonPage.objects.child_of(module).get()
    with on_commit():
        course_services.lesson_complete(user=user, lesson=lesson)


def _status(user, module, today):
    return selectors.statuses(Obligation.objects.filter(user=user, module=module), today=today)[0]


def _run_beat(when: str) -> list:
    with time_machine.travel(when, tick=False):
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.reminders_send()
        return [message.subject for message in mail.outbox]


def test_the_population_gets_the_modules_and_new_accounts_too(module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    police = UserFactory(profession="police_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        assignment = _assign(module)
    assert set(assignment.obligations.values_list("user_id", flat=True)) == {gendarme.pk}
    # Applying again creates nothing more.
    assert services.assignment_apply(assignment=assignment) == 0
    newcomer = UserFactory(profession="gendarmerie_nationale")
    assert Obligation.objects.filter(user=newcomer, module=module).exists()
    police.profession = "gendarmerie_nationale"  # a profile corrected later
    police.save()
    assert Obligation.objects.filter(user=police, module=module).count() == 1
    police.save()
    assert Obligation.objects.filter(user=police, module=module).count() == 1


def test_the_due_date_counts_in_days_after_assignment_in_paris(module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    # 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
    with time_machine.travel("2026-03-01 23:30 +0000", tick=False):
        _assign(module, due_date=None, due_days=30)
    assert Obligation.objects.get(user=gendarme).due_on == date(2026, 4, 1)


def test_status_at_the_boundaries(module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
    assert _status(gendarme, module, date(2026, 3, 31)).status == DueStatus.TO_DO
    assert _status(gendarme, module, date(2026, 4, 1)).status == DueStatus.OVERDUE
    course_services.enrolment_create(user=gendarme, module=module)
    course_services.lesson_open(
        user=gendarme, lesson=LessonPage.objects.child_of(module).get(), module=module
    )
    assert _status(gendarme, module, date(2026, 3, 31)).status == DueStatus.IN_PROGRESS
    with time_machine.travel("2026-03-20 23:30 +0100", tick=False):
        _complete(gendarme, module)
    # Valid 12 months from 20 March 2026 (Paris): up to date, then expiring within
    # 30 days of the end, then due again (overdue) the day after the last valid day.
    assert _status(gendarme, module, date(2027, 2, 18)).status == DueStatus.UP_TO_DATE
    assert _status(gendarme, module, date(2027, 2, 19)).status == DueStatus.EXPIRING
    assert _status(gendarme, module, date(2027, 3, 20)).status == DueStatus.EXPIRING
    expired = _status(gendarme, module, date(2027, 3, 21))
    assert expired.status == DueStatus.OVERDUE and expired.due_on == date(2027, 3, 20)


def test_reminder_schedule_with_a_frozen_clock(module):
    gendarme = UserFactory(profession="gendarmerie_nationale", email="gendarme@exemple.fr")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)  # due 31 March; reminders 14 and 3 days before by default
    assert ReminderSent.objects.filter(kind="assigned").count() == 1  # sent on creation
    assert _run_beat("2026-03-02 10:00 +0100") == []  # already notified today
    assert _run_beat("2026-03-16 08:00 +0100") == []  # 15 days before
    assert _run_beat("2026-03-17 08:00 +0100") == [
        "[Égide] Rappel : « Le continuum des violences » à terminer avant le 31/03/2026"
    ]
    assert _run_beat("2026-03-17 20:00 +0100") == []  # beat runs again: nothing more
    assert len(_run_beat("2026-03-28 08:00 +0100")) == 1  # 3 days before
    assert _run_beat("2026-03-31 08:00 +0200") == [
        "[Égide] Dernier jour pour terminer « Le continuum des violences »"
    ]
    assert _run_beat("2026-04-06 08:00 +0200") == []  # 6 days late
    assert _run_beat("2026-04-07 08:00 +0200") == [
        "[Égide] Formation obligatoire en retard : Le continuum des violences"
    ]
    sent_overdue = sum(len(_run_beat(f"2026-{d} 08:00 +0200")) for d in ["04-14", "04-21", "04-28"])
    assert sent_overdue == 3
    assert _run_beat("2026-05-05 08:00 +0200") == []  # at most 4 overdue reminders
    assert mail.outbox == [] or all(m.to == [gendarme.email] for m in mail.outbox)


def test_no_reminder_once_completed(module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
    with time_machine.travel("2026-03-10 10:00 +0100", tick=False):
        _complete(gendarme, module)
    for day in ["2026-03-17", "2026-03-28", "2026-03-31", "2026-04-07"]:
        assert _run_beat(f"{day} 08:00 +0200") == []
    # Before the validity ends, one notice; after it, the module is due again.
    assert _run_beat("2027-02-10 08:00 +0100") == [
        "[Égide] Votre validation de « Le continuum des violences » expire le 10/03/2027"
    ]
    assert _run_beat("2027-02-11 08:00 +0100") == []


def test_two_beats_at_once_send_each_reminder_once(module):
    UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
    with time_machine.travel("2026-03-17 08:00 +0100", tick=False):
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            first = services.reminders_send()
            second = services.reminders_send()
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


def test_mandatory_modules_come_first_in_my_trainings(client, module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
        client.force_login(gendarme)
        page = html.unescape(client.get(reverse("courses:my_trainings")).content.decode())
    assert page.index("Formations obligatoires") < page.index("En cours")
    assert "Le continuum des violences" in page and "31 mars 2026" in page and "À faire" in page


def test_the_recertification_cycle_makes_the_module_due_again(client, module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
    with time_machine.travel("2026-03-10 10:00 +0100", tick=False):
        _complete(gendarme, module)
    with time_machine.travel("2027-03-15 10:00 +0100", tick=False):
        assert _status(gendarme, module, date(2027, 3, 15)).status == DueStatus.OVERDUE
        course_services.module_restart(user=gendarme, module=module)
        assert _status(gendarme, module, date(2027, 3, 15)).status == DueStatus.OVERDUE
        _complete(gendarme, module)
        item = _status(gendarme, module, date(2027, 3, 15))
    assert item.status == DueStatus.UP_TO_DATE
    assert item.valid_until == date(2028, 3, 15)


def test_an_assignment_to_an_institution_reaches_its_people_only(module):
    from accounts.models import Institution

    station = Institution.objects.create(
        name="Commissariat de Lens",
        kind="commissariat",
        address="Rue Zola",
        city="Lens",
        departement_id="62",
        arrondissement_id="627",
    )
    inside = UserFactory(profession="police_nationale", institution=station)
    UserFactory(profession="police_nationale")  # another unit
    with time_machine.travel(PARIS_MORNING, tick=False):
        assignment = _assign(module, professions=[], institutions=[station])
    assert list(assignment.obligations.values_list("user_id", flat=True)) == [inside.pk]
    newcomer = UserFactory(profession="medecin", institution=station)
    assert Obligation.objects.filter(user=newcomer).exists()


def test_without_recertification_a_completion_stays_valid(module):
    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module, recertify=False)
    with time_machine.travel("2026-03-10 10:00 +0100", tick=False):
        _complete(gendarme, module)
    assert _status(gendarme, module, date(2030, 1, 1)).status == DueStatus.UP_TO_DATE


def test_a_sign_in_does_not_look_for_populations(module, django_assert_num_queries):
    from django.utils import timezone

    gendarme = UserFactory(profession="gendarmerie_nationale")
    with time_machine.travel(PARIS_MORNING, tick=False):
        _assign(module)
    gendarme.last_login = timezone.now()
    with django_assert_num_queries(1):  # the UPDATE of last_login, nothing more
        gendarme.save(update_fields=["last_login"])
