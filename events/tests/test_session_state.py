"""A session's state follows the clock on every page: once begun or over it is never
"Inscriptions ouvertes", nobody registers or unregisters, the QR check-in says closed;
the attendance sheet is searchable and marks the rest present in one go."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services
from events.constants import Attendance, SessionState, Status
from events.models import Registration

from .factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past(trainer):
    """An evening three days ago, its registrations still flagged open."""
    start = timezone.now() - timedelta(days=3)
    return SessionFactory(
        event=EventFactory(title="Soirée de Douai", organisers=[trainer]),
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )


def _registered(session, user):
    return Registration.objects.create(
        session=session, user=user, status=Status.REGISTERED, source="organiser"
    )


def test_the_state_reads_the_clock_before_the_flags(session):
    now = timezone.now()
    assert session.state_at(now) == SessionState.OPEN
    assert session.state_at(session.starts_at) == SessionState.IN_PROGRESS
    assert session.state_at(session.ends_at + timedelta(minutes=1)) == SessionState.OVER
    session.registrations_open = False
    assert session.state_at(now) == SessionState.CLOSED
    session.cancelled_at = now
    assert session.state_at(session.ends_at + timedelta(days=1)) == SessionState.CANCELLED


def test_a_past_session_offers_nothing_to_its_registrant_nor_to_the_organiser(
    client, past, trainer
):
    person = UserFactory()
    registration = _registered(past, person)
    client.force_login(person)
    detail = client.get(reverse("events:detail", args=[past.pk])).content.decode()
    assert "Session passée" in detail
    assert "Inscriptions ouvertes" not in detail
    assert "Annuler mon inscription" not in detail
    mine = client.get(reverse("events:mine")).content.decode()
    assert "Annuler mon inscription" not in mine
    assert "Présence non renseignée" in mine
    # The server refuses too, whoever asks.
    client.post(reverse("events:cancel_registration", args=[registration.pk]))
    client.force_login(trainer)
    listing = client.get(reverse("events:organised")).content.decode()
    assert "Session passée" in listing and "Inscriptions ouvertes" not in listing
    manage = client.get(reverse("events:manage", args=[past.pk])).content.decode()
    assert "Désinscrire" not in manage
    assert "Fermer les inscriptions" not in manage
    assert "Annuler la session" not in manage
    client.post(reverse("events:organiser_cancel_registration", args=[past.pk, registration.pk]))
    client.post(reverse("events:set_open", args=[past.pk]), {"open": "0"})
    client.post(reverse("events:cancel", args=[past.pk]), {"reason": "Trop tard"})
    registration.refresh_from_db()
    past.refresh_from_db()
    assert registration.status == Status.REGISTERED
    assert past.registrations_open and not past.is_cancelled
    with pytest.raises(ValidationError, match="terminée"):
        services.registration_create(session=past, user=UserFactory())


def test_the_qr_and_checkin_pages_of_a_past_session_say_checkin_is_closed(client, past, trainer):
    person = UserFactory()
    _registered(past, person)
    client.force_login(trainer)
    qr = client.get(reverse("events:qr", args=[past.pk])).content.decode()
    assert "L'émargement est fermé" in qr
    assert "<svg" not in qr
    assert "est ouvert" not in qr
    client.force_login(person)
    page = client.get(reverse("events:checkin", args=[past.checkin_token])).content.decode()
    assert "L'émargement est fermé" in page
    assert "Je confirme ma présence" not in page


def test_the_attendance_sheet_searches_and_marks_the_rest_present(client, past, trainer):
    ines = _registered(past, UserFactory(first_name="Inès", last_name="Moreau"))
    paul = _registered(past, UserFactory(first_name="Paul", last_name="Durand"))
    lea = _registered(past, UserFactory(first_name="Léa", last_name="Martin"))
    client.force_login(trainer)
    url = reverse("events:attendance", args=[past.pk])
    page = client.get(url, {"q": "ines"}).content.decode()
    assert "MOREAU Inès" in page and "DURAND Paul" not in page
    assert "Personnes affichées : 1 sur 3" in page
    # Without JavaScript: Paul is absent, then everyone else unmarked is present.
    response = client.post(
        url, {f"presence-{paul.pk}": Attendance.ABSENT, "rest": "present"}, follow=True
    )
    assert "(3 modifications)" in response.content.decode()
    marks = dict(Registration.objects.values_list("pk", "attendance"))
    assert marks == {
        ines.pk: Attendance.PRESENT,
        paul.pk: Attendance.ABSENT,
        lea.pk: Attendance.PRESENT,
    }
    assert 'Présent·es : <strong id="nombre-presents">2</strong> / 3' in (response.content.decode())


@pytest.mark.parametrize("today", range(7))
def test_demo_sessions_fall_on_working_days_whatever_day_it_loads(today):
    import datetime as dt

    import time_machine

    from demo.loaders.events import session_day

    monday = dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)
    with time_machine.travel(monday + timedelta(days=today), tick=False):
        for days, weekday in [(-540, 3), (-14, 1), (21, 3), (35, 1), (56, 4)]:
            day = session_day(days, weekday)
            assert day.weekday() == weekday
            assert 0 <= abs((day - timezone.localdate()).days) - abs(days) < 7
            assert (day < timezone.localdate()) == (days < 0)
