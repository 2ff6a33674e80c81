"""Reader for encyclopedia articles copied from a browser as plain text.

What a browser copy of a Wikipedia-style article looks like, and how each part is read:

* the **title** is the first non-empty line;
* the **infobox block** follows: the title again, a ``Part of …`` line (continued on the next
  line while a line ends with a comma), an image caption, then ``Label value`` lines whose
  label may be glued to its value (``DeathsOver 1,000``), separated by a tab, or stand on its
  own line with the value on the following line(s) (``Attack type`` ⏎ ``War crime, …``).
  Labels are the rendered labels of the event infoboxes (:data:`RENDERED_LABELS`). In a
  military-conflict box the two sides' cells of one row are separated by a tab when the browser
  kept the table; otherwise the side is unknown (None), never guessed;
* **paragraphs**: one per line, split into sentences; ``[n]`` markers (also ``[a]``,
  ``[note 1]``) may sit anywhere in a sentence; ``[citation needed]`` is a flag, not a marker;
* **headings**: short lines without a final stop between paragraphs (``[edit]`` removed);
* the **reference list**: ``  1. ^ a b Text`` — the printed number, ``^`` and the backlink
  letters (their count is the number of uses the page itself claims); entries of a
  Bibliography/Sources list without ``^`` are bibliography entries.

The block ends at the first line that reads as prose (long, several words, sentence-final
punctuation). Everything keeps its span into the input.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from eventledger.definitions import FAMILY_SIGNATURES, RENDERED_LABELS, RENDERED_TOLL_PARTS
from eventledger.models import (
    Document,
    Field,
    Flag,
    Infobox,
    MappedText,
    Marker,
    RawReference,
    Sentence,
    Source,
)
from eventledger.read.sentences import split_sentences

_LABELS = sorted(RENDERED_LABELS, key=len, reverse=True)
_GLUED_LOWER_OK = (
    "c.",
    "ca.",
    "circa",
    "about",
    "approx",
    "around",
    "at least",
    "over",
    "up to",
    "est",
    "unknown",
    "none",
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "more than",
    "fewer than",
    "nearly",
    "almost",
    "~",
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Replace lone UTF-16 surrogates (a str built from broken JSON or ``surrogateescape``
    decoding) by U+FFFD. The replacement has the same length, so spans into the scrubbed text
    are spans into the caller's text; without it no hash, record id or ledger row could be
    written (UTF-8 cannot encode a surrogate)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_MARKER = re.compile(r"\[(\d{1,4}|[a-z]{1,2}|note \d{1,3}|nb \d{1,3}|[A-Z]|[ivx]{1,5})\]")
_CITATION_NEEDED = re.compile(
    r"\[(citation needed|better source needed|clarification needed|according to whom\?|"
    r"by whom\?|when\?|which\?|who\?|page needed|verification needed|dubious(?: – discuss)?|"
    r"unreliable source\?|failed verification)\]",
    re.IGNORECASE,
)
#: "^ a b c" backlinks; a browser may print them as "^ Jump up to: a b c"
# ("Jump up ^ Tsai 2003, p. 61.": the older skin's one backlink before its caret)
_BACKLINKS = r"(?:Jump up\s+)?\^\s*(?:Jump up to:\s*)?(?P<letters>(?:[a-z]{1,2}\s+)*)"
_REF_LINE = re.compile(r"^\s*(?P<num>\d{1,4}|[a-z]{1,2})[.)]?\s+" + _BACKLINKS + r"(?P<body>.*)$")
_CARET_LINE = re.compile(r"^\s*" + _BACKLINKS + r"(?P<body>.*)$")
_CHROME = re.compile(
    r"^(From Wikipedia, the free encyclopedia|Jump to (navigation|search)|"
    r"\(Redirected from .*\)|This article is about .*|For other uses, see .*|"
    r"Not to be confused with .*|For the .{1,80}, see .*|.{1,120} redirects here\..*|"
    r"Toggle .*|Edit links|Contents|hide|move to sidebar|"
    # a maintenance banner, by its own wording: "This article needs additional citations for
    # verification. Please help improve this article …", "Find sources: …", "Learn more" (the
    # mobile site's), "(Learn how and when to remove these messages)"
    # ("Please help update this article to reflect recent events", "… help expand it")
    r".*\b(?:Please help (?:improve|by|to|update|expand|clean|rewrite|add|fix)|"
    r"Unsourced material may be challenged|"
    r"Learn how and when to remove th(?:is|ese) (?:template )?messages?)\b.*|"
    r"Find sources: .*|Learn more)$"
)
#: The mobile site's header (en.m.wikipedia.org) before the title, and its page actions after
#: it: "Open main menu / Wikipedia / Search / <title> / Article / Talk / Language / Watch / Edit".
_MOBILE_OPEN = "Open main menu"
_MOBILE_HEAD = frozenset(
    {
        "Open main menu",
        "Main menu",
        "Wikipedia",
        "Search",
        # the search box's placeholder, copied by Firefox ("Search / Search Wikipedia / Search")
        "Search Wikipedia",
        "The Free Encyclopedia",
        "Wikipedia The Free Encyclopedia",
    }
)
_MOBILE_ACTIONS = frozenset(
    {"Article", "Talk", "Language", "Languages", "Download PDF", "Watch", "Unwatch", "Edit",
     "Read", "View history", "Tools", "More", "Share"}
)  # fmt: skip
_ACTIONS_LONGEST = sorted(_MOBILE_ACTIONS, key=len, reverse=True)
#: The desktop site's header lines, which the mobile site has not.
_DESKTOP_HEAD = frozenset({"Donate", "Create account", "Log in", "Appearance", "Personal tools"})
#: Lines only the desktop site shows above an article's first paragraph.
_DESKTOP_MARKS = _DESKTOP_HEAD | {"From Wikipedia, the free encyclopedia"}
#: The location-map widget's text: "X is located in Europe", "class=notpageimage|", "Show map
#: of …"; the lines after it, up to the next label, are the map's own labels.
_MAP_WIDGET = re.compile(
    r"^(?:.{1,120} is located in .{1,80}|class=notpageimage\|.*|Show map of .*|"
    r"Location within .*|Show all|"
    # the interactive map's tab and its credits ("Map ⏎ About OpenStreetMaps ⏎ Maps: terms of
    # use ⏎ 200km"), then its labels
    r"Map|About OpenStreetMaps?|Maps: terms of use)$"
)
_MAP_CAPTION = re.compile(r"^Location (?:of|in|within) ")
#: A section's hatnote: "Main article: Irish Confederate Wars", "See also: …", "Further
#: information: …", "For more details on this topic, see …". Neither a heading nor prose.
_HATNOTE = re.compile(
    r"^(?:(?:Main articles?|See also|Further information|Further):\s|"
    r"For (?:more|further) (?:details|information)\b[^.]{0,60}?,? see\s)"
)
#: The first words of the sections event articles have. A copy with no blank line marks a
#: heading only by its place, as image captions and list items stand too: there a heading is
#: one of these words, alone or opening a short title ("Attack on the barracks").
_SECTION_WORDS = frozenset(
    """
    background context origins origin causes prelude preparations preparation planning prior
    history overview events event timeline course attack attacks assault raid raids strike
    strikes shooting shootings bombing bombings massacre massacres killings killing fighting
    battle battles siege engagement campaign operation operations invasion occupation uprising
    rebellion revolt mutiny riot riots incident incidents landing landings retreat withdrawal
    offensive counteroffensive defence defense deployment forces combatants belligerents
    opposing order strength units casualties losses victims perpetrator perpetrators suspect
    suspects attacker attackers gunman investigation investigations inquiry trial trials
    prosecution aftermath consequences impact reactions reaction response responses legacy
    memorial memorials commemoration commemorations analysis assessment historiography
    controversy controversies dispute debate media coverage popular culture depictions
    notes references citations sources bibliography footnotes works external see further
    documentation gallery location site geography date dates prisoners evacuation rescue
    explosion explosions blast blasts hijacking hijackings hostage hostages standoff stand-off
    ambush ambushes manhunt arrest arrests damage deaths
    """.split()
)
_REF_HEADINGS = {
    "references",
    "notes",
    "citations",
    "footnotes",
    "sources",
    "bibliography",
    "works cited",
    "further reading",
    "external links",
    "see also",
    "notes and references",
    "references and notes",
    "literature",
}
_BIB_HEADINGS = {"sources", "bibliography", "works cited", "further reading", "literature"}
#: A list of explanatory notes, when the page lists its citations apart ("References").
_NOTE_HEADINGS = {"notes", "explanatory notes", "footnotes", "notes and explanations"}
#: The link a browser copy prints after a section heading ("Casualties[edit]").
_EDIT = "[edit]"
#: The same link where the page is edited as wikitext only ("References[edit source]").
_EDIT_SOURCE = "[edit source]"
#: The edit link on a line of its own under a heading: "Edit" (newer skins) or "[edit]" (a
#: Firefox copy of the 2022 skin puts the heading's link on the next line), "edit" (the mobile
#: site's, under each section's title).
_EDIT_LINES = frozenset(("Edit", "edit", _EDIT, _EDIT_SOURCE))


class NotAnArticle(ValueError):
    """The text has no structure of an article (no title and no prose)."""


@dataclass(slots=True)
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(body, pos))
        pos += len(raw)
    return out


def _is_prose(line: str) -> bool:
    s = line.strip()
    return (
        len(s) >= 100
        and len(s.split()) >= 15
        and bool(
            re.search(r"[.!?][\"”’)]*(?:\[[^\]]{1,20}\])*\s*$|[.!?](?:\[[^\]]{1,20}\])* [A-Z]", s)
        )
    )


def _trim(line: _Line, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """Absolute span of ``line.text[a:b]`` with surrounding whitespace removed."""
    t = line.text
    b = len(t) if b is None else b
    while a < b and t[a].isspace():
        a += 1
    while b > a and t[b - 1].isspace():
        b -= 1
    return line.start + a, line.start + b


#: Labels whose value is a name ("DefendersJohn Adams, Josiah Quincy II"): a line that names
#: none after them is no such row ("Defenders: 15,000" in a siege's Strength cell).
_NAME_LABELS = frozenset({"Defenders", "Judge"})


def _match_label(text: str) -> tuple[str, int] | None:
    """Return (label, value offset) when *text* starts with a rendered infobox label."""
    s = text.lstrip()
    lead = len(text) - len(s)
    for label in _LABELS:
        if not s.startswith(label):
            continue
        rest = s[len(label) :]
        if label in _NAME_LABELS and not rest.lstrip("\t :")[:1].isupper():
            continue  # "Defenders: 15,000" under a siege's Strength is no trial's lawyers
        if label in _CELL_WORD_LABELS and rest[:1] not in ("", "\t") and not rest[:1].isdigit():
            continue  # "Combatants: 10,048 killed", "Number of civilian deaths unknown" in a cell
        if not rest.strip():
            return label, lead + len(label)
        first = rest[0]
        if first in "\t :":
            return label, lead + len(label)
        if first.islower() and not rest.lower().startswith(_GLUED_LOWER_OK):
            continue
        if first.isalpha() and first.islower():
            return label, lead + len(label)
        if first.isalnum() or first in "~≈<>+(–-\"'“[":
            return label, lead + len(label)
    return None


#: The page numbers a copy shows after a footnote marker (MediaWiki's {{rp}}: "[1]: 195",
#: "[2]: 20–21", "[1]: 174, 180"), up to a space, a stop, the line's end or another marker;
#: not a figure with thousands ("[3]: 1,000") nor one a casualty word or a noun of people
#: follows ("[3]: 25 killed").
_PAGES_AFTER = re.compile(
    r":[ \u00a0\u200a\u2009]?(?:pp?\.[ \u00a0]?)?\d{1,4}(?:[–-]\d{1,4})?"
    r"(?:,[ \u00a0\u200a\u2009]\d{1,4}(?:[–-]\d{1,4})?)*[\u200a\u2009]?"
    r"(?=$|\n|\[|[ \u00a0\u200a\u2009.,;])"
    # ("[3]: 25 killed": a figure and its word)
    r"(?![ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?:killed|dead|deaths?|died|wounded|injured|casualties|"
    r"missing|captured|prisoners|people|persons|civilians|soldiers|men|troops)\b)"
)


def _strip_markers(text: str, offset: int) -> tuple[MappedText, list[Marker], list[Flag]]:
    """Remove ``[n]`` markers and ``[citation needed]`` tags; map the rest to the input."""
    markers: list[Marker] = []
    flags: list[Flag] = []
    keep_chars: list[str] = []
    starts: list[int] = []
    pos = 0
    pattern = re.compile(f"{_MARKER.pattern}|{_CITATION_NEEDED.pattern}", re.IGNORECASE)
    for m in pattern.finditer(text):
        inner = m.group(0)[1:-1]
        if _CITATION_NEEDED.fullmatch(m.group(0)):
            flags.append(
                Flag(
                    "CITATION_NEEDED",
                    f"the text carries a {m.group(0)} tag",
                    (offset + m.start(), offset + m.end()),
                )
            )
        elif _MARKER.fullmatch(m.group(0)):
            markers.append(Marker(inner, (offset + m.start(), offset + m.end())))
        else:
            continue
        keep_chars.append(text[pos : m.start()])
        starts.extend(range(offset + pos, offset + m.start()))
        pos = m.end()
        pages = _PAGES_AFTER.match(text, pos) if text.startswith(":", pos) else None
        if pages is not None:
            # "wounded[1]: 195": the page of the source ({{rp}}), no figure of the text
            pos = pages.end()
    keep_chars.append(text[pos:])
    starts.extend(range(offset + pos, offset + len(text)))
    plain = "".join(keep_chars)
    return MappedText(plain, tuple(starts), tuple(s + 1 for s in starts)), markers, flags


def read_plaintext(text: str, name: str, *, title: str | None = None) -> Document:
    """Read an article copied from a browser into a :class:`Document`.

    :param text: the whole article text (the document's ``input``).
    :param name: the input's name (file name), recorded in the source.
    :param title: overrides the first line as title.
    :raises NotAnArticle: when the text has no title line or no prose at all.
    """
    text = scrub_surrogates(text)
    lines = _lines(text)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    source = Source("plaintext", name, digest)
    idx = _desktop_title(lines)
    while idx < len(lines) and (not lines[idx].stripped or _CHROME.match(lines[idx].stripped)):
        idx += 1
    mobile = (
        idx < len(lines)
        and (
            lines[idx].stripped == _MOBILE_OPEN
            # the newer mobile skin: "Main menu" above the logo's "Wikipedia The Free
            # Encyclopedia" (the desktop site's "Main menu" stands above "Search", "Donate" …)
            or (
                lines[idx].stripped == "Main menu"
                and _next_text(lines, idx + 1).startswith("Wikipedia")
                # (a Firefox copy of the desktop site keeps the logo's text too, then its header:
                # "Search / Donate / Create account / Log in")
                and not any(ln.stripped in _DESKTOP_HEAD for ln in lines[idx : idx + 12])
            )
            # a copy that begins below the menu button: the logo's "Wikipedia", then "Search"
            or (
                lines[idx].stripped == "Wikipedia"
                and _next_text(lines, idx + 1) in {"Search", "The Free Encyclopedia"}
                and not any(ln.stripped in _DESKTOP_HEAD for ln in lines[idx : idx + 12])
            )
        )
    )
    if mobile:
        while idx < len(lines) and (not lines[idx].stripped or lines[idx].stripped in _MOBILE_HEAD):
            idx += 1
    if idx == len(lines):
        raise NotAnArticle("no title line")
    title_line = lines[idx]
    title_span = _trim(title_line)
    doc_title = title or title_line.stripped
    doc = Document(source=source, input=text, title=doc_title, title_span=title_span)
    idx += 1
    # a copy that starts at the title still shows the mobile site by its page actions under it
    # ("Article Talk" / "Language" / "Watch" / "Edit")
    mobile = mobile or _mobile_actions(lines, idx)
    if mobile:
        while idx < len(lines) and (
            not lines[idx].stripped or _is_action_line(lines[idx].stripped)
        ):
            idx += 1

    # ---- infobox block: up to the first prose line --------------------------------------
    box_end = _next_prose(lines, idx)
    # the infobox image's caption, in the box (the box's head is read once: it stands above)
    headed = any(
        ln.stripped.startswith("Part of ") or ln.stripped == doc_title for ln in lines[idx:box_end]
    )
    while headed and box_end < len(lines) and _box_caption(lines, box_end, doc_title):
        box_end = _next_prose(lines, box_end + 1)
    if box_end == len(lines):
        raise NotAnArticle("no paragraph of prose")
    # (a line holding only a tab separates a row's two cells: the mobile site's copy)
    box_lines = [ln for ln in lines[idx:box_end] if ln.stripped or "\t" in ln.text]
    body = lines[box_end:]
    # (the mobile site's layout, also in a copy that kept too few of its page actions to
    # tell it by them, "Article / Talk" only, when nothing above the paragraph is the desktop
    # site's: a desktop copy never puts its box there)
    desktop = any(
        ln.stripped in _DESKTOP_MARKS or {"Read", "View history"} & set(_action_words(ln.stripped))
        for ln in lines[:box_end]
    )
    moved = _box_after_first_paragraph(lines, box_end, doc_title) if mobile or not desktop else None
    if moved is None:
        doc.infobox = _read_infobox(box_lines, doc_title, doc)
    else:
        # the mobile site puts the first paragraph above the infobox: the lines before that
        # paragraph (short description, "Coordinates: …") are read apart (no field runs
        # across the paragraph) and their fields go before the box's rows
        after = moved[0]
        head = _read_infobox(box_lines, doc_title, doc)
        box = _read_infobox(moved[1], doc_title, doc)
        if box is not None and head is not None:
            box = Infobox(box.template, box.span, head.fields + box.fields)
        doc.infobox = box
        body = lines[box_end : box_end + 1] + lines[after:]

    # ---- body and reference list -----------------------------------------------------------
    _read_body(body, doc)
    _link_markers(doc)
    return doc


#: The line under the title of the desktop site (Vector 2022): its language count.
_LANGUAGES = re.compile(r"^(?:\d[\d,]* languages?|Add languages)$")


def _desktop_title(lines: list[_Line]) -> int:
    """Where the title stands in a copy of the desktop site that starts at its header ("Jump
    to content / Main menu / Search / Donate / … / Contents / hide / (Top) / <sections> /
    <title> / 38 languages / Article / Talk …"): the line before the language count, when such
    a header opens the copy; else 0. The header's contents list holds section names
    ("Perpetrators", "Casualties") that must not be read as infobox labels."""
    head = [ln.stripped for ln in lines[:200]]
    if not head or not ({"Jump to content", "(Top)"} & set(head[:40])):
        return 0
    found = 0
    for k, text in enumerate(head):
        if text == "From Wikipedia, the free encyclopedia":
            break
        if _LANGUAGES.match(text):
            # (the last one: a copy taken while scrolled down holds the sticky header's too)
            j = k - 1
            while j > 0 and not head[j]:
                j -= 1
            found = j if j > 0 else found
    return found


def _box_caption(lines: list[_Line], at: int, title: str) -> bool:
    """Whether the prose-like line *at*, below the box's head ("Part of …", or the title
    repeated: the caller's test), is the caption of the infobox's image ("Bodies of prisoners
    in the doorway of the barn, photographed … on 16 April 1945"), not the lead's first
    paragraph: no blank line after it (nor before it, unless it is short: a Firefox copy
    leaves an empty line where the image was), the next line is a row's label, and it does
    not name the page's subject as a lead does."""
    if at + 1 >= len(lines) or not lines[at + 1].stripped:
        return False
    if not lines[at - 1].stripped and len(lines[at].stripped) > 250:
        # (a Firefox copy leaves an empty line where the image was: a short caption may
        # follow it; a paragraph of the lead after an empty line is longer)
        return False
    if _match_label(lines[at + 1].text) is None:
        return False
    if at + 2 < len(lines) and lines[at + 2].stripped in _EDIT_LINES:
        return False  # (a section's title with its edit link, "Victims ⏎ edit", under a paragraph)
    return title.casefold() not in lines[at].stripped.casefold()


def _next_text(lines: list[_Line], idx: int) -> str:
    """The next non-empty line at or after *idx*, stripped ("" when none)."""
    while idx < len(lines) and not lines[idx].stripped:
        idx += 1
    return lines[idx].stripped if idx < len(lines) else ""


def _is_action_line(s: str) -> bool:
    """A line of the mobile site's page actions: "Edit", "Article Talk", "Language Download
    PDF Watch Edit"."""
    return bool(_action_words(s))


def _action_words(s: str) -> list[str]:
    """The page actions *s* is made of, in order (empty when it holds anything else)."""
    out: list[str] = []
    rest = s.strip()
    while rest:
        word = next((a for a in _ACTIONS_LONGEST if rest.startswith(a)), None)
        if word is None or (len(rest) > len(word) and not rest[len(word)].isspace()):
            return []
        out.append(word)
        rest = rest[len(word) :].lstrip()
    return out


def _mobile_actions(lines: list[_Line], idx: int) -> bool:
    """Whether the lines from *idx* (just under the title) open with the mobile site's page
    actions: three of them at least ("Article Talk" / "Language" / "Watch" / "Edit"), and
    not the desktop site's ("Read", "View history")."""
    words: list[str] = []
    for ln in lines[idx:]:
        if not ln.stripped:
            continue
        actions = _action_words(ln.stripped)
        if not actions:
            break
        words.extend(actions)
    return len(set(words)) >= 3 and not {"Read", "View history"} & set(words)


#: A hatnote at the head of an article, no paragraph of it: '"Philippeville massacre" and
#: "El-Halia mine massacre" redirect here. For the 1871 massacre, see Mokrani Revolt.'
_TOP_HATNOTE = re.compile(
    r"^(?:This article is about\b|Not to be confused with\b|"
    r"(?:\"[^\"]{1,120}\"(?:,\s*|\s+and\s+|,\s+and\s+)){0,4}\"[^\"]{1,120}\"\s+redirects?\s+here\.|"
    r"For (?:the|other|an?|more)\b[^.]{0,120},\s+see\s)"
)


def _next_prose(lines: list[_Line], idx: int) -> int:
    """The index of the first prose line at or after *idx* (``len(lines)`` when none)."""
    while idx < len(lines) and (
        not _is_prose(lines[idx].text)
        or _CHROME.match(lines[idx].stripped)
        or _TOP_HATNOTE.match(lines[idx].stripped)
    ):
        idx += 1
    return idx


def _family_rows(lines: list[_Line]) -> int:
    """The most labels of one infobox family (:data:`FAMILY_SIGNATURES`) that *lines* start
    with."""
    keys = {RENDERED_LABELS[hit[0]] for ln in lines if (hit := _match_label(ln.text)) is not None}
    return max((len(keys & set(sig)) for sig in FAMILY_SIGNATURES.values()), default=0)


def _box_after_first_paragraph(
    lines: list[_Line], first: int, title: str = ""
) -> tuple[int, list[_Line]] | None:
    """On a copy of the mobile site, whose first paragraph (line *first*) stands above the
    infobox: the index of the next prose line and the box's lines between the two, when those
    lines hold the rows of an event infobox (at least two of a family's labels) and the lines
    before the paragraph hold none; None otherwise. The caption of the box's image under its
    head (the title again, "Part of …") is one of the box's lines, not the next paragraph."""
    after = _next_prose(lines, first + 1)
    while (
        title
        and after < len(lines)
        and any(
            ln.stripped.startswith("Part of ") or ln.stripped == title
            for ln in lines[first + 1 : after]
        )
        and _box_caption(lines, after, title)
    ):
        after = _next_prose(lines, after + 1)
    between = [ln for ln in lines[first + 1 : after] if ln.stripped or "\t" in ln.text]
    if _family_rows(between) < 2 or _family_rows(lines[:first]) >= 2:
        return None
    # a section's title between the box and the next paragraph ("Background") starts the body
    # (with a hatnote under it: "Main article: …")
    k = after
    edit_link = False
    # (the mobile site's "edit" link under a section's title: "Background ⏎ edit")
    while k - 1 > first and (
        not lines[k - 1].stripped
        or _HATNOTE.match(lines[k - 1].stripped)
        or lines[k - 1].stripped in ("edit", "[edit]")
    ):
        edit_link = edit_link or lines[k - 1].stripped in ("edit", "[edit]")
        k -= 1
    # (without its "edit" link, a title stands apart from the box's last row, an empty line
    # above it: "Charges<TAB>Murder ⏎ Air piracy ⏎ Hostage taking" is one row's list)
    # (or right under a row of its own: "PerpetratorsDutch East India Company ⏎ Background")
    apart = (
        "\t" not in lines[k - 1].text
        and k - 2 > first
        and (not lines[k - 2].stripped or _match_label(lines[k - 2].text) is not None)
    )
    label = _match_label(lines[k - 1].text)
    if (
        k - 1 > first
        and _section_title(lines[k - 1].stripped)
        and (edit_link or apart)
        # (a title with its "edit" link is one even when it reads as a label: "Perpetrator";
        # so is a label alone on its line between empty lines: "Deaths ⏎ ⏎ <prose>")
        and (edit_link or label is None or label[1] >= len(lines[k - 1].text.rstrip()))
    ):
        after = k - 1
        between = [ln for ln in lines[first + 1 : after] if ln.stripped or "\t" in ln.text]
    return after, between


#: A navigation box's list on one line: four items or more between dashes or dots.
_NAVBOX_LIST = re.compile(r"^[^–·•]{1,60}(?:\s[–·•]\s[^–·•]{1,60}){4,}$")
#: The title or sub-title of a navigation box ("Bombings and terrorist attacks of the Iraq
#: War", "Attacks with 80+ deaths in bold:").
_NAVBOX_TITLE = re.compile(
    r":$|^[^\d()]{0,80}\b(?:wars?|conflicts?|insurgency|campaigns?|attacks|incidents|bombings|"
    r"massacres|battles|operations|revolution|crisis|uprisings?)\b[^\d()]{0,40}$",
    re.I,
)


def _navbox_at(lines: list[_Line], n: int) -> bool:
    """Whether line *n* opens a navigation box's "v ⏎ t ⏎ e" links (view, talk, edit)."""
    return (
        lines[n].stripped == "v"
        and n + 2 < len(lines)
        and lines[n + 1].stripped == "t"
        and lines[n + 2].stripped == "e"
    )


def _read_infobox(box_lines: list[_Line], title: str, doc: Document) -> Infobox | None:
    fields: list[Field] = []
    current: tuple[str, _Line, list[tuple[_Line, int]]] | None = None  # label, its line, values
    part_of: list[_Line] = []
    prelude: list[_Line] = []

    def flush() -> None:
        nonlocal current
        if current is not None:
            label, label_line, parts = current
            fields.extend(_make_fields(label, label_line, parts, doc))
        current = None

    in_map = False
    for n, line in enumerate(box_lines):
        s = line.stripped
        if _CHROME.match(s):
            continue
        hit = _match_label(line.text)
        navbox_list = _NAVBOX_LIST.search(s) is not None
        if navbox_list and current is not None:
            # a campaign box's list of events ("Jordanian embassy – UN headquarters – …"): its
            # title and sub-title above it ("Bombings and terrorist attacks of the Iraq War",
            # "Attacks with 80+ deaths in bold:") ran into the row before, and leave it
            parts = current[2]
            while len(parts) > 1 and _NAVBOX_TITLE.search(parts[-1][0].stripped):
                parts.pop()
        if navbox_list or _MAP_WIDGET.match(s) or _navbox_at(box_lines, n):
            # the map ends the row above it, its labels follow; so does a campaign box's
            # "v ⏎ t ⏎ e" and its title and items ("Somali Civil War ⏎ (2009–present)")
            flush()
            in_map = True
            continue
        if in_map and (not hit or _MAP_CAPTION.match(s)):
            continue  # the map's labels, and its caption "Location of the massacre in Colorado"
        in_map = False
        if hit:
            flush()
            label, off = hit
            parts = [(line, off)] if line.text[off:].strip() else []
            current = (label, line, parts)
            continue
        if current is not None:
            current[2].append((line, 0))
            continue
        if s.startswith("Part of ") or (
            part_of and box_lines[n - 1].stripped.endswith(",") and part_of[-1] is box_lines[n - 1]
        ):
            part_of.append(line)
            continue
        if s == title and not prelude and not part_of:
            continue
        prelude.append(line)
    flush()

    if part_of:
        first = part_of[0]
        start = first.start + first.text.index("Part of")
        span = (start, _trim(part_of[-1])[1])
        items = []
        for k, ln in enumerate(part_of):
            a = ln.text.index("Part of") + len("Part of") if k == 0 else 0
            s_, e_ = _trim(ln, a)
            seg = doc.input[s_:e_].rstrip(",")
            if seg.strip():
                items.append(MappedText.identity(seg, s_))
        plain = MappedText.join(items, "\n")
        fields.insert(
            0, Field("Part of", "part_of", doc.input[span[0] : span[1]], span, plain, items=items)
        )
    for line in prelude:
        # a caption: a line of the box's head that is not a label, the title or "Part of"
        s_, e_ = _trim(line)
        doc.sentences.append(
            _sentence(doc, line, s_ - line.start, e_ - line.start, -1, "caption", None)
        )
    if not fields:
        return None
    keys = {f.key for f in fields}
    template = None
    best = 0
    for family, signature in FAMILY_SIGNATURES.items():
        score = sum(1 for k in signature if k in keys)
        if score > best:
            template, best = family, score
    if any(f.label in _CIVIL_CONFLICT_LABELS for f in fields):
        template = "civil conflict"  # "Parties", "Lead figures": a riot's or a rising's box
    parts = RENDERED_TOLL_PARTS.get(template or "", frozenset())
    for f in fields:
        if f.label in parts:
            f.hints["toll_part"] = True  # the dead aboard: one part of the toll
    span = (fields[0].span[0], max(f.span[1] for f in fields))
    return Infobox(template, span, fields)


#: Labels that are also words of a cell's lines ("Combatants: 10,048 killed"): a label only
#: alone on its line, before a tab or glued to a figure.
_CELL_WORD_LABELS = frozenset(
    ("Combatants", "Parties", "Number", "Arrested", "Detained", "Goals", "Methods", "Caused by",
     "Resulted in", "Lead figures")
)  # fmt: skip
#: The rendered labels that only Template:Infobox civil conflict shows.
_CIVIL_CONFLICT_LABELS = frozenset(("Parties to the civil conflict", "Parties", "Lead figures"))
#: Where two table cells of a row meet with no tab or line break between them (Firefox
#: copies a row's cells with nothing between them): "VoortrekkersZulu Kingdom" (a word of
#: four or more lower-case letters runs into a capitalised one), "3 wounded[3]3,000+ killed"
#: (a footnote marker, a bracket or a word runs into a number), "Cilliers (POW)Alp Arslan".
_GLUE = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])|(?<=[\]\)])(?=[A-Z0-9])|(?<=[a-z]{3})(?=\d)")
#: The words that give a line of a strength or casualty cell its shape (for a split point).
_ROW_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "died": "killed",
    "fatalities": "killed",
    "kia": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "wia": "wounded",
    "captured": "captured",
    "prisoners": "captured",
    "pows": "captured",
    "pow": "captured",
    "missing": "missing",
    "mia": "missing",
    "casualties": "casualties",
    "losses": "casualties",
    "sick": "sick",
    "total": "total",
}
_MAC = re.compile(r"\bMa?c[a-z]*\Z")
_DYING_MODE = re.compile(
    r"\bin\s+action\b|\b(?:of|from)\s+(?:\w+\s+)?(?:disease|wounds|illness|accidents?)\b|"
    r"\bexecuted\b|\bdrowned\b|\bhanged\b|\bin\s+captivity\b"
)
_NO_FIGURE = re.compile(r"(?i)(?:unknown|heavy|light|minimal|none|n/a|unclear|several)\W*$")
_CONTINGENT = re.compile(r"^[^\d:]{2,40}:")


