"""Fixtures for the accounts tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start every test with empty rate-limit counters (allauth keeps them in the cache)."""
    cache.clear()
    yield
    cache.clear()
