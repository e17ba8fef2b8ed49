"""Cache of the page tree's stable facts (site, routes, restrictions, module outlines).

Every entry's key contains one version number, bumped whenever a page, a view
restriction or a site changes (signals connected in core.apps). Bumping makes
every entry stale at once: simple and always correct, and pages change rarely
compared with how often they are read. Entries also expire after TIMEOUT.

Two levels, because a lesson page reads half a dozen entries and each Redis round
trip costs about 0.2 ms of CPU on both sides:
- the shared cache (Redis in production) holds the version and the entries, so
  every process sees a bump at once;
- each process keeps the version for the current request only (read once, at the
  first entry; `request_started` forgets it, and so does a one-second age limit
  for code outside requests such as Celery tasks), and a bounded copy of the
  entries it read, as pickled bytes keyed by version, so each read returns a fresh
  object exactly as the shared cache would.
"""

import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

VERSION_KEY = "egide:pages:version"
TIMEOUT = 10 * 60
# A budget in bytes rather than entries: a site's pages, routes and lesson bodies
# must all fit, or a reader cycling through more of them than the budget (a
# class going through a module) would miss every time (LRU's worst case).
LOCAL_BYTES = 64 * 1024 * 1024
VERSION_MAX_AGE = 1.0  # seconds a process trusts its copy of the version outside requests
_MISSING = object()

_local = threading.local()
_entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
_entries_lock = threading.Lock()
_local_bytes = 0


def forget_version(**_signal_kwargs) -> None:
    """Read the version again at the next entry (connected to `request_started`)."""
    _local.version = None


def clear_local() -> None:
    """Drop this process's copies (tests clear the shared cache between tests)."""
    global _local_bytes
    forget_version()
    with _entries_lock:
        _entries.clear()
        _local_bytes = 0


def version() -> int:
    memo = getattr(_local, "version", None)
    if memo is not None and time.monotonic() - memo[1] < VERSION_MAX_AGE:
        return memo[0]
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, None)
        current = cache.get(VERSION_KEY, 1)
    _local.version = (current, time.monotonic())
    return current


def bump(**_signal_kwargs) -> None:
    """Invalidate every cached page fact (signal receiver)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    forget_version()


def _local_get(key: str):
    global _local_bytes
    with _entries_lock:
        entry = _entries.get(key)
        if entry is None:
            return _MISSING
        if entry[0] < time.monotonic():  # expires with the shared copy
            del _entries[key]
            _local_bytes -= len(entry[1])
            return _MISSING
        _entries.move_to_end(key)
    return pickle.loads(entry[1])  # noqa: S301 - bytes this process pickled itself


def _local_set(key: str, value) -> None:
    global _local_bytes
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    with _entries_lock:
        previous = _entries.pop(key, None)
        if previous is not None:
            _local_bytes -= len(previous[1])
        _entries[key] = (time.monotonic() + TIMEOUT, data)
        _local_bytes += len(data)
        while _local_bytes > LOCAL_BYTES and len(_entries) > 1:
            _old_key, (_expiry, old) = _entries.popitem(last=False)
            _local_bytes -= len(old)


def cached(name: str, key: Any, compute: Callable[[], Any]) -> Any:
    """Return the cached value of `compute()` for (name, key) at the current version.

    None results are cached too (wrapped), so a miss is not recomputed each time.
    """
    full_key = f"egide:pages:{version()}:{name}:{key}"
    hit = _local_get(full_key)
    if hit is not _MISSING:
        return hit[0]
    hit = cache.get(full_key, _MISSING)
    if hit is not _MISSING:
        _local_set(full_key, hit)
        return hit[0]
    value = compute()
    cache.set(full_key, (value,), TIMEOUT)
    _local_set(full_key, (value,))
    return value