def _row_shape(text: str) -> frozenset[str]:
    """The words that shape one line of a strength or casualty cell ("25,904 dead or missing"
    → {killed, missing}; "32 tanks" → {tanks}; "40,000–70,000" → {number})."""
    plain = re.sub(r"\[[^\]]{1,12}\]", "", text).strip().lower()
    words = re.findall(r"[a-z]+", plain)
    shape = {_ROW_WORDS[w] for w in words if w in _ROW_WORDS}
    mode = _DYING_MODE.search(plain)
    if mode and "killed" in shape:
        # "4,000 killed in action / 2,000 died of disease / 500 killed": three ways of dying
        # of one side, no repeat
        shape = (shape - {"killed"}) | {"killed " + mode.group(0).split()[-1]}
    if not shape and words:
        shape = {words[-1].rstrip("s")}
    if not shape and re.search(r"\d", plain):
        shape = {"number"}
    return frozenset(shape)


def _gap_split(parts: list[tuple[_Line, int]], text: str, head_end: int) -> tuple[int, int] | None:
    """Where the second side's cell starts when a copy leaves two empty lines or more between
    a row's cells and at most one anywhere else in the row (Firefox on the desktop site:
    "Belligerents ⏎ ⏎ Free France ⏎ British Empire ⏎ ⏎ ⏎ Italy ⏎ Germany"); or one empty line
    between them, in a row whose first cell opens with one too (under its label, *head_end*)
    and that has no other ("Belligerents ⏎ ⏎ Great Britain ⏎ British America ⏎ ⏎ Spain");
    None otherwise."""
    blanks = [
        text.count("\n", parts[k - 1][0].end, parts[k][0].start) for k in range(1, len(parts))
    ]
    gaps = [k for k, n in enumerate(blanks, start=1) if n >= 3]
    if len(gaps) == 1:
        return (gaps[0], 0)
    single = [k for k, n in enumerate(blanks, start=1) if n == 2]
    if not gaps and len(single) == 1 and text.count("\n", head_end, parts[0][0].start) >= 2:
        return (single[0], 0)
    return None


