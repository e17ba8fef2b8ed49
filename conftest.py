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
