"""The reader's fast paths compute exactly what the slow, obvious code computes.

* The tree builder's lengths (:func:`_nlen` / :func:`_clen`) are ``len(str(x))`` for every
  node, template parameter and :class:`Wikicode` of every corpus page, and :func:`_blank` is
  ``not str(code).strip()`` for every :class:`Wikicode`.
* ``_Out.add`` and ``_Walker._add_literal`` collapse whitespace and map characters exactly as a
  plain per-character loop does (the reference below), with or without the fast path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from eventledger.read.wikitext import (
    _blank,
    _clen,
    _nlen,
    _offsets,
    _Out,
    _Seg,
    _Walker,
    build_tree,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = sorted((CORPUS / "wikitext").glob("*.wiki")) + sorted(
    p for p in (CORPUS / "infobox_snippets").rglob("*") if p.is_file() and p.suffix != ".json"
)


def _all_nodes(code: Wikicode) -> Iterator[Any]:
    """Every node and template parameter under *code*."""
    for node in code.nodes:
        yield node
        for child in node.__children__():
            yield from _all_nodes(child)
        if isinstance(node, Template):
            yield from node.params


def _all_codes(code: Wikicode) -> Iterator[Wikicode]:
    """*code* and every :class:`Wikicode` under it, template parameters' names included."""
    yield code
    for node in code.nodes:
        for child in node.__children__():
            yield from _all_codes(child)
        if isinstance(node, Template):
            for p in node.params:
                yield from _all_codes(p.name)


def _check_lengths(text: str, skip_style_tags: bool) -> None:
    lens: dict[int, int] = {}
    code = build_tree(text, skip_style_tags=skip_style_tags, lengths=lens)
    assert _clen(code, lens) == len(text)
    bad = [str(n)[:60] for n in _all_nodes(code) if _nlen(n, lens) != len(str(n))]
    bad += [str(c)[:60] for c in _all_codes(code) if _clen(c, lens) != len(str(c))]
    bad += [str(c)[:60] for c in _all_codes(code) if _blank(c) != (not str(c).strip())]
    assert bad == []


@pytest.mark.skipif(not PAGES, reason="shared corpus not available")
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_lengths_match_str(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\x00", "")
    _check_lengths(text, skip_style_tags=False)


@pytest.mark.parametrize("skip_style_tags", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Tea with the Emperor",
        "<b>bold</b> and <i>x</i>",  # tags the tokenizer parses
        "{{cite web|title=T|url=http://x.org}} ''it'' '''b'''",
        "[[a|b]] [[c]] [http://x y] [http://z] &nbsp;&#160;&#x1F600;",
        "== H ==\ntext <!-- c --> more\n* item\n: dd",
        '<ref name="a" group=n>x</ref><ref name=a/><br/><br>',
        "<span style=\"color:red\" class='x' data-y=z>t</span></br><hr />",
        "{{{arg|def}}} {{{a|b|c}}} {{ x | a = 1 | 2 }} {{y|k=v=w}}",
        "{| class=wikitable\n|-\n! h !! h2\n|-\n| a || b\n|}",
        "[[File:X.jpg|thumb|caption [[inner]]]] [[a|b|c]] [http://e.org]x",
        "''unclosed {{unclosed|x=[[y <!-- unclosed",
        "<ref> </ref><ref>\n<!-- c -->\n</ref><ref>&nbsp;</ref><ref>\n* a\n</ref>",
    ],
)
def test_lengths_small(text: str, skip_style_tags: bool) -> None:
    _check_lengths(text, skip_style_tags)


def _reference_add(seg_chars, starts, ends, text, s, e, literal):
    """The per-character rule: whitespace runs become one space, none at a segment's start."""
    for i, ch in enumerate(text):
        if ch.isspace():
            if not seg_chars or seg_chars[-1] == " ":
                continue
            ch = " "
        seg_chars.append(ch)
        starts.append(s + i if literal else s)
        ends.append(s + i + 1 if literal else e)


def _per_character(seg: _Seg | None) -> tuple[list[str], list[int], list[int], list[Any]]:
    """The segment's characters, each one's input start and end, and each one's outer span
    (read from its map of runs)."""
    if seg is None:
        return [], [], [], []
    n = len(seg.chars)
    starts, ends, _outer = _offsets(seg, 0, n)
    return seg.chars, list(starts), list(ends), [_offsets(seg, i, i + 1)[2] for i in range(n)]


