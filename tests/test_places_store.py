"""The gazetteer cache: an SQLite file written once, opened read-only by every process.

These tests swap in a small hand-made index (``_build`` patched) so that they run in
milliseconds and say exactly what is stored; the real index is exercised by every other
places test."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from pathlib import Path

import pytest

from eventledger.normalise import places

NAMES = {
    "hastings": [("city", "Hastings", "GB", 50.85, 0.58, 90000, "England", "East Sussex")],
    "paris": [
        ("city", "Paris", "FR", 48.85, 2.35, 2100000, "Île-de-France", "Paris"),
        ("city", "Paris", "US", 33.66, -95.55, 25000, "Texas", None),
    ],
    "ma'arrat": [("city", "Ma'arrat", "SY", 35.64, 36.67, 58000, None, None)],
}
GRID = {(50, 0): [(50.85, 0.58, "GB", "England", "Hastings", 90000)]}


@pytest.fixture
def small_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Module state saved and restored; `_build` returns the small index and counts its calls."""
    saved = (places._index, places._grid, places._arabic_map)
    calls: list[int] = []

    def build():
        calls.append(1)
        return {k: list(v) for k, v in NAMES.items()}, {k: list(v) for k, v in GRID.items()}

    monkeypatch.setattr(places, "_build", build)
    monkeypatch.setenv("EVENTLEDGER_CACHE", str(tmp_path / "cache"))
    places._index = places._grid = places._arabic_map = None
    places._countries_within.cache_clear()
    yield calls
    places._index, places._grid, places._arabic_map = saved
    places._countries_within.cache_clear()


def test_built_once_then_read_from_the_file(small_index: list[int]) -> None:
    index = places.load_index()
    path = places._cache_path()
    assert path.suffix == ".sqlite" and path.exists()
    assert isinstance(index, places._Table)
    assert small_index == [1]
    # a new process (here: the module state dropped) opens the file and builds nothing
    places._index = places._grid = places._arabic_map = None
    index = places.load_index()
    assert small_index == [1]
    assert index.get("paris") == NAMES["paris"]
    assert index["hastings"] == NAMES["hastings"]
    assert "hastings" in index and "nowhere" not in index
    assert index.get("nowhere") is None and index.get("nowhere", []) == []
    with pytest.raises(KeyError):
        index["nowhere"]
    assert sorted(index) == sorted(NAMES) and len(index) == len(NAMES)
    # each call hands out its own list: a caller that changes it changes nothing stored
    index.get("paris").append("x")
    assert index.get("paris") == NAMES["paris"]
    assert places._grid is not None and places._grid.get((50, 0)) == GRID[(50, 0)]
    assert places._grid.get((-90, -180), ()) == ()
    assert places.nearest_city(50.9, 0.6)[:3] == ("Hastings", "GB", "England")
    assert places._arabic_map is not None and places._arabic_map.get("marat")


def test_unwritable_cache_keeps_the_index_in_memory(
    small_index: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("EVENTLEDGER_CACHE", str(blocker / "cache"))
    index = places.load_index()
    assert isinstance(index, dict) and index["paris"] == NAMES["paris"]
    assert not list(tmp_path.glob("**/*.sqlite"))


def test_a_damaged_or_partial_cache_is_rebuilt(small_index: list[int]) -> None:
    path = places._cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    assert places.load_index().get("hastings") == NAMES["hastings"]
    assert small_index == [1]
    # a database without the version row (a write cut short) is no cache either
    places._index = places._grid = places._arabic_map = None
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB)")
    conn.commit()
    conn.close()
    assert places.load_index().get("paris") == NAMES["paris"]
    assert small_index == [1, 1]


def test_stale_caches_are_removed(small_index: list[int]) -> None:
    path = places._cache_path()
    path.parent.mkdir(parents=True)
    old_pickle = path.parent / "places-v6-gnc3.0.2-tabcdef01.pickle"
    recent_pickle = path.parent / "places-v6-gnc3.0.2-tabcdef02.pickle"
    old_sqlite = path.parent / "places-v7-gnc3.0.1-tabcdef01.sqlite"
    recent_sqlite = path.parent / "places-v7-gnc3.0.3-tabcdef01.sqlite"
    old_tmp = path.parent / "places-v7-gnc3.0.3-tabcdef01.sqlite.123.456.tmp"
    fresh_tmp = path.parent / "places-v7-gnc3.0.3-tabcdef01.sqlite.789.012.tmp"
    unrelated = path.parent / "notes.txt"
    for p in (old_pickle, recent_pickle, old_sqlite, recent_sqlite, old_tmp, fresh_tmp, unrelated):
        p.write_bytes(b"x")
    month_ago = time.time() - 40 * 86400
    for p in (old_pickle, old_sqlite, old_tmp, unrelated):
        os.utime(p, (month_ago, month_ago))
    places.load_index()
    # another installed version may still use a recent cache, and a build may be running
    for kept in (path, recent_pickle, recent_sqlite, fresh_tmp, unrelated):
        assert kept.exists(), kept
    for gone in (old_pickle, old_sqlite, old_tmp):
        assert not gone.exists(), gone


