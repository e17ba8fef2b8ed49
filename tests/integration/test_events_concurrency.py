"""Registrations never exceed a session's capacity under simultaneous requests:
30 threads, each with its own PostgreSQL connection, register 30 different people
to a session of 10 seats at the same moment."""

import threading

import pytest
from django.db import connection, connections

from accounts.tests.factories import UserFactory
from events import services
from events.constants import Status
from events.models import Registration
from events.tests.factories import SessionFactory

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PEOPLE = 30
SEATS = 10


def test_thirty_simultaneous_registrations_fill_ten_seats_and_wait_for_the_rest():
    assert connection.vendor == "postgresql"
    session = SessionFactory(capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def register(person):
        try:
            barrier.wait(timeout=30)
            services.registration_create(session=session, user=person)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    statuses = list(Registration.objects.filter(session=session).values_list("status", flat=True))
    assert len(statuses) == PEOPLE
    assert statuses.count(Status.REGISTERED) == SEATS
    assert statuses.count(Status.WAITLISTED) == PEOPLE - SEATS

    # The waiting list is served in the order people were queued.
    first_waiting = (
        Registration.objects.filter(session=session, status=Status.WAITLISTED)
        .order_by("queued_at", "pk")
        .first()
    )
    seated = Registration.objects.filter(session=session, status=Status.REGISTERED).first()
    services.registration_cancel(registration=seated, by=seated.user)
    first_waiting.refresh_from_db()
    assert first_waiting.status == Status.REGISTERED
    assert Registration.objects.filter(session=session, status=Status.REGISTERED).count() == SEATS
