"""The Redis cache backend used in production, against the real Redis."""

import pytest
from django.conf import settings

from core.cache import ReusedClientRedisCache

pytestmark = pytest.mark.integration


def test_cache_round_trip_reuses_one_client_per_pool(db):
    cache = ReusedClientRedisCache(settings.TEST_REDIS_URL, {"KEY_PREFIX": "egide-test"})

    cache.set("clé", {"rôles": ["Référent·e DDFE"]}, 30)
    assert cache.get("clé") == {"rôles": ["Référent·e DDFE"]}
    cache.add("compteur", 1)
    assert cache.incr("compteur") == 2

    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client(write=False) is client  # a single server: one pool
    cache.delete_many(["clé", "compteur"])
