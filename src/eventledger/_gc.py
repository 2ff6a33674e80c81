"""Pausing the cyclic garbage collector around one page's extraction.

Reading a page allocates hundreds of thousands of short-lived objects (the parse tree, the
per-character maps of plain text), almost none of them in reference cycles: they are freed by
reference counting as soon as the page is done. The cyclic collector still runs every few
hundred allocations and scans all young objects each time, which cost 12–20 % of extraction
time (bench/extract_corpus.py). The collector is paused while a page is read and turned into
records, and resumed afterwards; whatever cycles the page left are collected by the next
ordinary collection. Mercurial does the same around its hot loops (``util.nogc``).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Run *fn* with the cyclic collector paused (a no-op when it is already paused).

    Only the call that paused the collector resumes it, so nested and concurrent calls end
    with the collector in the state it was before.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
