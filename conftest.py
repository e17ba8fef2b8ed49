"""Fixtures shared by every app's tests and by tests/ (cross-app and browser)."""

import pytest

from accounts.constants import Role
from accounts.tests.factories import PASSWORD, IncompleteUserFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (roles, rate limits, Wagtail site root)."""
    from django.core.cache import cache

    from core import page_cache

    cache.clear()
    page_cache.clear_local()
    yield
    cache.clear()
    page_cache.clear_local()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def incomplete_user(db):
    return IncompleteUserFactory()


@pytest.fixture
def ddfe(db):
    return UserFactory(role=Role.DDFE, profession="agent_collectivite", employer="DDFE 62")


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR, profession="agent_collectivite", employer="Préfecture")


@pytest.fixture
def administrator(db):
    return UserFactory(role=Role.ADMIN, profession="autre", employer="Préfecture")


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, profession="autre", employer="DSI")


# Tests that commit to the database (live server, Celery worker, transaction=True) leave
# it flushed: pytest-django runs them after the others in one process, but pytest-xdist
# hands files to its processes in turn, so `make test` runs them as a phase of their
# own (scripts/test.sh: -m "not transactional", then -m transactional).
_TRANSACTIONAL_FIXTURES = frozenset(
    {
        "transactional_db",
        "live_server",
        "django_db_serialized_rollback",
        "django_db_reset_sequences",
    }
)


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        if marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback"):
            return True
        if marker.args and marker.args[0]:
            return True
    return bool(_TRANSACTIONAL_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(items):
    for item in items:
        if _commits(item):
            item.add_marker(pytest.mark.transactional)