def _stacked_split(key: str, texts: list[str]) -> tuple[int, int] | None:
    """Where the second side's cell starts in a row copied with no tab between its two cells.

    Firefox copies a table row's cells with nothing between them: a cell that ends in a line
    break puts the next cell's lines under its own ("Belligerents ⏎ Finland ⏎ Soviet Union"),
    one that does not glues them ("VoortrekkersZulu Kingdom"). Returns (line index, offset in
    that line) of the second cell's start, or None when the row gives no sign of it:
    the one glue point of the row; else, for figures, the first line that repeats the shape of
    a line above it ("25,904 dead or missing … Total: 70,000 ⏎ 126,875 dead or missing"), or a
    closing "Unknown"; else two lines (a bracketed line going with the one above it), one each."""
    glues: list[tuple[int, int]] = []
    for k, t in enumerate(texts):
        t = t.rstrip()
        for m in _GLUE.finditer(t):
            pos = m.start()
            if 0 < pos < len(t) and not _MAC.search(t, max(0, pos - 30), pos):
                glues.append((k, pos))  # ("MacArthur", "McDonald" are no glue points)
            if len(glues) > 1:
                return None  # two glue points or more: no sign which one it is
    if glues:
        return glues[0]
    if key == "combatants":
        # "Russian Empire Ottoman Empire", " Denmark France": two states' names meeting at a
        # space (the second cell's flag icon copied as one) on one line, the only such line
        # (a row's last line under a sub-label may be two flags of the second cell,
        # "Expeditionary forces: ⏎ Iraq Jordan"; without one it is the usual glue, " Chile
        # Spanish Empire" under " United Provinces of the Río de la Plata")
        pairs = [(k, at) for k, t in enumerate(texts) if (at := _two_states_at(t)) is not None]
        labelled = any(
            t.strip().endswith(":") and not _SUPPORT_LABEL.match(t.strip()) for t in texts
        )
        if len(pairs) == 1 and (pairs[0][0] < len(texts) - 1 or not labelled):
            return pairs[0]
        heads = [k for k, t in enumerate(texts) if t.strip().endswith(":") and len(t) < 60]
        if (
            not pairs
            and len(heads) == 2
            and heads[0] == 0
            and all(_ALLIANCE_LABEL.search(texts[k]) for k in heads)
        ):
            # "Grand Alliance: ⏎ Holy Roman Empire ⏎ England ⏎ Bourbon alliance: ⏎ Kingdom of
            # France": each side's cell opens with the name of its alliance (not a support
            # or volunteers' label inside one side)
            return (heads[1], 0)
    # a line in brackets remarks on the line above it ("Eastern Army ⏎ (Tokugawa loyalists)")
    heads = [k for k, t in enumerate(texts) if not t.lstrip().startswith("(")]
    if len(heads) == 2 and heads[0] == 0:
        return (heads[1], 0)
    if key not in ("strength", "casualties") or len(texts) < 2:
        return None
    if any(
        _CONTINGENT.match(t.strip()) and not t.strip().lower().startswith("total") for t in texts
    ):
        return None  # contingents inside a cell would repeat its shape
    seen: set[str] = set(_row_shape(texts[0]))
    for k in range(1, len(texts)):
        shape = _row_shape(texts[k])
        if shape & seen and "total" not in shape:
            return (k, 0)
        seen |= shape
    if _NO_FIGURE.fullmatch(texts[-1].strip()):
        return (len(texts) - 1, 0)
    return None


