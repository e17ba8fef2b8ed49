import pytest

from .factories import EventFactory, SessionFactory, organiser


@pytest.fixture
def trainer(db):
    return organiser(first_name="Nadia", last_name="Benali")


@pytest.fixture
def event(trainer):
    return EventFactory(organisers=[trainer])


@pytest.fixture
def session(event):
    return SessionFactory(event=event)
