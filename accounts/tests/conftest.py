"""Fixtures for the accounts tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start every test with empty rate-limit counters (allauth keeps them in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def temporary_exporter():
    """Return register_exporter; the exporters it registered are removed after the test."""
    from accounts import privacy

    keys = []

    def register(key, exporter):
        keys.append(key)
        privacy.register_exporter(key, exporter)

    yield register
    for key in keys:
        privacy._exporters.pop(key, None)