#: A label that names one side's alliance ("Grand Alliance:", "Central Powers:", "Coalition:").
_ALLIANCE_LABEL = re.compile(
    r"(?i)^\s*(?:the\s+)?[\w' -]{0,40}\b(?:alliance|coalition|powers|league|entente|axis|"
    r"pact|bloc|confederation)\s*:\s*$"
)
#: A sub-label of a side's allies ("Supported by:"): its states are that side's, and the second
#: side's name may follow them on the same line (" Cuba Somalia").
_SUPPORT_LABEL = re.compile(
    r"(?i)(?:[a-z]+ly\s+)?(?:supported\s+by|support(?:ed)?|in\s+support|backed\s+by|"
    r"assisted\s+by|allies|with\s+support\s+from)\s*:$"
)


def _two_states_at(text: str) -> int | None:
    """Where the second of two states' names starts in *text* when the line is exactly two
    of them joined by a space ("Russian Empire Ottoman Empire", "United States Japan"); None
    otherwise."""
    from eventledger.normalise.actors import is_state_name

    t = text.rstrip()
    lead = len(t) - len(t.lstrip())
    body = t.strip()
    if " " not in body or len(body) > 80:
        return None
    found = [
        m.start()
        for m in re.finditer(r" (?=[A-Z])", body)
        if is_state_name(body[: m.start()]) and is_state_name(body[m.start() + 1 :])
    ]
    return lead + found[0] + 1 if len(found) == 1 else None


