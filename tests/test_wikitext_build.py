"""The fast tree builder builds exactly the tree mwparserfromhell's own builder builds.

Both trees are compared node by node: the same classes, the same instance attributes with the
same values (Wikicode lists compared element-wise), and ``str(tree)`` is the input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import mwparserfromhell
import pytest
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from eventledger.read.wikitext_build import parse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = sorted((CORPUS / "wikitext").glob("*.wiki")) + sorted(
    p
    for p in (CORPUS / "infobox_snippets").rglob("*")
    if p.is_file() and p.suffix not in (".json", ".gz")
)

ODD = [
    "",
    "plain text only",
    "{{a|b|c=d|e=f=g|{{nested|x}}|[[l|t]]}}",
    "{{{arg}}} {{{arg|default}}} {{{a|b|c}}}",
    "[[Link]] [[Link|text]] [[Link|a|b]] [[File:X.jpg|thumb|caption [[inner]]]]",
    "[http://example.org] [http://example.org title] http://bare.example.org/x",
    "&amp; &#123; &#x1F600; &nbsp; &bogus;",
    "== H2 ==\ntext\n=== H3 ===\n====== H6 ======\n",
    "<!-- comment --> <!-- unclosed",
    '<ref name="a">x</ref><ref name=b /><ref group=n>{{cite web|url=u}}</ref>',
    "<span style=\"color:red\" class='x' data-y=z>t</span><br><br/><hr />",
    "{| class=wikitable\n|-\n! h !! h2\n|-\n| a || b\n|}",
    "* list\n# numbered\n; term : def\n: indent",
    "''italic'' '''bold''' '''''both''''' ''unclosed",
    "{{unclosed|x=[[y",
    "}}}} ]] {{ [[ <ref> </ref>",
    "<nowiki>{{x}}</nowiki> <pre>[[y]]</pre> <math>a{b}</math>",
    "<ref\n name=x>multi-line tag</ref>",
    "{{" * 50 + "x" + "}}" * 50,
]


def _same(a: Any, b: Any, path: str = "tree") -> None:
    assert type(a) is type(b), f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, Wikicode):
        assert type(a.nodes) is SmartList and type(b.nodes) is SmartList, path
        assert len(a.nodes) == len(b.nodes), f"{path}: {len(a.nodes)} vs {len(b.nodes)} nodes"
        for i, (x, y) in enumerate(zip(a.nodes, b.nodes, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif hasattr(a, "__dict__"):
        assert vars(a).keys() == vars(b).keys(), f"{path}: {sorted(vars(a))} vs {sorted(vars(b))}"
        for key in vars(a):
            _same(vars(a)[key], vars(b)[key], f"{path}.{key}")
    else:
        assert a == b, f"{path}: {a!r} vs {b!r}"


@pytest.mark.parametrize("skip_style_tags", [False, True])
@pytest.mark.parametrize("text", ODD)
def test_odd_markup_builds_the_same_tree(text: str, skip_style_tags: bool) -> None:
    ours = parse(text, skip_style_tags=skip_style_tags)
    _same(mwparserfromhell.parse(text, skip_style_tags=skip_style_tags), ours)
    assert str(ours) == text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_corpus_pages_build_the_same_tree(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    ours = parse(text)
    _same(mwparserfromhell.parse(text), ours)
    assert str(ours) == text


def test_the_tree_is_usable_like_the_original() -> None:
    code = parse("{{Infobox event|name=X|date={{start date|1945|8|14}}}} [[A|b]]")
    tpl = code.filter_templates(recursive=False)[0]
    assert tpl.name.strip() == "Infobox event"
    assert tpl.get("name").value.strip() == "X"
    assert tpl.has("date") and not tpl.has("place")
    assert [str(t.name) for t in code.filter_templates()] == ["Infobox event", "start date"]
    assert code.filter_wikilinks()[0].text == "b"
    assert code.strip_code().strip() == "b"


@pytest.mark.parametrize(
    ("value", "quotes", "pads"),
    [
        ("x", None, ("", "", "")),
        ("a b", '"', (" ", " ", "  ")),
        ("it's", "'", ("\n", "", "")),
        ("a b", None, (" ", "", "")),  # needs quotes
        ("{{t|a b}}", None, (" ", "", "")),  # the space is not top-level text
        ("x", "`", (" ", "", "")),  # no quote character
        ("x", '"', ("x", "", "")),  # padding that is no whitespace
        (None, None, (" ", "", "")),
        ("", '"', (" ", "", "")),
    ],
)
def test_attribute_makes_the_constructors_checks(
    value: str | None, quotes: str | None, pads: tuple[str, str, str]
) -> None:
    from mwparserfromhell.nodes.extras import Attribute

    from eventledger.read.wikitext_build import _attribute

    name = parse("name")
    code = parse(value) if value is not None else None
    start = dict(zip(("pad_first", "pad_before_eq", "pad_after_eq"), pads, strict=True))
    try:
        want: Any = Attribute(name, code, quotes, *pads)
    except ValueError as exc:
        with pytest.raises(ValueError, match=str(exc)):
            _attribute(name, code, quotes, start)
        return
    _same(want, _attribute(name, code, quotes, start))
