"""The per-process copy of the page cache: fresh objects, bounded in bytes, bumped at once."""

from core import page_cache


def test_each_read_returns_a_fresh_copy():
    first = page_cache.cached("test", 1, lambda: {"title": "Leçon"})
    first["title"] = "modifié"

    assert page_cache.cached("test", 1, lambda: {"title": "autre"}) == {"title": "Leçon"}


def test_a_bump_makes_every_entry_stale():
    page_cache.cached("test", 1, lambda: "avant")
    page_cache.bump()

    assert page_cache.cached("test", 1, lambda: "après") == "après"


def test_the_local_copy_stays_within_its_byte_budget(monkeypatch):
    monkeypatch.setattr(page_cache, "LOCAL_BYTES", 10_000)
    for number in range(50):
        page_cache.cached("body", number, lambda: "x" * 1_000)

    assert page_cache._local_bytes <= 10_000
    assert len(page_cache._entries) < 50
    # Evicted entries come back from the shared cache, unchanged.
    assert page_cache.cached("body", 0, lambda: "recomputed") == "x" * 1_000
