"""Attendance: the sheet, the QR check-in window, and what being present brings
(attestation, follow-up enrolment and email, questionnaire, signal)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.tests.factories import UserFactory
from certificates.models import Attestation
from courses.constants import EnrolmentSource
from courses.models import Enrolment
from courses.tests import factories as course_factories
from events import quiz_contexts, selectors, services
from events.constants import Attendance, Status
from events.signals import attendance_confirmed
from quizzes.models import Questionnaire, QuestionnaireItem

from .factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return course_factories.module(title="Le psychotraumatisme", lessons=1)


@pytest.fixture
def questionnaire():
    questionnaire = Questionnaire.objects.create(title="Votre avis sur la soirée")
    QuestionnaireItem.objects.create(
        questionnaire=questionnaire, text="Je me sens mieux outillé·e.", better_equipped=True
    )
    return questionnaire


@pytest.fixture
def evening(trainer, module, questionnaire):
    event = EventFactory(
        title="Soirée violences conjugales",
        organisers=[trainer],
        modules=[module],
        questionnaire=questionnaire,
    )
    return SessionFactory(event=event)


def _during(session, minutes: int = 10):
    return session.starts_at + timedelta(minutes=minutes)


def test_marking_present_issues_the_attestation_enrols_and_writes_once(
    evening, trainer, module, django_capture_on_commit_callbacks
):
    person = UserFactory(first_name="Inès", last_name="Moreau")
    registration = services.registration_create(session=evening, user=person)
    received = []

    def listener(sender, registration, session, **kwargs):
        received.append((registration.pk, session.pk))

    attendance_confirmed.connect(listener)
    try:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            changed = services.attendance_record(
                session=evening,
                by=trainer,
                marks={registration.pk: Attendance.PRESENT},
                now=_during(evening),
            )
        # Corrected to absent, then present again: the same attestation (revoked, then
        # reinstated), no second email; the indicators are told of each change.
        with django_capture_on_commit_callbacks(execute=True):
            services.attendance_record(
                session=evening,
                by=trainer,
                marks={registration.pk: Attendance.ABSENT},
                now=_during(evening, 20),
            )
            services.attendance_record(
                session=evening,
                by=trainer,
                marks={registration.pk: Attendance.PRESENT},
                now=_during(evening, 30),
            )
    finally:
        attendance_confirmed.disconnect(listener)

    assert changed == 1
    assert received == [(registration.pk, evening.pk), (registration.pk, evening.pk)]
    attestation = Attestation.objects.get(user=person)
    assert not attestation.is_revoked
    assert list(attestation.events.values_list("action", flat=True).order_by("pk")) == [
        "issued",
        "rendered",
        "revoked",
        "reinstated",
    ]
    assert attestation.kind == "presence"
    assert attestation.source == f"session-attendance:{registration.pk}"
    assert attestation.subject == f"session:{evening.pk}"
    assert attestation.duration_minutes == 150
    assert attestation.title.startswith("Soirée violences conjugales — ")
    enrolment = Enrolment.objects.get(user=person, module=module)
    assert enrolment.source == EnrolmentSource.EVENT
    follow_ups = [m for m in mail.outbox if "Merci de votre participation" in m.subject]
    assert len(follow_ups) == 1
    assert follow_ups[0].to == [person.email]
    assert module.url in follow_ups[0].body
    assert "/evaluations/questionnaires/" in follow_ups[0].body


def test_partial_or_absent_brings_no_attestation(evening, trainer):
    partial, absent = UserFactory(), UserFactory()
    r1 = services.registration_create(session=evening, user=partial)
    r2 = services.registration_create(session=evening, user=absent)
    services.attendance_record(
        session=evening,
        by=trainer,
        marks={r1.pk: Attendance.PARTIAL, r2.pk: Attendance.ABSENT},
        now=_during(evening),
    )
    r1.refresh_from_db()
    assert r1.attendance == Attendance.PARTIAL
    assert not Attestation.objects.exists()
    assert not Enrolment.objects.exists()


def test_attendance_cannot_be_noted_before_the_session(evening, trainer):
    registration = services.registration_create(session=evening, user=UserFactory())
    with pytest.raises(ValidationError, match="La présence se note à partir du"):
        services.attendance_record(
            session=evening, by=trainer, marks={registration.pk: Attendance.PRESENT}
        )
    with pytest.raises(ValidationError, match="Valeur de présence inconnue"):
        services.attendance_record(
            session=evening,
            by=trainer,
            marks={registration.pk: "peut-etre"},
            now=_during(evening),
        )


def test_qr_checkin_inside_the_window_marks_present(evening):
    person = UserFactory()
    services.registration_create(session=evening, user=person)
    opening = evening.starts_at - timedelta(minutes=30)
    registration = services.checkin(token=evening.checkin_token, user=person, now=opening)
    assert registration.attendance == Attendance.PRESENT
    assert registration.checked_in_at == opening
    assert Attestation.objects.filter(user=person).count() == 1


@pytest.mark.parametrize(
    "moment",
    [
        lambda s: s.starts_at - timedelta(minutes=31),
        lambda s: s.ends_at + timedelta(minutes=1),
    ],
    ids=["too-early", "after-the-end"],
)
def test_qr_checkin_outside_the_window_is_refused(evening, moment):
    person = UserFactory()
    services.registration_create(session=evening, user=person)
    with pytest.raises(ValidationError, match="L'émargement est ouvert du"):
        services.checkin(token=evening.checkin_token, user=person, now=moment(evening))
    assert not Attestation.objects.exists()


def test_the_window_is_configurable_per_session(evening):
    evening.checkin_opens_minutes = 60
    evening.save()
    person = UserFactory()
    services.registration_create(session=evening, user=person)
    services.checkin(
        token=evening.checkin_token, user=person, now=evening.starts_at - timedelta(minutes=50)
    )


def test_qr_checkin_refuses_people_not_registered_and_bad_tokens(evening):
    evening.capacity = 1
    evening.save()
    services.registration_create(session=evening, user=UserFactory())
    waiting = UserFactory()
    services.registration_create(session=evening, user=waiting)
    with pytest.raises(ValidationError, match="pas inscrit·e"):
        services.checkin(token=evening.checkin_token, user=waiting, now=_during(evening))
    with pytest.raises(ValidationError, match="pas valable"):
        services.checkin(token="faux", user=waiting, now=_during(evening))


def test_only_people_present_may_answer_the_questionnaire(evening, trainer, questionnaire):
    present, absent = UserFactory(), UserFactory()
    r1 = services.registration_create(session=evening, user=present)
    r2 = services.registration_create(session=evening, user=absent)
    services.attendance_record(
        session=evening,
        by=trainer,
        marks={r1.pk: Attendance.PRESENT, r2.pk: Attendance.ABSENT},
        now=_during(evening),
    )
    context = quiz_contexts.questionnaire_access(present, evening.pk, questionnaire)
    assert context.key == f"session:{evening.pk}"
    with pytest.raises(PermissionDenied):
        quiz_contexts.questionnaire_access(absent, evening.pk, questionnaire)


def test_sessions_held_counts_sessions_with_someone_present(evening, trainer):
    empty = SessionFactory(event=evening.event, starts_at=evening.starts_at + timedelta(days=1))
    registration = services.registration_create(session=evening, user=UserFactory())
    services.registration_create(session=empty, user=UserFactory())
    start, end = evening.starts_at - timedelta(days=1), evening.starts_at + timedelta(days=5)
    assert list(selectors.sessions_held(start, end)) == []
    services.attendance_record(
        session=evening,
        by=trainer,
        marks={registration.pk: Attendance.PRESENT},
        now=_during(evening),
    )
    assert list(selectors.sessions_held(start, end)) == [evening]
    services.session_cancel(session=evening, by=trainer, reason="Erreur de saisie")
    assert list(selectors.sessions_held(start, end)) == []


def test_my_registrations_show_position_attestation_and_questionnaire(evening, trainer):
    evening.capacity = 1
    evening.save()
    seated, first_waiting, second_waiting = UserFactory(), UserFactory(), UserFactory()
    registration = services.registration_create(session=evening, user=seated)
    services.registration_create(session=evening, user=first_waiting)
    services.registration_create(session=evening, user=second_waiting)
    (row,) = selectors.my_registrations(user=second_waiting)["upcoming"]
    assert row.position == 2
    assert row.registration.status == Status.WAITLISTED

    services.attendance_record(
        session=evening,
        by=trainer,
        marks={registration.pk: Attendance.PRESENT},
        now=_during(evening),
    )
    after = selectors.my_registrations(user=seated, now=evening.ends_at + timedelta(hours=1))
    (row,) = after["past"]
    assert row.attestation is not None
    assert row.questionnaire_url.endswith(f"/session/{evening.pk}/")
    assert not row.questionnaire_answered


def test_an_organiser_reads_the_questionnaire_results_of_her_sessions_only(
    client, evening, trainer, questionnaire
):
    from django.urls import reverse

    from accounts.constants import Role
    from quizzes import services as quiz_services

    from .factories import organiser

    other_evening = SessionFactory(
        event=EventFactory(
            title="Soirée Autre Organisatrice",
            organisers=[organiser()],
            questionnaire=questionnaire,
        )
    )
    item = questionnaire.items.get()
    for session, comment in ((evening, "Très utile pour accueillir."), (other_evening, "Secret.")):
        quiz_services.questionnaire_answer(
            questionnaire=questionnaire,
            user=UserFactory(),
            subject=f"session:{session.pk}",
            overall=4,
            values={item.pk: 4},
            comment=comment,
        )
    url = reverse("quizzes:questionnaire_results", args=[questionnaire.pk])

    client.force_login(trainer)
    page = client.get(url).content.decode()
    assert "Très utile pour accueillir." in page
    assert "Secret." not in page and "Soirée Autre Organisatrice" not in page
    assert client.get(url, {"sujet": f"session:{other_evening.pk}"}).status_code == 404
    assert "Secret." not in client.get(url, {"format": "csv"}).content.decode()

    # The DDFE reports on every activity of her plans.
    client.force_login(UserFactory(role=Role.DDFE))
    assert "Secret." in client.get(url).content.decode()
