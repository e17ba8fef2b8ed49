"""Registering, the waiting list and its promotions, refusals, cancellations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services
from events.constants import Source, Status
from events.models import Registration

from .factories import EventFactory, SessionFactory, health_professional

pytestmark = pytest.mark.django_db


def test_registration_takes_a_seat_and_confirms_by_email(
    session, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(session=session, user=person)
    assert registration.status == Status.REGISTERED
    assert registration.source == Source.SELF
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert "Inscription confirmée" in mail.outbox[0].subject


def test_a_full_session_puts_people_on_the_waiting_list(session):
    session.capacity = 2
    session.save()
    people = [UserFactory() for _ in range(4)]
    statuses = [services.registration_create(session=session, user=p).status for p in people]
    assert statuses == [Status.REGISTERED, Status.REGISTERED, Status.WAITLISTED, Status.WAITLISTED]


def test_registering_twice_is_refused(session):
    person = UserFactory()
    services.registration_create(session=session, user=person)
    with pytest.raises(ValidationError, match="Vous êtes déjà inscrit·e"):
        services.registration_create(session=session, user=person)
    assert Registration.objects.filter(session=session).count() == 1


def test_a_freed_seat_goes_to_the_first_person_waiting_who_is_told_by_email(
    session, django_capture_on_commit_callbacks
):
    session.capacity = 1
    session.save()
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    seated = services.registration_create(session=session, user=first)
    services.registration_create(session=session, user=second)
    services.registration_create(session=session, user=third)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seated, by=first)

    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: Status.CANCELLED,
        second.pk: Status.REGISTERED,
        third.pk: Status.WAITLISTED,
    }
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "Une place s'est libérée" in mail.outbox[0].subject
    assert Registration.objects.get(user=second).promoted_at is not None


def test_leaving_the_waiting_list_promotes_nobody(session):
    session.capacity = 1
    session.save()
    first, second = UserFactory(), UserFactory()
    services.registration_create(session=session, user=first)
    waiting = services.registration_create(session=session, user=second)
    services.registration_cancel(registration=waiting, by=second)
    assert Registration.objects.get(user=first).status == Status.REGISTERED
    assert Registration.objects.get(user=second).status == Status.CANCELLED


def test_a_cancelled_registration_can_be_taken_up_again_at_the_end_of_the_queue(session):
    session.capacity = 1
    session.save()
    first, second = UserFactory(), UserFactory()
    registration = services.registration_create(session=session, user=first)
    services.registration_cancel(registration=registration, by=first)
    services.registration_create(session=session, user=second)
    again = services.registration_create(session=session, user=first)
    assert again.pk == registration.pk
    assert again.status == Status.WAITLISTED


def test_the_deadline_refuses_late_registrations(session):
    session.registration_deadline = timezone.now() - timedelta(hours=1)
    session.save()
    with pytest.raises(ValidationError, match="date limite d'inscription est dépassée"):
        services.registration_create(session=session, user=UserFactory())


def test_an_event_for_health_professionals_refuses_a_police_officer():
    session = SessionFactory(event=EventFactory(audiences=["medecin", "sage_femme", "infirmier"]))
    with pytest.raises(ValidationError, match="réservée aux professions suivantes : Médecin"):
        services.registration_create(
            session=session, user=UserFactory(profession="police_nationale")
        )
    doctor = health_professional()
    assert services.registration_create(session=session, user=doctor).status == Status.REGISTERED


def test_closed_registrations_and_cancelled_sessions_refuse(session, trainer):
    services.session_set_registrations_open(session=session, is_open=False, by=trainer)
    with pytest.raises(ValidationError, match="inscriptions à cette session sont fermées"):
        services.registration_create(session=session, user=UserFactory())
    services.session_set_registrations_open(session=session, is_open=True, by=trainer)
    services.session_cancel(session=session, by=trainer, reason="Intervenante malade.")
    with pytest.raises(ValidationError, match="Cette session est annulée"):
        services.registration_create(session=session, user=UserFactory())


def test_a_started_session_refuses_registration_and_self_cancellation(session):
    person = UserFactory()
    registration = services.registration_create(session=session, user=person)
    later = session.starts_at + timedelta(minutes=5)
    with pytest.raises(ValidationError, match="déjà commencé"):
        services.registration_create(session=session, user=UserFactory(), now=later)
    with pytest.raises(ValidationError, match="ne peut plus être annulée"):
        services.registration_cancel(registration=registration, by=person, now=later)


def test_the_organiser_adds_someone_by_email_even_after_the_deadline(session, trainer):
    session.registration_deadline = timezone.now() - timedelta(days=1)
    session.save()
    person = UserFactory(email="ines.moreau@chu-lille.fr")
    registration = services.registration_add_by_email(
        session=session, email="  Ines.Moreau@CHU-Lille.fr ", by=trainer
    )
    assert registration.user == person
    assert registration.source == Source.ORGANISER
    with pytest.raises(ValidationError, match="Cette personne est déjà inscrite"):
        services.registration_add_by_email(session=session, email=person.email, by=trainer)
    with pytest.raises(ValidationError, match="Aucun compte Égide"):
        services.registration_add_by_email(session=session, email="inconnu@exemple.fr", by=trainer)


def test_cancelling_a_session_writes_to_everyone_registered_or_waiting(
    session, trainer, django_capture_on_commit_callbacks
):
    session.capacity = 1
    session.save()
    seated, waiting, gone = UserFactory(), UserFactory(), UserFactory()
    services.registration_create(session=session, user=seated)
    services.registration_create(session=session, user=waiting)
    services.registration_cancel(
        registration=services.registration_create(session=session, user=gone), by=gone
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, by=trainer, reason="Grève des transports.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
    assert all("Grève des transports." in m.body for m in mail.outbox)
    with pytest.raises(ValidationError):
        services.session_cancel(session=session, by=trainer, reason="Encore")


def test_reopening_or_raising_capacity_seats_the_people_waiting(session, trainer):
    session.capacity = 1
    session.save()
    services.registration_create(session=session, user=UserFactory())
    waiting = services.registration_create(session=session, user=UserFactory())
    session.capacity = 2
    session.save()
    assert services.session_fill_from_waiting_list(session=session) == 1
    waiting.refresh_from_db()
    assert waiting.status == Status.REGISTERED


def test_people_added_after_the_evening_get_no_confirmation_email(
    session, trainer, django_capture_on_commit_callbacks
):
    after = session.ends_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(
            session=session, user=UserFactory(), source=Source.ORGANISER, now=after
        )
    assert mail.outbox == []


def test_a_title_with_a_line_break_still_confirms_the_registration_by_email(
    django_capture_on_commit_callbacks,
):
    # Saved before titles were checked, or through code that skips validation.
    session = SessionFactory(event=EventFactory(title="Soirée\r\nde sensibilisation\x0b"))
    person = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(session=session, user=person)

    assert [m.subject for m in mail.outbox] == [
        "[Égide] Inscription confirmée : Soirée de sensibilisation"
    ]


@pytest.mark.parametrize("title", ["Soirée\nLille", "Soirée\rLille", "Soirée\x00", "A\u2028B"])
def test_an_event_title_is_refused_with_a_line_break_or_control_character(title):
    event = EventFactory.build(title=title)

    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["follow_up_modules", "organisers"])

    assert "tient sur une ligne" in str(error.value.message_dict["title"])
