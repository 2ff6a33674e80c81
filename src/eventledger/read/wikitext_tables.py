"""Data tables for the wikitext reader: infobox parameter aliases and template name families.

Every table says where it was taken from. Template names are compared *normalised*
(:func:`norm_name`): lower-cased, ``Template:`` prefix removed, underscores and runs of spaces
turned into one space, as MediaWiki resolves ``{{Infobox_Military_Conflict}}`` and
``{{infobox military conflict}}`` to the same page (first letter case-insensitive; we also fold
the rest, which costs nothing because no two templates we read differ only by case).
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s_]+")


def norm_name(name: str) -> str:
    """Normalise a template or parameter name: lower-case, ``_`` as space, spaces collapsed.

    >>> norm_name(" Infobox_Military  Conflict\\n")
    'infobox military conflict'
    >>> norm_name("Template:Cite_web")
    'cite web'
    """
    n = _SPACES.sub(" ", name).strip().lower()
    if n.startswith("template:"):
        n = n[9:].strip()
    return n


#: Infobox template names (after ``infobox``) that are redirects or old names of a family, mapped
#: to the family name. Taken from Special:WhatLinksHere redirects of Template:Infobox civilian
#: attack (``terrorist attack`` moved 2017) and Template:Infobox military conflict (``battle``,
#: ``war``, ``conflict``), en.wikipedia 2024. ``civil conflict`` (riots, protests, uprisings)
#: and ``military operation`` are event infoboxes of their own beyond the four families of the
#: design: a dump's riots and operations are events a casualty dataset wants.
FAMILY_ALIASES: dict[str, str] = {
    "terrorist attack": "civilian attack",
    "civilian attack": "civilian attack",
    "attack": "civilian attack",
    "military conflict": "military conflict",
    "battle": "military conflict",
    "war": "military conflict",
    "conflict": "military conflict",
    "event": "event",
    "historical event": "historical event",
    "news event": "event",
    "civil conflict": "civil conflict",
    "military operation": "military operation",
    # Template:Infobox aircraft occurrence and its redirects (an airliner bombed, shot down or
    # hijacked; an accident is a page of kind "other": see assemble.event_kind)
    "aircraft occurrence": "aircraft occurrence",
    "airliner occurrence": "aircraft occurrence",
    "aircraft accident": "aircraft occurrence",
    "airliner accident": "aircraft occurrence",
    "aircraft incident": "aircraft occurrence",
    "airliner incident": "aircraft occurrence",
}

#: Infobox parameter names (normalised with :func:`norm_name`) mapped to canonical keys of
#: :data:`eventledger.definitions.CANONICAL_KEYS`. Taken from the parameter lists (TemplateData)
#: of Template:Infobox civilian attack, Template:Infobox military conflict, Template:Infobox
#: event and Template:Infobox historical event (en.wikipedia, 2016-2024 revisions), plus the
#: old Template:Infobox terrorist attack (``perps``) and the spellings found in the corpus.
#: Per-side parameters of military conflict (``combatant1a``, ``casualties2``) are handled by
#: :data:`SIDE_PARAM`, not here.
WIKITEXT_PARAMS: dict[str, str] = {
    "title": "name",
    "name": "name",
    "conflict": "name",
    "event name": "name",
    "partof": "part_of",
    "part of": "part_of",
    "caption": "caption",
    "place": "location",
    "location": "location",
    "locations": "location",
    "venue": "location",
    "coordinates": "coordinates",
    "coords": "coordinates",
    "coord": "coordinates",
    "date": "date",
    "dates": "date",
    "time": "time",
    "duration": "duration",
    "target": "target",
    "targets": "target",
    "type": "attack_type",
    "attack type": "attack_type",
    "attack types": "attack_type",
    "weapon": "weapons",
    "weapons": "weapons",
    "fatalities": "deaths",
    "deaths": "deaths",
    "death": "deaths",
    "dead": "deaths",
    "killed": "deaths",
    "injuries": "injuries",
    "injured": "injuries",
    "injury": "injuries",
    "wounded": "injuries",
    "non-fatal injuries": "injuries",
    "nonfatal injuries": "injuries",
    "non fatal injuries": "injuries",
    "missing": "missing",
    "victim": "victims",
    "victims": "victims",
    "perpetrator": "perpetrators",
    "perpetrators": "perpetrators",
    "perps": "perpetrators",
    "perp": "perpetrators",
    "assailant": "perpetrators",
    "assailants": "perpetrators",
    "motive": "motive",
    "motives": "motive",
    "accused": "accused",
    "convicted": "convicted",
    "charges": "charges",
    "charge": "charges",
    "verdict": "verdict",
    "defenders": "defenders",
    "judge": "judge",
    "sentence": "verdict",
    "arrests": "arrests",
    "arrested": "arrests",
    "suspects": "suspects",
    "suspect": "suspects",
    "participants": "participants",
    "outcome": "outcome",
    "result": "result",
    "territory": "territory",
    "status": "status",
    "cause": "cause",
    "causes": "cause",
    "property damage": "property_damage",
    "damage": "property_damage",
}

#: Per-family overrides of :data:`WIKITEXT_PARAMS`: in Template:Infobox event and historical
#: event, ``type`` is the type of event, not an attack type.
FAMILY_PARAMS: dict[str, dict[str, str]] = {
    "event": {"type": "type"},
    "historical event": {"type": "type"},
    # Template:Infobox military operation (TemplateData, 2024): ``type`` is the operation's
    # type, not an attack type; who carried it out is in :data:`FAMILY_SIDE_PARAMS`.
    "military operation": {"type": "type"},
    # Template:Infobox military conflict's ``notes`` row sits under the casualty rows; editors
    # write the war's whole toll there ("'''Total:''' over 200,000 killed"): casualties of
    # no side, as ``casualties3`` is without a third combatant
    "military conflict": {"notes": "casualties_other"},
    # Template:Infobox aircraft occurrence (TemplateData, 2024): the dead and hurt aboard and on
    # the ground are parts of one toll (TOLL_PART_PARAMS); ``total_fatalities`` is the toll.
    "aircraft occurrence": {
        "occurrence type": "occurrence_type",
        "summary": "summary",
        "site": "location",
        "fatalities": "deaths",
        "injuries": "injuries",
        "ground fatalities": "deaths",
        "ground injuries": "injuries",
        "total fatalities": "deaths",
        "total injuries": "injuries",
        "survivors": "survivors",
        "occupants": "occupants",
        "passengers": "passengers",
        "crew": "crew",
    },
}

#: Per-family parameters that count one part of the toll (the dead aboard, the dead on the
#: ground): their figures are summed, unless a parameter of the whole (``total_fatalities``)
#: gives the toll, whose parts they then are.
TOLL_PART_PARAMS: dict[str, frozenset[str]] = {
    "aircraft occurrence": frozenset(
        {"fatalities", "injuries", "ground fatalities", "ground injuries"}
    ),
}

#: Per-family parameters that name one side, mapped to (canonical key, side). Template:Infobox
#: military operation has no opponent parameters: the force that executed the operation (and
#: its commander) is side 1; ``target`` stays a target.
FAMILY_SIDE_PARAMS: dict[str, dict[str, tuple[str, int]]] = {
    "military operation": {
        "executed by": ("combatants", 1),
        "commanded by": ("commanders", 1),
    },
}

#: Per-side parameters of Template:Infobox military conflict: ``combatant1``, ``combatant1a``,
#: ``commander2``, ``units3``, ``strength1``, ``casualties2`` (the letter suffix adds rows to the
#: same side), and their counterparts in Template:Infobox civil conflict (riots, protests,
#: uprisings: ``side1``, ``leadfigures1``, ``howmany1``, ``casualties1``; TemplateData, 2024).
#: Plural ``combatants`` is how the key is spelled canonically.
SIDE_PARAM = re.compile(
    r"^(combatant|commander|units|strength|casualties|side|leadfigures|howmany)\s*([1-3])\s*([a-z])?$"
)
SIDE_KEYS = {
    "combatant": "combatants",
    "commander": "commanders",
    "units": "units",
    "strength": "strength",
    "casualties": "casualties",
    "side": "combatants",
    "leadfigures": "commanders",
    "howmany": "strength",
}

#: The families whose infobox has per-side parameters (:data:`SIDE_PARAM`).
SIDED_FAMILIES = frozenset({"military conflict", "civil conflict"})

#: Cite templates (Help:Citation Style 1, Wikipedia:Citation templates, 2024): every
#: ``cite xxx`` plus these names.
CITE_TEMPLATES = frozenset({"citation", "cite", "vcite", "vcite book", "vcite journal"})

#: Short-citation templates (Template:Sfn, Template:Harvard citation family, 2024). ``sfn``/
#: ``sfnp`` make a footnote; the ``harv`` family renders in-text (``harvtxt`` as
#: "Author (Year)") or inside a ``<ref>``.
SFN_TEMPLATES = frozenset({"sfn", "sfnp", "sfnm"})
HARV_TEMPLATES = frozenset(
    {"harv", "harvnb", "harvtxt", "harvp", "harvcol", "harvcolnb", "harvcoltxt", "harvs"}
)
#: Anchor templates (Template:Harvid, Template:Sfnref): written in a full citation's ``ref=``
#: parameter, they make the anchor ``CITEREF<authors><year>`` that short cites point to. They
#: cite nothing themselves.
ANCHOR_TEMPLATES = frozenset({"harvid", "sfnref"})

#: Footnote templates that behave like ``<ref group=...>`` (Template:Efn family, Template:Refn).
#: Value: the group they put the note in (None: from the ``group=`` parameter).
NOTE_TEMPLATES: dict[str, str | None] = {
    "efn": "lower-alpha",
    "efn-la": "lower-alpha",
    "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman",
    "efn-ur": "upper-roman",
    "efn-lg": "lower-greek",
    "refn": None,
    "notetag": "note",
    "note tag": "note",
}

#: Citation-needed tags (Template:Citation needed and its redirects, 2024).
CN_TEMPLATES = frozenset(
    {
        "citation needed",
        "cn",
        "fact",
        "citation required",
        "cite needed",
        "citeneeded",
        "needs citation",
        "source needed",
        "cn-span",
        "citation needed span",
    }
)

#: Reference-list templates whose ``refs=`` holds list-defined references.
REFLIST_TEMPLATES = frozenset({"reflist", "references", "notelist", "notes", "reflist-talk"})

#: List templates whose positional parameters are list items (Template:Plainlist family).
ITEM_LIST_TEMPLATES = frozenset(
    {
        "ubl",
        "ubil",
        "unbulleted list",
        "unbulleted indent list",
        "hlist",
        "bulleted list",
        "bull list",
        "blist",
        "flatlist",
        "plainlist",
        "plain list",
        "collapsible list",
        "indented plainlist",
        "endplainlist",
        "startplainlist",
    }
)

#: Formatting templates rendered as one of their positional parameters (1-based index).
#: Template:Nowrap, Small, Lang, Transl, Nihongo, Ill (interlanguage link), Abbr … (2024).
FORMAT_TEMPLATES: dict[str, int] = {
    "nowrap": 1,
    "nobr": 1,
    "small": 1,
    "smaller": 1,
    "big": 1,
    "larger": 1,
    "large": 1,
    "nobold": 1,
    "noitalic": 1,
    "nobreak": 1,
    "resize": 1,
    "sup": 1,
    "sub": 1,
    "abbr": 1,
    "abbrlink": 1,
    "lang": 2,
    "transl": 2,
    "transliteration": 2,
    "nihongo": 1,
    "nihongo2": 1,
    "ill": 1,
    "interlanguage link": 1,
    "interlanguage link multi": 1,
    "lang-rtl": 2,
    "keypress": 1,
    "longitem": 1,
    "center": 1,
    "centre": 1,
    "sic": 1,
    "linktext": 1,
    "wikt-lang": 2,
    "visible anchor": 1,
    "vanchor": 1,
    "tooltip": 1,
    "ship": 1,
    "hms": 1,
    "uss": 1,
    "sclass": 1,
    "army": 1,
    "navy": 1,
    "air force": 1,
    "flagu": 1,
    "flagcountry": 1,
    "country": 1,
    "avoid wrap": 1,
    "midsize": 1,
    "font": 1,
    "color": 2,
    "colour": 2,
}

#: Templates that break a line like ``<br>`` (Template:Clear, whose shortcut is "-"; Br).
BREAK_TEMPLATES = frozenset({"-", "br", "clear", "clr", "break"})

#: Templates rendered as a fixed string.
FIXED_TEMPLATES: dict[str, str] = {
    "!": "|",
    "=": "=",
    "ndash": "–",
    "mdash": "—",
    "snd": " – ",
    "spnd": " – ",
    "spaced ndash": " – ",
    "snds": " – ",
    "sndash": " – ",
    "spaced en dash": " – ",
    "spaced en dash space": " – ",
    "spacednd": " – ",
    "mdashb": "—",
    "emdash": "—",
    "endash": "–",
    "nbsp": " ",
    "thinsp": " ",
    "'": "'",
    "\"'": "\"'",
    "'\"": "'\"",
    "dash": "–",
    "en dash": "–",
    "em dash": "—",
    "·": " · ",
    "dot": " · ",
    "bull": " • ",
    "circa": "c. ",
    "c.": "c. ",
    "ca.": "c. ",
    "c": "c. ",
    "bc": "BC",
    "bce": "BCE",
    "ad": "AD",
    "ce": "CE",
}

#: Flag templates (Template:Flag family, 2024): name -> whether it renders the country name.
FLAG_TEMPLATES: dict[str, bool] = {
    "flag": True,
    "flagcountry": True,
    "flagu": True,
    "flag country": True,
    "flagicon": False,
    "flagdeco": False,
    "flagicon image": False,
    "flag icon": False,
    "flagright": True,
}

#: Date templates (Template:Start date, End date, Start date and age, Dts, Birth date …).
DATE_TEMPLATES = frozenset(
    {
        "start date",
        "start-date",
        "start date and age",
        "end date",
        "end date and age",
        "dts",
        "date",
        "date table sorting",
        "start and end dates",
        "start and end date",
        "julgregdatum",
        "birth date",
        "death date",
        "birth date and age",
        "death date and age",
    }
)

#: Sections whose content is not prose: no sentences are taken from them, and cite templates
#: outside ``<ref>`` there are bibliography entries (Wikipedia:Manual of Style/Layout, 2024).
NON_PROSE_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "external links",
        "see also",
        "bibliography",
        "further reading",
        "footnotes",
        "citations",
        "sources",
        "works cited",
        "literature",
        "notes and references",
        "references and notes",
        "sources and references",
        "explanatory notes",
        "general references",
        "specific references",
        "primary sources",
        "secondary sources",
        "cited sources",
        "cited works",
        "reference",
        "note",
        "source",
        "external link",
        "gallery",
        "bibliography and further reading",
        "references and further reading",
        "notes and citations",
        "citations and notes",
    }
)

#: Image options of ``[[File:...|...]]`` that are not captions (Help:Extended image syntax).
IMAGE_OPTION = re.compile(
    r"^\s*(?:thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|"
    r"baseline|middle|sub|super|top|text-top|bottom|text-bottom|upright|"
    r"\d*\s*x?\s*\d+\s*px|"
    r"(?:upright|alt|link|page|lang|class|thumbtime|start|end|thumb|thumbnail)\s*=.*)\s*$",
    re.IGNORECASE | re.DOTALL,
)
