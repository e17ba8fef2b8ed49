"""Cache of the page tree's stable facts (site, routes, restrictions, module outlines).

Every entry's key contains one version number, bumped whenever a page, a view
restriction or a site changes (signals connected in core.apps). Bumping makes
every entry stale at once: simple and always correct, and pages change rarely
compared with how often they are read. Entries also expire after TIMEOUT.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

VERSION_KEY = "egide:pages:version"
TIMEOUT = 10 * 60
_MISSING = object()


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, None)
        current = cache.get(VERSION_KEY, 1)
    return current


def bump(**_signal_kwargs) -> None:
    """Invalidate every cached page fact (signal receiver)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def cached(name: str, key: Any, compute: Callable[[], Any]) -> Any:
    """Return the cached value of `compute()` for (name, key) at the current version.

    None results are cached too (wrapped), so a miss is not recomputed each time.
    """
    full_key = f"egide:pages:{version()}:{name}:{key}"
    hit = cache.get(full_key, _MISSING)
    if hit is not _MISSING:
        return hit[0]
    value = compute()
    cache.set(full_key, (value,), TIMEOUT)
    return value
