"""Golden records for corpus articles, coded by hand from the wikitext, compared field by field.

Each ``tests/golden/corpus/<Article>.json`` holds the facts a researcher would code from the
article (not a copy of our output): title, kind, infobox family, date, location, per-side
casualties, event deaths and injuries, actors, the number of ``<ref>`` definitions and the
finding codes that must be present. Every fact becomes one test with the id
``<Article>:<field>``, so a regression names the article and the field.

Comparison rules:

* numbers are exact (``low``, ``best``, ``high`` each a field; ``null`` means "the article
  gives none" and must stay ``null``);
* coordinates agree within 0.05 degrees;
* names agree by containment, case-insensitively (diacritics and apostrophe-like marks folded), in either direction ("Anis Amri" matches
  "Anis Amri (deceased)"); a place name may match the gazetteer's name or the text's own
  spelling that the gazetteer matched (``location.matched``); for actor lists every expected actor must be found and every actor
  we output must match an expected one (a fragment such as "failed)" is an error);
* a list of values (``"kind": ["battle", "other"]``) accepts any of them;
* ``references`` counts our references whose text is a ``<ref`` element: ``<ref>`` definitions
  and list-defined refs, a reused named ref once (short cites and bibliography entries are
  counted separately by the reader and not here).

A field we get wrong is listed under ``"xfail"`` in the golden file with the reason (a key
may also name a prefix: ``"sides.2.killed"`` covers its ``low``, ``best`` and ``high``). The
xfail is strict: once the extractor is fixed, the test fails until the entry is removed.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from eventledger.pipeline import parse_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikitext"
GOLDEN = Path(__file__).resolve().parent / "golden" / "corpus"
#: Golden records of rendered (prose/Markdown) corpus pages: ``article`` is a path under the
#: corpus (``rendered/front-lines-org/syria/x.md``).
GOLDEN_RENDERED = GOLDEN.parent / "rendered"
COORD_TOLERANCE = 0.05
QUANTITIES = ("killed", "wounded", "captured", "missing")

needs_corpus = pytest.mark.skipif(
    not CORPUS.exists(), reason="../shared/corpus is not beside the checkout"
)


@cache
def record(article: str) -> dict[str, Any]:
    """Parse one corpus article once per session and return its first record.

    A bare file name is a wikitext article; a path with a folder is relative to the corpus.
    """
    path = CORPUS.parent / article if "/" in article else CORPUS / article
    return parse_path(str(path))[0]


def _fold_name(name: str) -> str:
    """Case, surrounding space, diacritics and apostrophe-like marks (ayn, hamza) folded:
    "Maarrat al-Nu'man", "Maarrat al-Numan" and "Ma‘arrat al-Nu‘mān" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’‘`ʿʾ")


def _names_match(expected: str, got: str | None) -> bool:
    """Containment in either direction, ignoring case, surrounding space, diacritics and
    apostrophe-like marks (:func:`_fold_name`)."""
    if not got:
        return False
    a, b = _fold_name(expected), _fold_name(got)
    return a in b or b in a


def _get(rec: dict[str, Any], path: str) -> Any:
    """Follow a dotted path through dicts and 1-based list positions (``sides.2.killed``)."""
    cur: Any = rec
    for part in path.split("."):
        if isinstance(cur, list):
            index = int(part) - 1
            cur = cur[index] if 0 <= index < len(cur) else None
        elif isinstance(cur, dict):
            cur = cur.get(part)
        else:
            return None
    return cur


def _side_path(i: int, quantity: str) -> str:
    return (
        f"event.sides.{i}.casualties.{quantity}"
        if quantity in QUANTITIES
        else f"event.sides.{i}.{quantity}"
    )


Check = Callable[[dict[str, Any]], None]


def _equal(path: str, expected: Any) -> Check:
    def check(rec: dict[str, Any]) -> None:
        got = _get(rec, path)
        if isinstance(expected, list):
            assert got in expected, f"{path}: got {got!r}, expected one of {expected!r}"
        else:
            assert got == expected, f"{path}: got {got!r}, expected {expected!r}"

    return check


def _close(path: str, expected: float) -> Check:
    def check(rec: dict[str, Any]) -> None:
        got = _get(rec, path)
        assert got is not None, f"{path}: got null, expected {expected}"
        assert abs(got - expected) <= COORD_TOLERANCE, (
            f"{path}: got {got}, expected {expected} ± {COORD_TOLERANCE}"
        )

    return check


def _name(path: str, expected: str | None) -> Check:
    def check(rec: dict[str, Any]) -> None:
        got = _get(rec, path)
        if expected is None:
            assert got is None, f"{path}: got {got!r}, expected null"
        else:
            assert _names_match(expected, got), (
                f"{path}: got {got!r}, expected to contain {expected!r}"
            )

    return check


def _place_name(expected: str | list[str] | None) -> Check:
    """The place as the coder wrote it matches the gazetteer's ``name`` or the spelling the text
    used that the gazetteer matched (``matched``: "Chuhuiv" for GeoNames' "Chuhuyiv"); a list
    gives the readings the coder accepted."""

    def check(rec: dict[str, Any]) -> None:
        loc = _get(rec, "event.location") or {}
        got = [loc.get("name"), loc.get("matched")]
        if expected is None:
            assert got[0] is None, f"event.location.name: got {got[0]!r}, expected null"
        else:
            alts = expected if isinstance(expected, list) else [expected]
            assert any(_names_match(e, g) for e in alts for g in got), (
                f"event.location.name/matched: got {got!r}, expected to contain {expected!r}"
            )

    return check


def _combatants(side: int, expected: list[str]) -> Check:
    def check(rec: dict[str, Any]) -> None:
        names = [c.get("name") for c in _get(rec, f"event.sides.{side}.combatants") or []]
        missing = [e for e in expected if not any(_names_match(e, n) for n in names)]
        assert not missing, f"side {side}: {missing!r} not among {names!r}"

    return check


def _actors(role: str, expected: list[dict[str, Any]]) -> Check:
    def check(rec: dict[str, Any]) -> None:
        got = rec["event"][role]
        names = [a.get("name") for a in got]
        for want in expected:
            hits = [a for a in got if _names_match(want["name"], a.get("name"))]
            assert hits, f"{role}: {want['name']!r} not among {names!r}"
            if want.get("kind"):
                assert hits[0].get("kind") == want["kind"], (
                    f"{role}: {hits[0]!r} kind, expected {want['kind']!r}"
                )
        spurious = [n for n in names if not any(_names_match(w["name"], n) for w in expected)]
        assert not spurious, f"{role}: unexpected {spurious!r}"

    return check


def _references(expected: int | list[int]) -> Check:
    """The page's citations as a reader of the rendered page counts them: ``<ref>``
    definitions (a named one once), list-defined refs and distinct short-citation footnotes;
    explanatory notes (``record["notes"]``) and Bibliography works apart. A list holds the
    counts that independent counts gave where they differ (which short citations merge,
    whether an ungrouped ``{{refn}}`` note is one)."""
    allowed = expected if isinstance(expected, list) else [expected]

    def check(rec: dict[str, Any]) -> None:
        got = len(rec["references"])
        assert got in allowed, f"references: got {got} footnotes, expected one of {allowed}"

    return check


def _finding(code: str) -> Check:
    def check(rec: dict[str, Any]) -> None:
        codes = {f["code"] for f in rec["findings"]}
        assert code in codes, f"finding {code} missing; got {sorted(codes)}"

    return check


def golden_checks(gold: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    """Turn one golden file into ``(field, check)`` pairs, one per fact it states."""
    yield "title", _equal("title", gold["title"])
    yield "kind", _equal("event.kind", gold["kind"])
    yield "infobox", _equal("infobox.template", gold["infobox"])
    for key, value in gold.get("date", {}).items():
        yield f"date.{key}", _equal(f"event.date.{key}", value)
    for key, value in gold.get("location", {}).items():
        path = f"event.location.{key}"
        if key in ("lat", "lon"):
            yield f"location.{key}", _close(path, value)
        elif key == "name":
            yield "location.name", _place_name(value)
        else:
            yield f"location.{key}", _equal(path, value)
    for prop in ("deaths", "injuries"):
        for bound, value in (gold.get(prop) or {}).items():
            yield f"{prop}.{bound}", _equal(f"event.{prop}.{bound}", value)
    for i, side in enumerate(gold.get("sides", []), start=1):
        if "combatants" in side:
            yield f"sides.{i}.combatants", _combatants(i, side["combatants"])
        for quantity in (*QUANTITIES, "strength"):
            for bound, value in (side.get(quantity) or {}).items():
                yield (
                    f"sides.{i}.{quantity}.{bound}",
                    _equal(f"{_side_path(i, quantity)}.{bound}", value),
                )
    for role in ("perpetrators", "targets"):
        if role in gold:
            yield role, _actors(role, gold[role])
    if "references" in gold:  # rendered pages have no reference list
        yield "references", _references(gold["references"])
    for code in gold.get("findings", []):
        yield f"findings.{code}", _finding(code)


def _xfail_reason(gold: dict[str, Any], field: str) -> str | None:
    for key, reason in gold.get("xfail", {}).items():
        if field == key or field.startswith(key + "."):
            return reason
    return None


def _cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.json")) + sorted(GOLDEN_RENDERED.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for field, check in golden_checks(gold):
            reason = _xfail_reason(gold, field)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(
                pytest.param(gold["article"], check, id=f"{path.stem}:{field}", marks=marks)
            )
    return cases


def test_golden_files_cover_every_family() -> None:
    """At least 12 articles, and every infobox family plus pages without one."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN.glob("*.json")]
    assert len(golds) >= 12
    families = {g["infobox"] for g in golds}
    assert families >= {"civilian attack", "military conflict", "event", "historical event", None}
    for gold in golds:
        unknown = [
            k
            for k in gold.get("xfail", {})
            if not any(f == k or f.startswith(k + ".") for f, _ in golden_checks(gold))
        ]
        assert not unknown, f"{gold['article']}: xfail keys that name no field: {unknown}"


@needs_corpus
@pytest.mark.parametrize(("article", "check"), _cases())
def test_golden_field(article: str, check: Check) -> None:
    check(record(article))