def _make_fields(
    label: str, label_line: _Line, parts: list[tuple[_Line, int]], doc: Document
) -> list[Field]:
    """One field per label, or one per side when cells are tab-separated (military boxes)."""
    key = RENDERED_LABELS[label]
    per_side = key in ("combatants", "commanders", "units", "strength", "casualties")
    if not parts:
        return []
    columns: dict[int | None, list[MappedText]] = {}
    spans: dict[int | None, list[tuple[int, int]]] = {}
    # A browser keeps a table cell's lines together and puts a tab between the cells of a
    # row, so "1,305 killed ⏎ 573 captured<TAB>16,000 killed ⏎ 20,000 captured" is side 1's
    # two lines, then side 2's: a tab moves on to the next column, and the lines after it
    # stay in that column.
    tabbed = per_side and any(
        "\t" in line.text[off:].strip() or line.text[off:].strip(" \r\n") == "\t"
        for line, off in parts
    )
    stacked = (
        _gap_split(parts, doc.input, label_line.end)
        or _stacked_split(key, [line.text[off:] for line, off in parts])
        if per_side and not tabbed and parts[0][0] is not label_line
        else None
    )
    column = 0
    for n_part, (line, off) in enumerate(parts):
        cells = [(off, len(line.text))]
        if stacked is not None and stacked[0] == n_part:
            at = off + stacked[1]
            cells = (
                [(off, at), (at, len(line.text))]
                if stacked[1]
                else [(off, off), (off, len(line.text))]
            )
        elif tabbed and "\t" in line.text[off:]:
            cells = []
            a = off
            for m in re.finditer(r"\t+", line.text[off:]):
                cells.append((a, off + m.start()))
                a = off + m.end()
            cells.append((a, len(line.text)))
        for k, (a, b) in enumerate(cells):
            if k:
                column += 1
            side = column + 1 if tabbed or stacked is not None else None
            s_, e_ = _trim(line, a, b)
            if e_ <= s_:
                continue
            columns.setdefault(side, []).append(MappedText.identity(doc.input[s_:e_], s_))
            spans.setdefault(side, []).append((s_, e_))
    out = []
    for side, items in columns.items():
        # the field's span runs from its label (on the first line) to its last value
        first = spans[side][0][0]
        if side in (None, 1):
            first = min(first, label_line.start + label_line.text.index(label))
        span = (first, spans[side][-1][1])
        plains = []
        markers: list[Marker] = []
        for item in items:
            plain, ms, flags = _strip_markers(item.text, item.starts[0])
            plains.append(plain)
            markers.extend(ms)
            doc.flags.extend(flags)
        out.append(
            Field(
                label,
                key,
                doc.input[span[0] : span[1]],
                span,
                MappedText.join(plains, "\n"),
                items=plains,
                markers=markers,
                # ("Executed by": the operation's own side, side 1)
                side=side if per_side else (1 if key == "executed_by" else None),
            )
        )
    return out


