"""Benchmark: dump ingest throughput against the decompression floor.

Builds a multistream dump of at least ``--mb`` MB of XML (default 200) in a temporary folder:
the corpus event articles (``../shared/corpus/wikitext``) mixed with the non-event pages of
the corpus dumps (``../shared/corpus/dumps``), repeated and renamed, with about ``--event-share``
of the pages being events (a whole English Wikipedia has well under 1 %). Then, in the same
run, it times

(a) the decompression floor: ``lbzip2 -d -n <cores>`` to /dev/null (installed with apt-get
    when missing; the fastest available decompressor is named in the output), and
(b) ``ingest_dump`` of the same file into a fresh ledger, in a child process,

and prints MB/s of XML for both, the ratio b/a (goal: >= 0.9), the CPU seconds (user + system,
children included: on a machine shared with other jobs the wall-clock ratio moves with the load,
the CPU figures much less) and the peak memory (max RSS) of each. ``--page-func probe`` times
the dump machinery alone, ``pipeline`` the real per-page extraction on every candidate; ``both``
(the default) times both against the same floor. It also prints the event share: pages and
bytes of XML that are event articles.

Usage::

    /work/venv/bin/python bench/dump_scan.py [--mb 200] [--workers N] [--page-func both]
        [--decompressor auto|lbzip2|workers]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from eventledger.dump.multistream import write_multistream  # noqa: E402
from eventledger.dump.prefilter import Prefilter  # noqa: E402
from eventledger.read.xmldump import open_dump, parse_page  # noqa: E402

HEADER = (
    b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
    b"  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>enwiki</dbname>\n"
    b"    <base>https://en.wikipedia.org/wiki/Main_Page</base>\n  </siteinfo>\n"
)


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def page(title: str, ns: int, pid: int, text: str, redirect: str | None) -> bytes:
    red = f'    <redirect title="{esc(redirect)}" />\n' if redirect else ""
    return (
        f"  <page>\n    <title>{esc(title)}</title>\n    <ns>{ns}</ns>\n    <id>{pid}</id>\n{red}"
        f"    <revision>\n      <id>{pid * 7}</id>\n      <timestamp>2016-10-01T00:00:00Z"
        f'</timestamp>\n      <text xml:space="preserve">{esc(text)}</text>\n    </revision>\n'
        f"  </page>\n"
    ).encode()


def sources() -> tuple[list[tuple[str, str]], list[tuple[str, int, str, str | None]]]:
    events = [
        (f.stem.replace("_", " "), f.read_text(encoding="utf-8"))
        for f in sorted((SHARED / "corpus" / "wikitext").glob("*.wiki"))
    ]
    others = []
    for f in sorted((SHARED / "corpus" / "dumps").glob("*.bz2")):
        _info, raws = open_dump(f)
        for _o, raw in raws:
            p = parse_page(raw)
            if Prefilter("infobox")(raw):
                continue  # the event share is set by --event-share only
            others.append((p.title, p.ns, p.text, p.redirect))
    return events, others


def build(out: Path, mb: int, event_share: float, seed: int = 1) -> tuple[int, int, int, int]:
    """Write the dump; return (XML bytes, pages, event pages, XML bytes of event pages)."""
    events, others = sources()
    rnd = random.Random(seed)
    target = mb * 1_000_000
    size = 0
    n = 0
    nevents = 0
    event_bytes = 0

    def gen():
        nonlocal size, n, nevents, event_bytes
        copy = 0
        while size < target:
            copy += 1
            for title, ns, text, redirect in others:
                n += 1
                if rnd.random() < event_share:
                    et, etext = events[rnd.randrange(len(events))]
                    raw = page(f"{et} (copy {copy}-{n})", 0, n, etext, None)
                    nevents += 1
                    event_bytes += len(raw)
                else:
                    raw = page(f"{title} (copy {copy})", ns, n, text, redirect)
                size += len(raw)
                yield str(n), title, raw
                if size >= target:
                    return

    write_multistream(out, HEADER, gen(), pages_per_stream=100, level=9)
    return size, n, nevents, event_bytes


def ensure_lbzip2() -> str | None:
    path = shutil.which("lbzip2")
    if path:
        return path
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "update"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "lbzip2"], check=False, capture_output=True)
    return shutil.which("lbzip2")


def floor(path: Path, cores: int) -> tuple[str, float, int, float]:
    """Time the fastest decompression to /dev/null; return (tool, seconds, max RSS KiB, CPU s)."""
    lb = ensure_lbzip2()
    if lb:
        cmd = [lb, "-d", "-c", "-n", str(cores), str(path)]
        tool = f"lbzip2 -d -n {cores}"
    else:
        cmd = ["bzip2", "-d", "-c", str(path)]
        tool = "bzip2 -d (lbzip2 unavailable)"
    t = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null)
        _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own usage, not all children's
        proc.returncode = os.waitstatus_to_exitcode(status)
    dt = time.perf_counter() - t
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return tool, dt, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


INGEST = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
from eventledger.dump import ingest_dump
from eventledger.dump.probe import probe_page
func = probe_page if {probe!r} == "probe" else None
t = time.perf_counter()
s = ingest_dump({path!r}, {db!r}, workers={workers}, progress=False, page_func=func,
                decompressor={decompressor!r})
dt = time.perf_counter() - t
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps({{"seconds": dt, "rss_parent": me.ru_maxrss, "rss_worker": kids.ru_maxrss,
                  "cpu": cpu, "summary": s.as_dict()}}))
"""


