"""actors._kind tries only the kind words whose first run stands in the name: the same words
match as when every kind word is tried."""

from __future__ import annotations

import random

from eventledger.normalise import actors as A


def _matching(low: str, only_runs: bool) -> list[str]:
    kind_words = A._kind_words()
    if only_runs:
        by_run = A._kind_words_by_run()
        ids = sorted({i for run in A._RUN.findall(low) for i in by_run.get(run, ())})
    else:
        ids = list(range(len(kind_words)))
    return [kind_words[i][1] for i in ids if kind_words[i][2].search(low)]


def test_runs_find_every_matching_word() -> None:
    words = [w for _kind, w, _pattern in A._kind_words()]
    extra = ["x", "-", "'s", "the", "of", "(", ")", "anti", "pro-", "national"]
    rng = random.Random(3)
    for _ in range(3000):
        parts = [rng.choice(words + extra) for _ in range(rng.randint(1, 5))]
        low = rng.choice([" ", "", "-", "'", "/"]).join(parts)
        assert _matching(low, True) == _matching(low, False), low
