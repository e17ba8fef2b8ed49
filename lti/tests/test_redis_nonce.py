"""The single-use nonce on the production cache (Redis), shared by every web process."""

import threading

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from accounts.tests.factories import UserFactory
from lti.protocol import ConsumingCacheDataStorage

from .helpers import launch, text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not getattr(settings, "TEST_REDIS_URL", ""), reason="REDIS_URL is not set (make test)"
    ),
]


@pytest.fixture
def redis_cache():
    redis = {
        "BACKEND": "core.cache.ReusedClientRedisCache",
        "LOCATION": settings.TEST_REDIS_URL,
        "KEY_PREFIX": "egide-test-lti",
    }
    with override_settings(CACHES={**settings.CACHES, "default": redis}):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_a_nonce_is_consumed_once_among_concurrent_requests(redis_cache):
    storage = ConsumingCacheDataStorage()
    storage._prepare_key = lambda key: key  # no request: keys as given
    redis_cache.set("lti1p3-nonce-abc", True, 60)
    results, start = [], threading.Barrier(8)

    def consume():
        start.wait()
        results.append(storage.consume("lti1p3-nonce-abc"))

    threads = [threading.Thread(target=consume) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False] * 7 + [True]


def test_a_replayed_launch_is_refused_with_redis(client, platform, module, redis_cache):
    UserFactory(email="camille@exemple.fr")
    first = launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})
    assert first.status_code == 302
    client.logout()

    form = first.launch_form
    replay = client.post(form["launch_url"], {"id_token": form["id_token"], "state": form["state"]})

    assert replay.status_code == 403
    assert "Ce lancement a déjà été utilisé" in text(replay)