def ingest(path: Path, db: Path, workers: int, page_func: str, decompressor: str) -> dict:
    code = INGEST.format(
        src=str(ROOT / "src"),
        probe=page_func,
        path=str(path),
        db=str(db),
        workers=workers,
        decompressor=decompressor,
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=int, default=200, help="MB of XML to build (default 200)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--event-share", type=float, default=0.01)
    ap.add_argument("--page-func", choices=["both", "pipeline", "probe"], default="both")
    ap.add_argument("--decompressor", choices=["auto", "lbzip2", "workers"], default="auto")
    ap.add_argument("--repeat", type=int, default=2, help="runs of (a) and (b); best is kept")
    ap.add_argument("--keep", action="store_true", help="keep the built dump in the temp folder")
    ap.add_argument("--dump", type=Path, help="use this dump (built by --keep) instead of building")
    ap.add_argument("--build-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_only:
        print(json.dumps(build(args.build_only, args.mb, args.event_share)))
        return
    cores = os.cpu_count() or 1
    funcs = ["probe", "pipeline"] if args.page_func == "both" else [args.page_func]
    tmp = Path(tempfile.mkdtemp(prefix="eventledger-bench-"))
    try:
        if args.dump:
            dump = args.dump
        else:
            dump = tmp / "benchwiki-multistream.xml.bz2"
            t = time.perf_counter()
            # built in a child process: the corpus held in memory here would show in the peak
            # RSS of every process forked from this one (max RSS survives exec)
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--build-only",
                    str(dump),
                    "--mb",
                    str(args.mb),
                    "--event-share",
                    str(args.event_share),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            xml_bytes, pages, events, event_bytes = json.loads(out.strip().splitlines()[-1])
            print(
                f"built {dump.name}: {xml_bytes / 1e6:.1f} MB XML, {pages} pages, "
                f"{dump.stat().st_size / 1e6:.1f} MB bz2 in {time.perf_counter() - t:.0f} s"
            )
            print(
                f"event share: {events} of {pages} pages ({100 * events / pages:.2f} %), "
                f"{event_bytes / 1e6:.1f} MB of {xml_bytes / 1e6:.1f} MB XML "
                f"({100 * event_bytes / xml_bytes:.1f} %) (--event-share {args.event_share})"
            )
        ta = float("inf")
        cpu_a = 0.0
        best: dict[str, dict] = {}
        for n in range(args.repeat):  # interleaved, so that a busy machine hurts all alike
            tool, t_a, rss_a, c_a = floor(dump, cores)
            if t_a < ta:
                ta, cpu_a = t_a, c_a
            line = f"  run {n + 1}: (a) {t_a:.2f} s"
            for func in funcs:
                r = ingest(
                    dump, tmp / f"ledger-{func}-{n}.sqlite", args.workers, func, args.decompressor
                )
                if func not in best or r["seconds"] < best[func]["seconds"]:
                    best[func] = r
                line += f"  (b {func}) {r['seconds']:.2f} s"
            print(line, flush=True)
        s0 = next(iter(best.values()))["summary"]
        mb = s0["xml_bytes"] / 1e6
        print(
            f"(a) floor: {tool}: {ta:.2f} s, {mb / ta:.1f} MB/s, CPU {cpu_a:.2f} s, "
            f"peak RSS {rss_a / 1024:.0f} MiB"
        )
        for func, res in best.items():
            s, tb = res["summary"], res["seconds"]
            print(
                f"(b) ingest ({func}, {args.workers} workers, {s['decompressor']}, "
                f"{s['plan']}): {tb:.2f} s, {mb / tb:.1f} MB/s, CPU {res['cpu']:.2f} s, "
                f"pages {s['pages']}, candidates {s['candidates']}, events {s['events']}, "
                f"failures {len(s['failures'])}, peak RSS parent "
                f"{res['rss_parent'] / 1024:.0f} MiB, largest worker "
                f"{res['rss_worker'] / 1024:.0f} MiB"
            )
            print(f"    ratio b/a (throughput, {func}): {ta / tb:.2f}  (goal >= 0.9)")
        print(f"load average after the runs: {os.getloadavg()[0]:.1f} on {cores} cores")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")


if __name__ == "__main__":
    main()
