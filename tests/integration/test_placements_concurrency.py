"""Simultaneous acceptances on PostgreSQL never give more seats than a slot has."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.tests.factories import UserFactory
from placements import selectors, services
from placements.constants import Status
from placements.models import PlacementRequest
from placements.tests.factories import (
    InstitutionFactory,
    OfferFactory,
    SlotFactory,
    host,
    request_for,
)

pytestmark = [pytest.mark.integration]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_five_simultaneous_acceptances_on_a_two_seat_slot_accept_exactly_two():
    manager = host()
    institution = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    slot = SlotFactory(offer=OfferFactory(institution=institution), seats=2)
    requests = [request_for(UserFactory(), slot) for _ in range(5)]

    barrier = threading.Barrier(len(requests))
    outcomes: dict[int, str] = {}

    def accept(request_id: int) -> None:
        try:
            barrier.wait(timeout=10)  # all threads reach the service together
            services.request_accept(request_id=request_id, by=manager)
            outcomes[request_id] = "accepted"
        except ValidationError as error:
            outcomes[request_id] = " ".join(error.messages)
        except Exception as error:  # reported by the assertion below
            outcomes[request_id] = f"{type(error).__name__}: {error}"
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=accept, args=(r.pk,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == sorted(r.pk for r in requests)
    accepted = [pk for pk, outcome in outcomes.items() if outcome == "accepted"]
    refused = [outcome for outcome in outcomes.values() if outcome != "accepted"]
    assert len(accepted) == 2, outcomes
    assert len(refused) == 3
    for message in refused:
        assert "Impossible d'accepter cette demande" in message, message
        assert "sont déjà attribuées" in message
    assert selectors.seats_taken(slot=slot) == 2
    statuses = dict(PlacementRequest.objects.values_list("pk", "status"))
    assert sorted(pk for pk, status in statuses.items() if status == Status.ACCEPTED) == sorted(
        accepted
    )
    assert list(statuses.values()).count(Status.REQUESTED) == 3
    # Each accepted request got its convention after the lock was released.
    for placement in PlacementRequest.objects.filter(pk__in=accepted):
        assert placement.convention.read().startswith(b"%PDF")
