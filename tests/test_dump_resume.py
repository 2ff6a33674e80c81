"""A real ``kill -9`` in the middle of a dump ingest, then ``resume``: the same ledger.

The ingest runs in a child process with a slow per-page function; the test waits until some
units are checkpointed, kills the process group with SIGKILL (workers included), resumes, and
compares every table with an uninterrupted run (wall-clock columns aside).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventledger.dump import ingest_dump
from eventledger.dump.multistream import lbzip2_path, write_multistream
from tests.test_dump import HEADER, synthetic_pages, table_dump

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from eventledger.dump import ingest_dump
    from eventledger.dump.probe import probe_page

    def slow_page(text, **kw):
        time.sleep(0.01)
        return probe_page(text, **kw)

    if __name__ == "__main__":
        ingest_dump(sys.argv[1], sys.argv[2], workers=2, progress=False, page_func=slow_page,
                    unit_bytes=1, resume=sys.argv[3] == "resume", filter="all",
                    write_units=1, decompressor=sys.argv[4])
    """
)


def checkpoints(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM dump_checkpoints").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
@pytest.mark.parametrize(
    "decompressor",
    [
        pytest.param(
            "lbzip2",
            marks=pytest.mark.skipif(lbzip2_path() is None, reason="lbzip2 is not on PATH"),
        ),
        "workers",
    ],
)
def test_kill_9_then_resume_gives_the_same_ledger(tmp_path: Path, decompressor: str) -> None:
    """Units (workers path) or segments (lbzip2 path) of one stream each: 30 checkpoints."""
    pages = synthetic_pages(600, every=3, fail=31)
    dump = tmp_path / "killwiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=20, level=1)  # 30 units
    script = tmp_path / "run_ingest.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    reference = tmp_path / "reference.sqlite"
    subprocess.run(
        [sys.executable, str(script), str(dump), str(reference), "fresh", decompressor],
        env=env,
        check=True,
    )

    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(dump), str(db), "fresh", decompressor],
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while checkpoints(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_at_kill = checkpoints(db)
    assert 5 <= done_at_kill < 30

    subprocess.run(
        [sys.executable, str(script), str(dump), str(db), "resume", decompressor],
        env=env,
        check=True,
    )
    assert table_dump(db) == table_dump(reference)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM dump_checkpoints").fetchone()[0] == 30
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 1


def test_resume_in_process_after_a_partial_run(tmp_path: Path) -> None:
    """Checkpoints from a run stopped by an exception are honoured by ``resume``."""
    from eventledger.dump.probe import probe_page

    pages = synthetic_pages(200, every=4)
    dump = tmp_path / "w-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=20, level=1)
    calls = {"n": 0}

    def flaky(text: str, **kw: object) -> list:
        calls["n"] += 1
        if calls["n"] == 30:
            raise KeyboardInterrupt
        return probe_page(text, **kw)  # type: ignore[arg-type]

    db, ref = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    with pytest.raises(KeyboardInterrupt):
        ingest_dump(dump, db, workers=1, progress=False, page_func=flaky, unit_bytes=1)
    s = ingest_dump(
        dump, db, workers=1, progress=False, page_func=probe_page, unit_bytes=1, resume=True
    )
    assert s.units_skipped > 0
    ingest_dump(dump, ref, workers=1, progress=False, page_func=probe_page, unit_bytes=1)
    assert table_dump(db) == table_dump(ref)
