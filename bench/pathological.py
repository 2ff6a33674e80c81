"""How extraction time grows with pathological page content (a report, not a test).

Builds a small battle page (wikitext and a browser copy) whose casualty field, lead sentence
and a body paragraph each hold one adversarial run (long runs of spaces or tabs, thousands of
figures in one sentence, glued words, digit-comma chains …), times ``parse_text`` on the run at
N and at 4N characters in the same process, and prints the ratio: about 4 is linear growth,
about 16 quadratic. Runs that a pattern handles in quadratic time show up as ratios far above
4; those are the ones to fix (a page's parse is also capped in time by the reader, see
docs/wikitext.md, but extraction after it is not).

    python bench/pathological.py [N]      (default N = 10000)
"""

from __future__ import annotations

import sys
import time

from eventledger.pipeline import parse_text

WIKITEXT = (
    "{{Infobox military conflict\n| conflict = X\n| date = 1 May 1900\n| place = Paris\n"
    "| combatant1 = A\n| combatant2 = B\n| casualties1 = %s\n| casualties2 = 5 killed\n}}\n"
    "'''X''' was a battle. %s\n== Aftermath ==\n%s\n"
)
BROWSER = (
    "X\nFrom Wikipedia, the free encyclopedia\nDate1 May 1900\nLocationParis\nBelligerents\nA\n"
    "B\nCasualties and losses\n%s\n5 killed\n\nThe battle of X was fought between the armies of "
    "A and B near Paris, and it was long and hard for both of the armies.\n\nIt went on. %s\n\n"
    "%s\n"
)
RUNS = {
    "spaces": lambda n: " " * n + "x",
    "tabs": lambda n: "\t" * n + "12 killed",
    "digit commas": lambda n: "1," * (n // 2),
    "figures in one sentence": lambda n: "12 killed and " * (n // 14),
    "glued words": lambda n: "VoortrekkersZulu " * (n // 17),
    "brackets": lambda n: "(" * n,
    "comparisons": lambda n: "the deadliest since " * (n // 20),
    "convictions": lambda n: "guilty of murder " * (n // 17),
    "day labels": lambda n: "14 April: " * (n // 10),
    # session 8: breakdown lines, listed groups, a long list of groups on one line
    "of-whom lines": lambda n: "200 dead, of whom:\n50 killed in action\n" * (n // 40),
    "listed groups": lambda n: "12 soldiers, " * (n // 13) + "3 killed",
    "further lists": lambda n: "a further 20 Palestinians and " * (n // 30) + "5 were killed",
    # session 9: one-figure breakdown lines, second objects, estimates, numbered units
    "one-figure lines": lambda n: "5\n" * (n // 2),
    "second objects": lambda n: "killed 5 pupils and " * (n // 20) + "1 teacher",
    "put … at": lambda n: "put the dead at 126 and the wounded at 135, " * (n // 44),
    "numbered units": lambda n: "3rd Battalion, " * (n // 15) + "Korean Army",
    # session 18: machine names after a force ("… MiG-15 jet fighters"), shot down by
    "numbers after by": lambda n: (
        "It was carried out by Unit "
        + " ".join(str(1000000 + i) for i in range(n // 8))
        + " total."
    ),
    "shot down by": lambda n: (
        "The aircraft was shot down " + "near the town " * (n // 14) + "by X."
    ),
    # session 19: figures before a later-killed clause, a capitalised run far from a comma,
    # "N of the M", "and Navy" joins
    "figures before later killed": lambda n: (
        "2 people were killed in village X, " * (n // 35) + "and others were later killed."
    ),
    "runs without a comma": lambda n: "Mosul Baghdad and the town of Kirkuk near " * (n // 41),
    "some of all": lambda n: "Sixteen of the 19 people were killed and " * (n // 40),
    "and Navy joins": lambda n: "the Paraguayan Army" + " and Navy" * (n // 9),
}


def _time(text: str, fmt: str) -> float:
    t0 = time.perf_counter()
    try:
        parse_text(text, format=fmt, name="x.wiki" if fmt == "wikitext" else "x.txt")
    except Exception:  # noqa: BLE001 - a refused page is timed too
        pass
    return time.perf_counter() - t0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    _time(WIKITEXT % ("1", "1", "1"), "wikitext")  # load the place index before timing
    print(f"{'run':26} {'format':10} {'N s':>8} {'4N s':>8} {'ratio':>6}")
    for name, make in RUNS.items():
        for fmt, page in (("wikitext", WIKITEXT), ("browser", BROWSER)):
            kind = "wikitext" if fmt == "wikitext" else "plaintext"
            small = _time(page % ((make(n),) * 3), kind)
            large = _time(page % ((make(4 * n),) * 3), kind)
            ratio = large / small if small > 0 else float("inf")
            flag = "  <- superlinear" if ratio > 8 and large > 0.5 else ""
            print(f"{name:26} {fmt:10} {small:8.3f} {large:8.3f} {ratio:6.1f}{flag}", flush=True)


if __name__ == "__main__":
    main()
