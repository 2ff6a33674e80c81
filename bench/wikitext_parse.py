"""Benchmark: median per-article time of read_wikitext vs bare mwparserfromhell.parse.

Runs over the shared corpus (``../shared/corpus/wikitext/*.wiki`` from the repository root, or a
directory given as the first argument) in one process and prints both medians and their ratio.
If ``node`` and ``npm`` are available, installs ``wtf_wikipedia`` into a temporary directory
(bench time only, never at run time) and times its ``wtf(text)`` parse over the same files.

Usage: python bench/wikitext_parse.py [CORPUS_DIR] [--repeat N] [--no-wtf]
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import mwparserfromhell

from eventledger.read.wikitext import read_wikitext

WTF_SCRIPT = r"""
const wtf = require('wtf_wikipedia');
const fs = require('fs');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const repeat = Number(process.argv[2] || 3);
const out = [];
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    const doc = wtf(text);
    doc.sentences(); doc.infoboxes(); doc.references();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  out.push(times[Math.floor(times.length / 2)]);
}
console.log(JSON.stringify(out));
"""


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def wtf_times(files: list[Path], repeat: int) -> list[float] | None:
    if not (shutil.which("node") and shutil.which("npm")):
        print("wtf_wikipedia: node/npm not available, skipped")
        return None
    with tempfile.TemporaryDirectory(prefix="wtfbench") as tmp:
        r = subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "wtf_wikipedia"],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            print("wtf_wikipedia: npm install failed, skipped:", r.stderr.strip()[:200])
            return None
        script = Path(tmp) / "bench.js"
        script.write_text(WTF_SCRIPT)
        r = subprocess.run(
            ["node", str(script), str(repeat)],
            cwd=tmp,
            input=json.dumps([str(f) for f in files]),
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            print("wtf_wikipedia: run failed:", r.stderr.strip()[:200])
            return None
        return json.loads(r.stdout)


def corpus_args(argv: list[str]) -> tuple[list[Path], int]:
    """The ``.wiki`` files of CORPUS_DIR (default ../shared/corpus/wikitext) and ``--repeat N``."""
    repeat = 3
    if "--repeat" in argv:
        repeat = int(argv[argv.index("--repeat") + 1])
    args = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    root = Path(__file__).resolve().parents[1]
    corpus = Path(args[0]) if args else root.parent / "shared" / "corpus" / "wikitext"
    files = sorted(corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"no .wiki files in {corpus}")
    return files, repeat


def main(argv: list[str]) -> None:
    files, repeat = corpus_args(argv)
    ours, bare = [], []
    for f in files:
        text = f.read_text(encoding="utf-8")
        bare.append(best_of(lambda t=text: mwparserfromhell.parse(t), repeat))
        ours.append(best_of(lambda t=text, n=f.name: read_wikitext(t, n), repeat))
    m_ours, m_bare = statistics.median(ours), statistics.median(bare)
    print(
        f"{len(files)} articles, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, "
        f"median of {repeat} runs each"
    )
    print(f"mwparserfromhell.parse   median {m_bare:8.2f} ms/article")
    print(
        f"read_wikitext            median {m_ours:8.2f} ms/article  "
        f"ratio {m_ours / m_bare:.2f}x  (total {sum(ours) / 1000:.2f} s)"
    )
    ratios = sorted(o / b for o, b in zip(ours, bare, strict=True))
    print(
        f"per-article ratio        median {statistics.median(ratios):.2f}x, max {ratios[-1]:.2f}x"
    )
    if "--no-wtf" not in argv:
        wtf = wtf_times(files, repeat)
        if wtf:
            m_wtf = statistics.median(wtf)
            print(
                f"wtf_wikipedia (node)     median {m_wtf:8.2f} ms/article  "
                f"read_wikitext/wtf {m_ours / m_wtf:.2f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
