"""Reference extraction from plain text and from cite-template parameters."""

from __future__ import annotations

from typing import Any

import pytest

from eventledger.extract.references import extract_references
from eventledger.models import Document, MappedText, Marker, RawReference, Sentence, Source


def _doc(
    entries: list[str | tuple[str, dict[str, str]]], markers: list[str] | None = None
) -> Document:
    text = ""
    refs = []
    for n, entry in enumerate(entries, 1):
        raw, params = (entry, {}) if isinstance(entry, str) else entry
        start = len(text)
        text += raw + "\n"
        template = params.pop("_template", None) if params else None
        refs.append(
            RawReference(
                f"r{n}",
                str(n),
                raw,
                (start, start + len(raw)),
                MappedText.identity(raw, start),
                template=template,
                params=params,
                backlinks=1,
                short=template == "sfn",
            )
        )
    doc = Document(Source("plaintext", "t", "0"), text, "T", references=refs)
    if markers:
        doc.sentences.append(
            Sentence(
                "s1",
                "x",
                (0, 1),
                MappedText.identity("x", 0),
                0,
                [Marker(m, (0, 1), m) for m in markers],
            )
        )
    return doc


def one(entry: str | tuple[str, dict[str, str]]) -> dict[str, Any]:
    return extract_references(_doc([entry]))[0]


def test_book_comma_form() -> None:
    r = one(
        "Mayumi Itoh, Japanese War Orphans in Manchuria: Forgotten Victims of World War II, "
        "Palgrave Macmillan, April 2010, ISBN 978-0-230-62281-4, p. 34."
    )
    assert r["kind"] == "book"
    assert r["authors"] == ["Mayumi Itoh"]
    assert r["title"] == "Japanese War Orphans in Manchuria: Forgotten Victims of World War II"
    assert (r["publisher"], r["date"], r["pages"]) == ("Palgrave Macmillan", "2010-04", "34")
    assert (r["isbn"], r["isbn_valid"]) == ("9780230622814", True)


def test_book_cite_rendering_and_invalid_isbn() -> None:
    r = one(
        "Smith, John (2001). The Village War. Oxford University Press. pp. 12–14. ISBN 978-0-19-000000-3."
    )
    assert r["kind"] == "book" and r["authors"] == ["Smith, John"] and r["date"] == "2001"
    assert r["title"] == "The Village War" and r["publisher"] == "Oxford University Press"
    assert r["pages"] == "12–14"
    assert r["isbn_valid"] is False


def test_news_with_dates() -> None:
    r = one(
        "\"Survivor of 1945 'Gegenmiao' massacre continues to tell tale\". Mainichi Daily News. "
        "2017-08-11. Retrieved 2022-01-08."
    )
    assert (r["kind"], r["work"], r["date"], r["accessed"]) == (
        "news",
        "Mainichi Daily News",
        "2017-08-11",
        "2022-01-08",
    )
    assert r["title"] == "Survivor of 1945 'Gegenmiao' massacre continues to tell tale"


def test_web_with_author() -> None:
    r = one(
        'Ealey, Mark. "An August Storm: the Soviet-Japan Endgame in the Pacific War". Japan Focus. '
        "Retrieved 21 February 2014."
    )
    assert (r["kind"], r["authors"], r["work"], r["accessed"]) == (
        "web",
        ["Ealey, Mark"],
        "Japan Focus",
        "2014-02-21",
    )


@pytest.mark.parametrize(
    ("text", "authors", "year", "pages"),
    [
        ("Okushi, 1996 pp. 163-165", ["Okushi"], "1996", "163-165"),
        ("Fujiwara, 1995 p.323", ["Fujiwara"], "1995", "323"),
        ("Smith 2001, p. 5", ["Smith"], "2001", "5"),
        ("Smith (2001), 5", ["Smith"], "2001", "5"),
        ("Smith & Jones 2001, pp. 3–5", ["Smith", "Jones"], "2001", "3–5"),
        ("Eicher, p. 687.", ["Eicher"], None, "687"),
        ("Robertson and Pegram, pp. 242–43.", ["Robertson", "Pegram"], None, "242–43"),
        ("Catton, Stillness at Appomattox, p. 243.", ["Catton"], None, "243"),
    ],
)
def test_short_citations(text: str, authors: list[str], year: str | None, pages: str) -> None:
    r = one(text)
    assert (r["kind"], r["authors"], r["year"], r["pages"]) == ("short", authors, year, pages)
    assert r["resolves_to"] is None