def _sentence(
    doc: Document, line: _Line, a: int, b: int, paragraph: int, origin: str, section: str | None
) -> Sentence:
    start, end = line.start + a, line.start + b
    raw = doc.input[start:end]
    plain, markers, flags = _strip_markers(raw, start)
    doc.flags.extend(flags)
    sid = f"s{len(doc.sentences) + 1}"
    return Sentence(
        sid, raw, (start, end), plain, paragraph, markers, section=section, origin=origin
    )


def _heading(s: str) -> str | None:
    h = s.rstrip()
    if h.endswith(_EDIT):  # (no regex: "\s*\[edit\]" is quadratic on a run of spaces)
        h = h[: -len(_EDIT)]
    elif h.endswith(_EDIT_SOURCE):
        h = h[: -len(_EDIT_SOURCE)]
    h = h.strip()
    if (
        0 < len(h) <= 60
        and not re.search(r"[.!?:;,]$|\]$", h)
        and len(h.split()) <= 8
        and not _MARKER.search(h)
    ):
        return h
    return None


#: The line that opens a table of contents in a copy's body.
_CONTENTS = frozenset({"Contents", "Contents hide"})


def _contents_lines(lines: list[_Line]) -> set[int]:
    """The lines of a table of contents in the body ("Contents" and the section titles under
    it, "Attack / Casualties / Reactions / References", "1 Background / 2 Attack"), which are
    no headings. The first section's own heading may follow the list with nothing between:
    the run's last title is that heading when it repeats the list's first title ("Attack" …
    "Attack", "1 Background" … "Background[edit]") or stands right above a paragraph."""
    out: set[int] = set()
    n = 0
    while n < len(lines):
        if lines[n].stripped not in _CONTENTS:
            n += 1
            continue
        k = n + 1
        run: list[int] = []
        while (
            k < len(lines)
            and lines[k].stripped
            and lines[k].stripped not in _CONTENTS
            and _heading(lines[k].stripped) is not None
            and not _is_prose(lines[k].stripped)
            and not _REF_LINE.match(lines[k].text)
        ):
            run.append(k)
            k += 1
        if len(run) >= 2:
            first, last = (_toc_title(lines[run[0]].stripped), _toc_title(lines[run[-1]].stripped))
            if first == last or (
                k < len(lines) and lines[k].stripped and _is_prose(lines[k].stripped)
            ):
                run = run[:-1]
        if len(run) >= 2:
            out.add(n)
            out.update(run)
        n = max(k, n + 1)  # (a run is read once: no rescan from a later "Contents")
    return out


