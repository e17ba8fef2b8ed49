"""Organisers write their events and sessions on the front-end pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from courses.tests import factories as course_factories
from events import services
from events.constants import Status
from events.models import Event, Registration, Session

from .factories import EventFactory, SessionFactory, organiser

pytestmark = pytest.mark.django_db


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _session_data(prefix: str, *, starts_at, capacity=40, city="Lille", **extra) -> dict:
    data = {
        "starts_at": _local(starts_at),
        "ends_at": _local(starts_at + timedelta(hours=2, minutes=30)),
        "place": "Faculté de médecine",
        "address": "1 place de Verdun",
        "city": city,
        "departement": "59",
        "arrondissement": "595",
        "online_url": "",
        "capacity": capacity,
        "registration_deadline": "",
        "checkin_opens_minutes": 30,
        "registrations_open": "on",
        **extra,
    }
    return {f"{prefix}-{key}": value for key, value in data.items()}


def _event_data(*, title="Soirée des soignant·es", modules=(), co_organisers=(), **extra):
    return {
        "title": title,
        "kind": "soiree",
        "nature": "sensibilisation",
        "duration_minutes": 150,
        "description": "Repérer et orienter.",
        "questionnaire": "",
        "audiences": ["medecin", "sage_femme"],
        "follow_up_modules": [m.pk for m in modules],
        "co_organisers": [u.pk for u in co_organisers],
        **extra,
    }


def _management(total: int, initial: int) -> dict:
    return {
        "sessions-TOTAL_FORMS": total,
        "sessions-INITIAL_FORMS": initial,
        "sessions-MIN_NUM_FORMS": 1,
        "sessions-MAX_NUM_FORMS": 1000,
    }


def test_a_trainer_creates_an_event_with_its_session(client, trainer):
    module = course_factories.module(title="Le psychotraumatisme", lessons=0)
    colleague = organiser()
    client.force_login(trainer)
    url = reverse("events:event_create")
    assert client.get(url).status_code == 200
    starts_at = timezone.now() + timedelta(days=30)
    response = client.post(
        url,
        {
            **_event_data(modules=[module], co_organisers=[colleague]),
            **_management(1, 0),
            **_session_data("sessions-0", starts_at=starts_at),
        },
    )
    assert response.status_code == 302, response.context and (
        response.context["form"].errors,
        response.context["sessions"].errors,
    )
    event = Event.objects.get()
    assert event.created_by == trainer
    assert event.audiences == ["medecin", "sage_femme"]
    assert set(event.organisers.all()) == {trainer, colleague}
    assert list(event.follow_up_modules.all()) == [module]
    session = Session.objects.get(event=event)
    assert session.capacity == 40
    assert abs(session.starts_at - starts_at) < timedelta(minutes=1)


def test_bad_sessions_get_clear_french_errors(client, trainer):
    client.force_login(trainer)
    starts_at = timezone.now() + timedelta(days=30)
    response = client.post(
        reverse("events:event_create"),
        {
            **_event_data(),
            **_management(1, 0),
            **_session_data(
                "sessions-0",
                starts_at=starts_at,
                city="",
                arrondissement="627",
                registration_deadline=_local(starts_at + timedelta(days=1)),
            ),
        },
    )
    assert response.status_code == 200
    errors = response.context["sessions"].forms[0].errors
    assert "Indiquez la commune" in errors["city"][0]
    assert "doit précéder le début" in errors["registration_deadline"][0]
    assert "n'appartient pas au département" in errors["arrondissement"][0]
    assert not Event.objects.exists()


def test_raising_the_capacity_seats_the_waiting_list(client, trainer, session):
    session.capacity = 1
    session.save()
    services.registration_create(session=session, user=UserFactory())
    waiting = services.registration_create(session=session, user=UserFactory())
    client.force_login(trainer)
    data = {
        **_event_data(title=session.event.title),
        **_management(2, 1),
        **_session_data("sessions-0", starts_at=session.starts_at, capacity=2),
        "sessions-0-id": session.pk,
        "sessions-0-event": session.event_id,
        **{f"sessions-1-{k}": "" for k in ("starts_at", "ends_at", "capacity", "city")},
        "sessions-1-checkin_opens_minutes": 30,
        "sessions-1-registrations_open": "on",
    }
    response = client.post(reverse("events:event_edit", args=[session.event_id]), data)
    assert response.status_code == 302, response.context["sessions"].errors
    waiting.refresh_from_db()
    assert waiting.status == Status.REGISTERED
    assert Session.objects.count() == 1


def test_a_session_with_registrations_cannot_be_deleted(client, trainer, session):
    services.registration_create(session=session, user=UserFactory())
    second = SessionFactory(event=session.event, starts_at=session.starts_at + timedelta(days=7))
    client.force_login(trainer)
    data = {
        **_event_data(title=session.event.title),
        **_management(2, 2),
        **_session_data("sessions-0", starts_at=session.starts_at, DELETE="on"),
        "sessions-0-id": session.pk,
        "sessions-0-event": session.event_id,
        **_session_data("sessions-1", starts_at=second.starts_at),
        "sessions-1-id": second.pk,
        "sessions-1-event": session.event_id,
    }
    response = client.post(reverse("events:event_edit", args=[session.event_id]), data)
    assert "ne peut pas être supprimée" in response.content.decode()
    assert Registration.objects.filter(session=session).exists()


def test_organisers_edit_only_their_events(client, trainer):
    other = EventFactory(organisers=[organiser()])
    client.force_login(trainer)
    assert client.get(reverse("events:event_edit", args=[other.pk])).status_code == 403
    client.force_login(UserFactory())
    assert client.get(reverse("events:event_create")).status_code == 403