def test_short_citation_resolves_to_full_entry() -> None:
    refs = extract_references(
        _doc(
            [
                "Okushi, 1996 pp. 163-165",
                "Okushi, Kenji (1996). Gegenmiao jiken. Tokyo: Some Press.",
                "Okushi, 1997 p. 3",
            ]
        )
    )
    assert refs[0]["resolves_to"] == "r2"
    assert refs[2]["resolves_to"] is None  # the year differs


def test_cite_template_params_and_sfn() -> None:
    refs = extract_references(
        _doc(
            [
                (
                    "{{cite book}}",
                    {
                        "_template": "cite book",
                        "last": "Vogel",
                        "first": "Detlef",
                        "title": "Germany",
                        "publisher": "OUP",
                        "year": "2001",
                        "isbn": "0-19-820873-1",
                        "page": "632",
                    },
                ),
                (
                    "{{sfn|Vogel|2001|p=632}}",
                    {"_template": "sfn", "authors": "Vogel", "year": "2001", "pages": "632"},
                ),
                (
                    "{{cite news}}",
                    {
                        "_template": "cite news",
                        "title": "T",
                        "work": "The Times",
                        "date": "3 May 1999",
                        "access-date": "2 May 1999",
                        "url": "http://example.org/x",
                    },
                ),
            ],
            markers=["r2", "r2", "r3"],
        )
    )
    book, short, news = refs
    assert (book["kind"], book["authors"], book["year"], book["isbn"], book["isbn_valid"]) == (
        "book",
        ["Vogel, Detlef"],
        "2001",
        "0198208731",
        True,
    )
    assert (short["kind"], short["resolves_to"], short["uses"]) == ("short", "r1", 2)
    assert (news["kind"], news["date"], news["accessed"], news["url"]) == (
        "news",
        "1999-05-03",
        "1999-05-02",
        "http://example.org/x",
    )
    assert book["uses"] == 0


def test_findings_for_references() -> None:
    from eventledger.pipeline import parse_text

    text = (
        "Village massacre\n\nDeaths3\n\nThe raiders attacked the village at dawn and set fire to the barns, "
        "and by noon they had killed three farmers in the fields beyond the church.[1][2][9]\n\n"
        "  1. ^ a b Smith, John (2001). The Village War. Oxford University Press. ISBN 978-0-19-000000-3.\n"
        '  2. ^ "Raid". The Times. 5 May 1999. Retrieved 4 May 1999.\n'
        '  3. ^ "Unused". The Times. 5 May 1999.\n'
    )
    (rec,) = parse_text(text, name="raid.txt")
    codes = sorted(f["code"] for f in rec["findings"])
    assert codes == [
        "ACCESSED_BEFORE_PUBLISHED",
        "ISBN_INVALID",
        "MARKER_WITHOUT_REFERENCE",
        "REFERENCE_UNUSED",
        "REFERENCE_USE_MISMATCH",
    ]
    # the infobox's 3 is supported by the sourced sentence; a 40 would not be, and contradicts it
    (rec,) = parse_text(text.replace("Deaths3", "Deaths40"), name="raid.txt")
    codes = sorted(f["code"] for f in rec["findings"])
    assert "INFOBOX_UNSUPPORTED" in codes and "CONTRADICTION" in codes


def test_book_chicago_form_and_resolution() -> None:
    refs = extract_references(
        _doc(
            [
                "Horn, p. 118.",
                "Horn, John. The Petersburg Campaign: June 1864 – April 1865. Conshohocken, PA: "
                "Combined Publishing, 1999. ISBN 978-1-58097-024-2.",
            ]
        )
    )
    short, book = refs
    assert (book["kind"], book["authors"], book["publisher"], book["date"]) == (
        "book",
        ["Horn, John"],
        "Combined Publishing",
        "1999",
    )
    assert book["title"] == "The Petersburg Campaign: June 1864 – April 1865"
    assert short["resolves_to"] == book["id"]