def _toc_title(s: str) -> str:
    """A contents entry or a heading without its number and edit link ("1\tBackground",
    "Background[edit]": "background")."""
    return (_heading(re.sub(r"^\d+(?:\.\d+)*\s+", "", s)) or "").casefold()


def _read_body(lines: list[_Line], doc: Document) -> None:
    section: str | None = None
    in_refs = False
    bibliography = False
    notes = False  # the section lists explanatory notes ("Notes" beside "References")
    paragraph = 0
    last_ref: RawReference | None = None
    counters: dict[str, int] = {}  # unnumbered entries are numbered per list
    # a heading is marked by "[edit]" after it or, in newer skins, an "Edit" line under it
    edit_marked = {
        n
        for n, ln in enumerate(lines)
        if ln.stripped.endswith((_EDIT, _EDIT_SOURCE))
        or (n + 1 < len(lines) and lines[n + 1].stripped in _EDIT_LINES and ln.stripped)
    }
    ref_sections = {(_heading(lines[n].stripped) or "").lower() for n in edit_marked}
    # a list heading standing alone above its "^" entries ("Notes", "References")
    ref_sections |= {
        ln.stripped.lower()
        for n, ln in enumerate(lines[:-1])
        if ln.stripped.lower() in _REF_HEADINGS
        and _is_entry(next((x.text for x in lines[n + 1 :] if x.stripped), ""))
    }
    # explanatory notes are a list apart only when a "References" or "Citations" section
    # holds "^" entries, under its own heading or a subsection's ("References ⏎ Footnotes ⏎
    # ^ …") or below a remark (not a "References" bibliography of books under a "Notes"
    # list of citations)
    separate_notes = _citations_listed(lines, edit_marked)
    # a copy with no blank line at all (the mobile site's, some Chrome copies) marks a heading
    # only by standing alone above a paragraph or a reference list
    last = max((n for n, ln in enumerate(lines) if ln.stripped), default=-1)
    no_blank = all(ln.stripped for ln in lines[: last + 1])
    toc = _contents_lines(lines)
    marked = len(edit_marked) >= 3
    # (a "Footnotes" list above a citations list of its own explains: see below)
    cited_at = _last_citations_heading(lines) if separate_notes else None
    for n, line in enumerate(lines):
        s = line.stripped
        if not s or (s in _EDIT_LINES and n - 1 in edit_marked) or _HATNOTE.match(s) or n in toc:
            continue
        m = _REF_LINE.match(line.text) or (_CARET_LINE.match(line.text) if in_refs else None)
        if m:
            in_refs = True
            list_key = section or ""
            counters[list_key] = counters.get(list_key, 0) + 1
            last_ref = _reference(doc, line, m, counters[list_key], notes)
            continue
        # (a contents list above a heading stands for the blank line)
        prev_blank = n == 0 or not lines[n - 1].stripped or n - 1 in toc
        next_blank = n + 1 >= len(lines) or not lines[n + 1].stripped
        if n in edit_marked:
            head = _heading(s)  # "Casualties[edit]": a heading, wherever it stands
        elif in_refs:
            # in "See also", "External links" …: the items are links, not headings; only
            # another list's heading ("References") starts a new section
            cand = _heading(s)
            head = cand if cand is not None and cand.lower() in _REF_HEADINGS else None
        elif prev_blank or next_blank:
            head = _heading(s)
            if head is not None and marked and head.lower() not in _REF_HEADINGS:
                # a copy that marks its headings ("Casualties[edit]") marks them all: a short
                # line between paragraphs is a quotation's source ("Mohammed Olad Hassan, BBC
                # News"), a caption or a list item, no heading
                head = None
        elif (no_blank and s.lower() in _REF_HEADINGS) or (
            (no_blank or _tight_heading(lines, n, s))
            and _opens_block(lines, n + 1)
            and _title_line(s)
        ):
            # ("See also", "External links": end matter, whatever follows)
            head = _heading(s)
        else:
            head = None
        if head is not None and not _is_prose(s):
            # "References ⏎ Footnotes ⏎ ^ …": a "Footnotes" list right under an empty
            # "References" heading is the citations' list, no explanatory notes
            under_refs = (
                section is not None
                and section.lower() in ("references", "citations")
                and last_ref is None
            )
            section = head
            lowered = head.lower()
            in_refs = lowered in _REF_HEADINGS
            bibliography = lowered in _BIB_HEADINGS
            notes = (
                separate_notes
                and lowered in _NOTE_HEADINGS
                and not (
                    under_refs
                    and lowered == "footnotes"
                    and not (cited_at is not None and cited_at > n)
                )
            )
            last_ref = None
            continue
        if in_refs:
            if bibliography and len(s) > 20:
                a, b = _trim(line)
                raw = doc.input[a:b]
                plain, _, _ = _strip_markers(raw, a)
                doc.references.append(
                    RawReference(
                        f"r{len(doc.references) + 1}",
                        str(len(doc.references) + 1),
                        raw,
                        (a, b),
                        plain,
                        bibliography=True,
                    )
                )
            elif last_ref is not None and not _is_prose(s):
                pass  # a wrapped reference line: left out of the entry, recorded nowhere
            continue
        # a paragraph
        for a, b in split_sentences(line.text):
            doc.sentences.append(_sentence(doc, line, a, b, paragraph, "body", section))
        paragraph += 1


