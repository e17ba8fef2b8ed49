"""A fixed-window request counter in the shared cache (Redis in production).

Used where allauth's rate limits do not apply (public pages open to enumeration).
"""

import time

from django.core.cache import cache


def allow(*, scope: str, key: str, limit: int, period: int) -> bool:
    """Count one hit for (scope, key); return False once `limit` is passed in this window."""
    window = int(time.time() // period)
    cache_key = f"egide:throttle:{scope}:{key}:{window}"
    # add() then incr(): atomic on Redis, so parallel requests are all counted.
    cache.add(cache_key, 0, period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, period + 1)
        count = 1
    return count <= limit
