"""Explanatory notes: footnotes that explain rather than cite.

A page's footnotes in a group (``{{efn|…}}``, ``<ref group="note">…</ref>``,
``{{refn|group=…|…}}``) are usually explanatory notes ("The date is disputed."), listed under
*Notes*, apart from the citations under *References*. A note is no source: a sentence whose only
marker is a note is not sourced by it. A note that itself cites (``{{efn|Disputed.{{sfn|Smith|
1990|p=3}}}}``, ``{{efn|… <ref>{{cite web …}}</ref>}}``) supports its sentence through those inner
citations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from eventledger.extract.references import _DOI, _ISBN, _SHORT, _SHORT_NO_YEAR

__all__ = ["is_note", "note_citations"]

#: templates that are themselves a citation (full or short)
_CITATION_TEMPLATE = re.compile(r"(?:cite\b|citation\b|sfn|harv|r$)", re.I)
#: templates that neither cite nor explain (a page number after a citation, a maintenance tag)
_NEUTRAL_TEMPLATE = re.compile(r"(?:rp|page needed|pages needed|dead link|cbignore|nbsp)$", re.I)
_NOTE_WRAPPER = re.compile(r"(?:efn|refn)\b", re.I)
_REF_ELEMENT = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>", re.I | re.S)
_REF_TAGS = re.compile(r"<ref\b[^>]*>|</ref\s*>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: words that only lead into a citation ("See", "e.g.", "cf.", "p. 5")
_GLUE = re.compile(r"\b(?:see|also|e\.g|cf|and|in|pp?|vol|ibid|quoted)\b\.?", re.I)
_REF_NAME = re.compile(r"""<ref\s+[^>]*?name\s*=\s*["']?([^"'/>]+?)["']?\s*/?>""", re.I)


#: The markup that nests (``{{``/``}}``, and ``[[``/``]]`` for :func:`_split_top`) and the
#: ``|`` that splits: scanned with one search instead of a loop over every character.
_BRACES = re.compile(r"\{\{|\}\}")
_NESTING = re.compile(r"\{\{|\[\[|\}\}|\]\]|\|")


def _templates(text: str) -> list[tuple[int, int]]:
    """Top-level ``{{…}}`` spans of *text* (balanced braces)."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _BRACES.finditer(text):
        if m.group() == "{{":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((start, m.end()))
    return out


def _split_top(text: str) -> list[str]:
    """Split a template's inside at the ``|`` that are not inside nested templates or links."""
    parts: list[str] = []
    depth = 0
    cur = 0
    for m in _NESTING.finditer(text):
        tok = m.group()
        if tok == "|":
            if depth == 0:
                parts.append(text[cur : m.start()])
                cur = m.end()
        elif tok in ("{{", "[["):
            depth += 1
        elif depth:
            depth -= 1
    parts.append(text[cur:])
    return parts


def _body(text: str) -> str:
    """The content of a footnote's markup: inside ``<ref …>…</ref>`` or the text parameter of
    ``{{efn|…}}`` / ``{{refn|…}}``."""
    t = text.strip()
    if t.startswith("{{") and t.endswith("}}"):
        parts = _split_top(t[2:-2])
        if parts and _NOTE_WRAPPER.match(parts[0].strip()):
            for p in parts[1:]:
                name, eq, value = p.partition("=")
                if not eq or name.strip() == "1":
                    return value if eq else p
                if "{{" in name or "<" in name:  # an "=" inside the text itself
                    return p
            return ""
    m = re.match(r"<ref\b[^>]*>(.*)</ref\s*>$", t, re.I | re.S)
    return m.group(1) if m else t


def is_note(text: str, group: str | None, bibliography: bool = False) -> bool:
    """Whether a footnote is an explanatory note rather than a citation.

    The rule: a note is a footnote with a ``group`` (efn family, ``<ref group=…>``,
    ``{{refn|group=…}}``) whose entry is no citation. An entry is a citation when it is made of
    citations only: cite templates, short citations (``{{sfn}}``, ``{{harvnb}}``) and nested refs,
    with nothing else but punctuation and lead-in words ("See", "cf.", "p."); or, with no such
    markup, when its text is a short citation ("Smith 1990, p. 5") or gives an ISBN or DOI. Any
    prose beside the citations ("The date is disputed.{{sfn|…}}") makes a note that cites.
    Ungrouped footnotes and bibliography works are never notes.
    """
    if group is None or bibliography:
        return False
    body = _COMMENT.sub("", _body(text))
    cited = False
    rest: list[str] = []
    pos = 0
    for a, b in _templates(body):
        name = _split_top(body[a + 2 : b - 2])[0].strip()
        rest.append(body[pos:a])
        if _CITATION_TEMPLATE.match(name):
            cited = True
        elif not _NEUTRAL_TEMPLATE.match(name):
            rest.append(" x ")  # any other template (a date, a quote) is prose
        pos = b
    rest.append(body[pos:])
    remainder = "".join(rest)
    if _REF_ELEMENT.search(remainder):
        cited = True
        remainder = _REF_ELEMENT.sub(" ", remainder)
    remainder = _REF_TAGS.sub(" ", remainder)
    if not cited:
        plain = re.sub(r"''+|\[\[(?:[^|\]]*\|)?|\]\]", "", remainder).strip()
        return not (
            _SHORT.match(plain)
            or _SHORT_NO_YEAR.match(plain)
            or _ISBN.search(plain)
            or _DOI.search(plain)
        )
    return bool(re.search(r"[^\W\d_]", _GLUE.sub(" ", remainder)))


def note_citations(
    notes: Iterable[tuple[str, tuple[int, int] | Sequence[int], str]],
    citations: Iterable[tuple[str, tuple[int, int] | Sequence[int], str]],
) -> dict[str, list[str]]:
    """Map each note id to the ids of the citations it holds, in order.

    *notes* and *citations* are ``(id, span, text)``. A note holds a citation whose span lies
    inside the note's span (a ``<ref>`` or ``{{sfn}}`` defined in it) and a named citation it
    reuses (``<ref name=X/>`` inside the note, defined elsewhere as ``<ref name=X>…</ref>``).
    """
    cites = list(citations)
    by_name: dict[str, str] = {}
    for cid, _span, ctext in cites:
        m = _REF_NAME.match(ctext.strip())
        if m and not ctext.strip().endswith("/>"):
            by_name.setdefault(m.group(1).strip().lower(), cid)
    out: dict[str, list[str]] = {}
    for nid, (a, b), ntext in notes:
        inner = [cid for cid, (ca, cb), _ in cites if a <= ca and cb <= b and (ca, cb) != (a, b)]
        body = _body(ntext)
        for m in _REF_NAME.finditer(body):
            cid = by_name.get(m.group(1).strip().lower())
            if cid and cid not in inner:
                inner.append(cid)
        if not inner and _INLINE_CITE.search(body):
            # "{{efn|Seeing the flames, … {{Harv|Barbero|2005|p=298}}.}}": the note cites in
            # its own text (the harv family renders there, not as a footnote): it is its own
            # citing entry
            inner = [nid]
        out[nid] = inner
    return out


#: A citation written inside a note's own text: the Harvard family of Template:Harvard
#: citation (``{{harv}}``, ``{{harvnb}}``, ``{{harvp}}``, ``{{harvtxt}}``, ``{{harvcol…}}``).
_INLINE_CITE = re.compile(r"\{\{\s*harv(?:nb|p|txt|col|colnb|coltxt|s)?\s*\|", re.I)