def test_a_cache_damaged_inside_is_rebuilt_on_first_use(small_index: list[int]) -> None:
    places.load_index()
    path = places._cache_path()
    data = bytearray(path.read_bytes())
    # the version row (read when the file is opened) stays readable; pages after it do not
    third = len(data) // 3
    damaged = bytes(data[:third]) + b"\xff" * third + bytes(data[2 * third :])
    places._index = places._grid = places._arabic_map = None
    path.write_bytes(damaged)
    index = places.load_index()
    assert isinstance(index, places._Table)
    assert index.get("paris") == NAMES["paris"] and index.get("hastings") == NAMES["hastings"]
    assert places._grid is not None and places._grid.get((50, 0)) == GRID[(50, 0)]
    assert small_index == [1, 1]


def _flaky(store: places._Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the store's next read fail as a damaged page does."""
    failed: list[int] = []
    query = store._query

    def once(table: str, key: str | int) -> bytes | None:
        if not failed and store._memory is None:
            failed.append(1)
            raise sqlite3.DatabaseError("database disk image is malformed")
        return query(table, key)

    monkeypatch.setattr(store, "_query", once)
    return failed


def test_a_page_found_damaged_is_rebuilt_and_read_again(
    small_index: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    index = places.load_index()
    failed = _flaky(index._store, monkeypatch)  # type: ignore[attr-defined]
    assert index.get("hastings") == NAMES["hastings"]
    assert failed == [1] and small_index == [1, 1]  # rebuilt once, and answered
    assert index.get("paris") == NAMES["paris"]


def test_a_damaged_cache_that_cannot_be_rewritten_is_answered_from_memory(
    small_index: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    index = places.load_index()
    failed = _flaky(index._store, monkeypatch)  # type: ignore[attr-defined]

    def unwritable(*args: object) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(places, "_write_store", unwritable)
    assert index.get("hastings") == NAMES["hastings"]
    assert failed == [1] and index._store._memory is not None  # type: ignore[attr-defined]
    assert places._grid is not None and places._grid.get((50, 0)) == GRID[(50, 0)]


def _child_lookup(queue: multiprocessing.Queue) -> None:
    index = places.load_index()
    queue.put((index.get("paris"), places.nearest_city(50.9, 0.6)))


def _fork_child(queue: multiprocessing.Queue) -> None:
    queue.put(places.load_index().get("paris"))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_fork_while_another_thread_looks_up(small_index: list[int]) -> None:
    """A child forked while a thread of the parent holds the store's lock gets its own lock."""
    import threading

    index = places.load_index()
    store = index._store  # type: ignore[attr-defined]
    ctx = multiprocessing.get_context("fork")
    for _ in range(3):
        with store._lock:  # another thread's look-up, caught in the middle by the fork
            queue = ctx.Queue()
            child = ctx.Process(target=_fork_child, args=(queue,))
            child.start()
        got = queue.get(timeout=60)
        child.join(60)
        assert child.exitcode == 0 and got == NAMES["paris"]
    with places._lock:  # the same for the lock of the first load
        queue = ctx.Queue()
        child = ctx.Process(target=_fork_child, args=(queue,))
        child.start()
    assert queue.get(timeout=60) == NAMES["paris"]
    child.join(60)
    assert threading.active_count() >= 1


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_forked_worker_opens_its_own_connection(small_index: list[int]) -> None:
    index = places.load_index()
    assert index.get("hastings") == NAMES["hastings"]  # the parent's connection is in use
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child_lookup, args=(queue,))
    child.start()
    got = queue.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0
    assert got[0] == NAMES["paris"] and got[1][:2] == ("Hastings", "GB")
    assert small_index == [1]  # the child built nothing
    assert index.get("paris") == NAMES["paris"]  # and the parent's connection still works