def _section_title(s: str) -> bool:
    """Whether *s* reads as an event article's section title: one of :data:`_SECTION_WORDS`,
    or a title of at most five words that opens with one and holds no comma or figure."""
    words = s.split()
    if not words or words[0].casefold().strip("'\"") not in _SECTION_WORDS:
        return False
    return len(words) == 1 or (len(words) <= 5 and not re.search(r"[,\d]", s))


def _opens_block(lines: list[_Line], n: int, hops: int = 3) -> bool:
    """Whether line *n* (past any hatnote) is prose or a reference-list entry, or a run of up
    to *hops* more section titles above one ("Background" / "Campaign" / prose: the mobile
    site's collapsed sections, a section and its first subsection)."""
    while n < len(lines) and _HATNOTE.match(lines[n].stripped):
        n += 1
    if n >= len(lines):
        return False
    if _is_prose(lines[n].text) or _is_entry(lines[n].text):
        return True
    return hops > 0 and _title_line(lines[n].stripped) and _opens_block(lines, n + 1, hops - 1)


def _title_line(s: str) -> bool:
    """Whether *s* reads as a heading a block may stand under: a reference list's title or an
    event article's section title."""
    return s.lower() in _REF_HEADINGS or _section_title(s)


def _tight_heading(lines: list[_Line], n: int, s: str) -> bool:
    """In a copy that has blank lines, whether line *n* (*s*) stands between two non-blank
    lines with a paragraph's end or another title above it: the mobile site (and some copies)
    prints section titles with no blank line around them, between paragraphs. Only a
    one-word section title or a reference list's title: a caption between two paragraphs
    ("Aftermath of the bombing", "Site of the massacre") is no heading."""
    if n == 0 or n + 1 >= len(lines):
        return False
    if s.lower() not in _REF_HEADINGS and len(s.split()) != 1:
        return False
    above = lines[n - 1].stripped
    return bool(above) and (_is_prose(above) or _is_entry(lines[n - 1].text) or _title_line(above))


def _reference(
    doc: Document, line: _Line, m: re.Match[str], ordinal: int, note: bool = False
) -> RawReference:
    """One entry of a reference list. An entry without a printed label takes its place in its
    own list: a number, or a letter in a list of notes ("[a]" markers point to it)."""
    letters = m.group("letters").split()
    num = m.groupdict().get("num")
    if note:
        label = _letters(ordinal)  # a notes list's "[a]" markers, whatever it printed
    elif num:
        label = num
    else:
        label = str(ordinal)
    a, b = _trim(line, m.start("body"))
    raw_entry = doc.input[a:b]
    plain, _, flags = _strip_markers(raw_entry, a)
    doc.flags.extend(flags)
    ref = RawReference(
        f"r{len(doc.references) + 1}",
        label,
        raw_entry,
        (a, b),
        plain,
        backlinks=len(letters) if letters else 1,
        group="notes" if note else None,
    )
    doc.references.append(ref)
    return ref


def _last_citations_heading(lines: list[_Line]) -> int | None:
    """The line of the last heading of a citations list ("Citations", "References", "Works
    cited" above "^" entries), or None: a "Footnotes" list above it explains."""
    nxt = ""  # the next non-blank line's text, scanning upwards
    for m in range(len(lines) - 1, -1, -1):
        s = lines[m].stripped
        if not s:
            continue
        head = (_heading(s) or "").lower()
        if head in ("citations", "references", "works cited", "cited sources", "sources") and (
            _is_entry(nxt)
        ):
            return m
        nxt = lines[m].text
    return None


def _citations_listed(lines: list[_Line], edit_marked: set[int]) -> bool:
    """Whether a "References" or "Citations" section holds "^" entries: from its heading to
    the next heading of explanatory notes, of a bibliography or of end matter (one pass)."""
    inside = False
    for n, ln in enumerate(lines):
        s = ln.stripped
        if not s:
            continue
        head = (_heading(s) or "").lower() if (n in edit_marked or len(s) <= 40) else ""
        if head in ("references", "citations"):
            inside = True
            continue
        if inside and head in _SECTION_ENDS:
            inside = False
            continue
        if inside and _is_entry(ln.text):
            return True
    return False


#: Headings that end a "References" section's search for its citations.
_SECTION_ENDS = frozenset(
    ("notes", "explanatory notes", "notes and explanations", "external links", "see also",
     "further reading", "bibliography", "sources", "works cited", "literature")
)  # fmt: skip


def _is_entry(line: str) -> bool:
    """Whether *line* is an entry of a reference or notes list ("1. ^ …", "^ a b …")."""
    return bool(_REF_LINE.match(line) or _CARET_LINE.match(line))


def _letters(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": the labels of a notes list."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _link_markers(doc: Document) -> None:
    by_label = {r.label: r.id for r in doc.references if not r.bibliography}
    for marker in doc.markers():
        marker.ref = by_label.get(marker.label)
    if doc.infobox is not None:
        for f in doc.infobox.fields:
            f.refs = [m.ref for m in f.markers if m.ref]
