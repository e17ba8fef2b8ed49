"""Fixtures for the core tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start every test with empty rate-limit counters and Wagtail's cached site root."""
    cache.clear()
    yield
    cache.clear()