def _reference_chars(text: str) -> list[str]:
    chars: list[str] = []
    _reference_add(chars, [], [], text, 0, len(text), True)
    return chars


TEXTS = [
    ("", ""),
    ("plain words here", ""),
    (" leading space", ""),
    (" leading space", "x"),
    (" leading space", "x "),
    ("trailing ", ""),
    ("two  spaces", ""),
    ("tab\there", ""),
    ("new\nline", "y"),
    ("\u00a0nbsp start", ""),
    ("mid\u00a0nbsp", ""),
    (" ", ""),
    (" ", "z"),
    ("\u200bzero width", ""),
    ("a  b \t c\n\nd", "x"),
    ("  lead  and trail  ", ""),
    ("  lead", "y "),
    (" \u00a0 \u200b  z", "w"),
    ("one. \u00a0Two.  Three", ""),
]


@pytest.mark.parametrize("literal", [True, False])
@pytest.mark.parametrize(("text", "before"), TEXTS)
def test_out_add_matches_reference(text: str, before: str, literal: bool) -> None:
    out = _Out(_Walker(before + text))
    if before:
        out.add(before, 0, len(before), (0, len(before)), literal=True)
    s, e = len(before), len(before) + len(text)
    out.add(text, s, e, (s, e), literal=literal)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    _reference_add(chars, starts, ends, before, 0, len(before), True)
    _reference_add(chars, starts, ends, text, s, e, literal)
    got_chars, got_starts, got_ends, got_outers = _per_character(out.cur)
    assert (got_chars, got_starts, got_ends) == (chars, starts, ends)
    kept_before = len(_reference_chars(before))
    assert got_outers == [(0, len(before))] * kept_before + [(s, e)] * (len(chars) - kept_before)


@pytest.mark.parametrize(("text", "before"), TEXTS)
def test_add_literal_matches_reference(text: str, before: str) -> None:
    out = _Out(_Walker(before + text))
    _Walker._add_literal(out, before, 0)
    _Walker._add_literal(out, text, len(before))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    _reference_add(chars, starts, ends, before, 0, len(before), True)
    _reference_add(chars, starts, ends, text, len(before), len(before) + len(text), True)
    assert _per_character(out.cur) == (chars, starts, ends, list(zip(starts, ends, strict=True)))


@pytest.mark.parametrize(
    ("wikitext", "params"),
    [
        (
            "<ref>{{cite web|title= A\u00a0 b\n c |url=http://x|date=  |last=__X__ y"
            "|first=<b>B</b>}}</ref>",
            {"title": "A b c", "url": "http://x", "last": "__X__ y", "first": "B"},
        ),
        (
            "X.<ref>{{cite book |title=\tT\u2003t \u200b|year=1999|publisher= P__Q }}</ref>",
            {"title": "T t \u200b", "year": "1999", "publisher": "P__Q"},
        ),
        (
            "<ref>{{cite news|title=A<!-- c -->B|work=[[W]] x}}</ref>",
            {"title": "AB", "work": "W x"},
        ),
    ],
)
def test_cite_params_plain_and_walked(wikitext: str, params: dict[str, str]) -> None:
    """Plain-text values (split/join) and marked-up values (walked) render alike."""
    from eventledger.read.wikitext import read_wikitext

    assert [r.params for r in read_wikitext(wikitext, "x.wiki").references] == [params]


@pytest.mark.parametrize(
    ("chunk", "want"),
    [
        ("<ref>''a</ref>", "<ref>  a</ref>"),
        ("<ref>'''''a</ref>", "<ref>     a</ref>"),  # a run of five opens both
        (
            "<ref>''a'' '''b</ref>x<REF name=n>'''c</ref >",
            "<ref>''a''    b</ref>x<REF name=n>   c</ref >",
        ),
        ("<ref name=x/>''a<ref>b</ref>", "<ref name=x/>''a<ref>b</ref>"),  # outside a footnote
        ("<ref>''a</ref>''b''<ref>c''</ref>", "<ref>  a</ref>''b''<ref>c  </ref>"),
        ("<ref>''a <b>''x''</b></ref>", "<ref>''a <b>''x  </b></ref>"),  # the third opens
    ],
)
def test_balance_ref_quotes(chunk: str, want: str) -> None:
    from eventledger.read.wikitext import _balance_ref_quotes

    assert _balance_ref_quotes(chunk) == want
