"""Benchmark: median per-article time of full extraction against bare parsers, same run, same pages.

Times, for every ``.wiki`` file of the shared corpus (``../shared/corpus/wikitext`` from the
repository root, or the directory given as the first argument):

(a) bare ``mwparserfromhell.parse`` (the tokenizer + tree builder, nothing read),
(b) ``read_wikitext`` only (the Document: sentences, references, infobox fields, spans),
(c) full extraction: ``read_wikitext`` + ``pipeline.document_records`` (statements, figures,
    places, references, checks, span verification): what the CLI and the dump runner do,
(d) wtf_wikipedia's parse (``wtf(text)`` + sentences/infoboxes/references) under Node, when
    ``node`` and ``npm`` exist: installed into a temporary directory at bench time only.

Each figure is the median over articles of the per-article median of ``--repeat`` runs. One
untimed extraction runs first (the place index loads once per process, ~1 s). The machine is
shared, so compare figures only within one run.

Usage: python bench/extract_corpus.py [CORPUS_DIR] [--repeat N] [--no-wtf]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import mwparserfromhell

from eventledger.pipeline import document_records
from eventledger.read.wikitext import read_wikitext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wikitext_parse import corpus_args, wtf_times  # noqa: E402


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(text: str, name: str, repeat: int) -> tuple[float, float, float]:
    """Per-article medians (ms) of bare parse, read only, and read + records."""
    a, b, c = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        mwparserfromhell.parse(text)
        t1 = time.perf_counter()
        doc = read_wikitext(text, name)
        t2 = time.perf_counter()
        document_records(doc)
        t3 = time.perf_counter()
        a.append(t1 - t0)
        b.append(t2 - t1)
        c.append(t3 - t1)
    return _median_ms(a), _median_ms(b), _median_ms(c)


def main(argv: list[str]) -> None:
    files, repeat = corpus_args(argv)
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    document_records(read_wikitext(texts[0][1], texts[0][0]))  # warm-up: place index, regexes
    if "--gc-freeze" in argv:
        import gc

        gc.freeze()  # what the dump workers do after their warm-up
    rows = [measure(text, name, repeat) for name, text in texts]
    bare = statistics.median(r[0] for r in rows)
    read = statistics.median(r[1] for r in rows)
    full = statistics.median(r[2] for r in rows)
    size = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    print(f"{len(files)} articles, {size:.1f} MB, per-article median of {repeat} runs")
    print(f"(a) mwparserfromhell.parse      median {bare:8.2f} ms/article")
    print(f"(b) read_wikitext               median {read:8.2f} ms/article  b/a {read / bare:.2f}x")
    print(f"(c) full extraction (read+recs) median {full:8.2f} ms/article  c/a {full / bare:.2f}x")
    print(f"    total full extraction {sum(r[2] for r in rows) / 1000:.2f} s")
    per = sorted(r[2] / r[0] for r in rows)
    print(f"    per-article c/a: median {statistics.median(per):.2f}x, max {per[-1]:.2f}x")
    if "--no-wtf" not in argv:
        wtf = wtf_times(files, repeat)
        if wtf:
            m_wtf = statistics.median(wtf)
            print(
                f"(d) wtf_wikipedia parse (node)  median {m_wtf:8.2f} ms/article  c/d {full / m_wtf:.2f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
