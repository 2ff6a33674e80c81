"""Stated coordinates in separate infobox parameters, the lead's "fought in X", and the
country of a page's categories when its place names nothing the gazetteer knows."""

from __future__ import annotations

import pytest

from eventledger.normalise.places import coord_from_parameters, country_of_categories
from eventledger.pipeline import parse_text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"lat_deg": "33", "lat_min": "46", "lat_sec": "35.401", "lat_dir": "N",
             "lon_deg": "93", "lon_min": "21", "lon_sec": "59.616", "lon_dir": "W"},
            (33.7765, -93.3666),
        ),
        ({"lat_deg": "12", "lat_dir": "S", "lon_deg": "77", "lon_dir": "E"}, (-12.0, 77.0)),
        ({"latd": "45", "latm": "30", "longd": "7", "longm": "15", "longEW": "E"}, (45.5, 7.25)),
        ({"latitude": "48.2", "longitude": "-3.5"}, (48.2, -3.5)),
        ({"lat_deg": "-33.5", "lon_deg": "151.2"}, (-33.5, 151.2)),
        # not stated, or not well-formed: nothing is guessed
        ({"latitude": "", "longitude": ""}, None),
        ({"lat_deg": "33", "lat_dir": "N"}, None),
        ({"lat_deg": "33", "lat_min": "75", "lon_deg": "93"}, None),
        ({"lat_deg": "33", "lat_dir": "Q", "lon_deg": "93"}, None),
        ({"lat_deg": "about 33", "lon_deg": "93"}, None),
        ({"lat_deg": "95", "lon_deg": "93"}, None),
        ({"lat_deg": "-33", "lat_dir": "S", "lon_deg": "93"}, None),
        ({"latitude": "48.2", "longitude": "west"}, None),
        ({"map_type": "Arkansas", "map_size": "220"}, None),
    ],
)  # fmt: skip
def test_coord_from_parameters(params: dict[str, str], expected: tuple | None) -> None:
    got = coord_from_parameters(params)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert got == pytest.approx(expected, abs=1e-3)


def test_infobox_coordinate_parameters_locate_the_event() -> None:
    wiki = (
        "{{infobox military conflict\n|conflict = Battle of the Ford\n|date = March 30, 1864\n"
        "|place =\n| lat_deg = 33 | lat_min = 46 | lat_dir = N\n"
        "| lon_deg = 93 | lon_min = 21 | lon_dir = W\n|casualties1 = 100\n}}\n"
        "The '''Battle of the Ford''' was part of a campaign launched from Alexandria, "
        "Louisiana.<ref>Jones 1990, p. 4.</ref>\n\n==References==\n{{reflist}}\n"
    )
    (rec,) = parse_text(wiki, name="Battle_of_the_Ford.wiki", format="wikitext")
    loc = rec["event"]["location"]
    assert (round(loc["lat"], 3), round(loc["lon"], 3), loc["where_prec"]) == (33.767, -93.35, 1)
    assert loc["country"] == "US"
    (st,) = [s for s in rec["statements"] if s["property"] == "coordinates"]
    assert st["origin"] == "infobox" and st["text"].startswith("33 | lat_min = 46")
    assert st["value"]["coord"] == pytest.approx([33.7667, -93.35], abs=1e-3)


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        # the place the event was fought in wins over a place named earlier in the background
        ("After marching out of Toulon, the two armies fought at Marseille.", "Marseille"),
        ("Troops from Toulon met the rebels; the battle took place near Marseille.", "Marseille"),
        ("The battle was fought in present-day Marseille, far from Toulon.", "Marseille"),
        # without such a verb, the first place named is taken, as before
        ("The army raised in Toulon met the rebels near Marseille.", "Toulon"),
        # a "fought in" name the gazetteer does not know leaves the first place named
        ("The armies raised in Toulon fought in the Xyzzy Valley.", "Toulon"),
        # … or knows only a part of ("St. Peter's", a town in Canada): it may be another place
        (
            "The mourners gathered in Toulon; the funeral took place in St. Peter's Square.",
            "Toulon",
        ),
    ],
)
def test_lead_place_prefers_where_it_was_fought(lead: str, name: str) -> None:
    wiki = (
        "{{Infobox military conflict\n| conflict = The Ford fight\n| date = 1650\n}}\n"
        f"{lead}<ref>Dupont 1990, p. 4.</ref>\n\n==References==\n{{{{reflist}}}}\n"
    )
    (rec,) = parse_text(wiki, name="Ford_fight.wiki", format="wikitext")
    assert rec["event"]["location"]["name"] == name


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        (["Conflicts in 1665", "1665 in India"], "IN"),
        (["1066 in England"], "GB"),
        (["1860s in the United States"], "US"),
        (["17th century in Burma"], "MM"),
        (["India in the 17th century"], "IN"),
        (["1665 in India", "1666 in India"], "IN"),
        # a name of two places, no country, two countries, or no "in <Country>" at all: none
        (["1864 in Georgia"], None),
        (["1453 in the Ottoman Empire"], None),
        (["1944 in Belgium", "1945 in Luxembourg"], None),
        (["1944 in military history", "Conflicts in 1665"], None),
        (["Battles involving India"], None),
        ([], None),
    ],
)
def test_country_of_categories(categories: list[str], expected: str | None) -> None:
    got = country_of_categories(categories)
    assert (got[0] if got else None) == expected


def test_category_country_only_when_the_place_resolves_nothing() -> None:
    def wiki(place: str) -> str:
        return (
            "{{Infobox military conflict\n| conflict = Siege of Xyzzy\n| date = 1665\n"
            f"| place = {place}\n}}}}\n'''The Siege of Xyzzy''' was a siege.<ref>A 1990.</ref>\n\n"
            "==References==\n{{reflist}}\n[[Category:1665 in India]]\n"
        )

    (rec,) = parse_text(wiki("[[Xyzzy fort|Xyzzy]]"), name="Siege.wiki", format="wikitext")
    loc = rec["event"]["location"]
    assert (loc["country"], loc["where_prec"], loc["lat"]) == ("IN", None, None)
    assert loc["country_category"] == "1665 in India"
    (rec,) = parse_text(wiki("Paris, France"), name="Siege.wiki", format="wikitext")
    assert rec["event"]["location"]["country"] == "FR"
    assert "country_category" not in rec["event"]["location"]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("launched against the Islamic State of Iraq and the Levant", True),
        ("the Investigative Committee of Russia launched an investigation", True),
        ("the medal went to Isaac Smith of Geelong", True),
        ("annexed by the Kingdom of France in 1766", False),
        ("The Battle of Hastings was fought", False),
        ("the siege of Amirli in Iraq", False),
        ('an operation, codenamed "Dawn of Idlib", was launched', False),
    ],
)
def test_of_place_inside_a_name(sentence: str, body: bool) -> None:
    """'<Organisation / person> of <Place>' names a body; a state's or event's name does not."""
    from eventledger.extract.statements import _PLACE_AFTER, _names_a_body
    from eventledger.normalise.places import ORG_WORDS

    m = next(m for m in _PLACE_AFTER.finditer(sentence) if m.group().startswith("of"))
    assert _names_a_body(sentence, m, ORG_WORDS) is body


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("She was killed in August 2022 in a car bombing on the outskirts of Moscow.", "Moscow"),
        ("He was assassinated at Sarajevo by a student.", "Sarajevo"),
        ("Two men were shot dead near Belfast in 1972.", "Belfast"),
        ("He was killed in action during the war.", None),
    ],
)
def test_killed_at(sentence: str, place: str | None) -> None:
    """The place of a person's killing, skipping a month after 'in'."""
    from eventledger.extract.statements import _KILLED_AT

    m = _KILLED_AT.search(sentence)
    assert (m.group("p") if m else None) == place


def _lead_place(lead: str) -> dict:
    wiki = (
        "{{Infobox military conflict\n| conflict = The Ford fight\n| date = 1650\n}}\n"
        f"{lead}<ref>Dupont 1990, p. 4.</ref>\n\n==References==\n{{{{reflist}}}}\n"
    )
    (rec,) = parse_text(wiki, name="Ford_fight.wiki", format="wikitext")
    return rec["event"]["location"]


@pytest.mark.parametrize(
    ("lead", "name", "where_prec"),
    [
        # a place after "<direction> of" / "<N km> <direction> of" is a reference point: near
        ("The fighting was in the area north and east of Mosul.", "Mosul", 2),
        ("The rebels took the village of Xyzzyq, north of Aleppo.", "Aleppo", 2),
        ("The plant lies 130 km north of Kyiv.", "Kyiv", 2),
        ("The troops held positions in Aleppo.", "Aleppo", 1),
        # a facility named after a place, then the town it stands in: the town
        (
            "Explosions occurred at the Saky airbase in the town of Novofedorivka, Crimea.",
            "Novofedorovka",
            1,
        ),
        ("Explosions occurred at the Saky airbase near the coast.", "Saki", 1),
        # "the city of X" later in the lead says which X a bare earlier name is
        ("The battle of Kherson ended with the capture of the city of Kherson.", "Kherson", 1),
    ],
)
def test_lead_place_qualifiers(lead: str, name: str, where_prec: int) -> None:
    loc = _lead_place(lead)
    assert (loc["name"], loc["where_prec"]) == (name, where_prec)


def test_bare_namesake_without_city_of_stays_the_oblast() -> None:
    loc = _lead_place("The battle of Kherson was fought by the army.")
    assert (loc["name"], loc["where_prec"]) == ("Kherson", 4)


@pytest.mark.parametrize(
    ("lead", "text", "name", "where_prec"),
    [
        # a compass adjective before a country: the country, as an area
        (
            "It was an offensive against military installations in eastern Syria during the "
            "civil war.",
            "eastern Syria",
            "Syria",
            5,
        ),
        # tried only after every other lead place
        ("Rebels in northern Syria attacked the city of Aleppo.", "city of Aleppo", "Aleppo", 1),
        # a month after a place is a date, not its container
        (
            "The offensive was launched in the Eastern Homs Governorate in January 2017.",
            "Eastern Homs Governorate",
            "Homs",
            4,
        ),
        ("The siege began in Aleppo in early March 2013.", "Aleppo", "Aleppo", 1),
        # a place after "in" still contains the one before it
        (
            "The attack took place in Kramatorsk in Donetsk Oblast.",
            "Kramatorsk in Donetsk Oblast",
            "Kramatorsk",
            1,
        ),
    ],
)
def test_lead_place_compass_and_month(lead: str, text: str, name: str, where_prec: int) -> None:
    loc = _lead_place(lead)
    assert (loc["text"], loc["name"], loc["where_prec"]) == (text, name, where_prec)


@pytest.mark.parametrize(
    ("text", "name", "country", "where_prec"),
    [
        # three provinces, or two under a region of the country: the country's region
        (
            "Northwestern Syria\n* Northeastern Hama Governorate\n* Southeastern Idlib "
            "Governorate\n* Southwestern Aleppo Governorate",
            "Syria", "SY", 5,
        ),
        (
            "Idlib Governorate, western Aleppo Governorate, and north Hama Governorate, Syria",
            "Syria", "SY", 5,
        ),
        ("Eastern Syria * Southern Al-Hasakah Governorate * Eastern Deir ez-Zor Governorate",
         "Syria", "SY", 5),
        # two provinces astride a border stay the first one
        ("Eastern Aleppo Governorate and southwestern Raqqa Governorate, Syria", "Aleppo", "SY", 4),
        # divisions that only say where each town is are no spread
        (
            "New York City; Arlington County, Virginia; and near Shanksville, Pennsylvania",
            "New York City", "US", 1,
        ),
    ],
)  # fmt: skip
def test_places_spread_over_provinces(text: str, name: str, country: str, where_prec: int) -> None:
    from eventledger.normalise.places import resolve_place

    place = resolve_place(text)
    assert (place.name, place.country, place.where_prec) == (name, country, where_prec)


@pytest.mark.parametrize(
    ("title", "refined"),
    [
        ("Battle of Moshchun", "Moshchun"),  # the title's place, named in the body: refined
        ("Northeastern Ukraine campaign", None),  # a campaign: the country stays
    ],
)
def test_country_refined_only_to_the_title_place(title: str, refined: str | None) -> None:
    from eventledger.normalise.places import resolve_place

    context = ["Russian forces shelled Moshchun, a village near Kyiv, before attacking Kharkiv."]
    place = resolve_place("Ukraine", context=context, title=title)
    if refined is None:
        assert (place.name, place.where_prec) == ("Ukraine", 6)
    else:
        assert (place.name, place.country, place.where_prec) == (refined, "UA", 1)


@pytest.mark.parametrize(
    ("text", "name", "where_prec", "feature"),
    [
        # a district the gazetteer does not know, named by its seat: the seat, at district level
        ("Tadmur District, Homs Governorate, Syria", "Tadmur", 3, "seat"),
        ("Al-Bab District, Aleppo Governorate, Syria", "Al Bāb", 3, "seat"),
        # a short Arabic name with its article still resolves ("al-Bab" folds to "bab")
        ("Al-Bab, Syria", "Al Bāb", 1, "city"),
    ],
)
def test_division_named_by_its_seat(text: str, name: str, where_prec: int, feature: str) -> None:
    from eventledger.normalise.places import resolve_place

    place = resolve_place(text)
    assert (place.name, place.country, place.where_prec, place.feature) == (
        name, "SY", where_prec, feature
    )  # fmt: skip


def _prose(title: str, lead: str, place: str | None = None) -> dict:
    """The location of a rendered page with *lead* and, if given, a front-matter place."""
    front = f"---\nsubject: {title}\nplace:\n  - {place}\n---\n\n" if place else ""
    (rec,) = parse_text(front + lead + "\n", title=title, format="prose")
    return rec["event"]["location"]


@pytest.mark.parametrize(
    ("title", "lead", "place", "name", "where_prec"),
    [
        # the title's town, inside the front matter's district: the town
        (
            "Battle of Tabqa",
            "The Battle of Tabqa was an operation in Syria. It resulted in the capture of "
            "Tabqa on 10 May 2017.",
            "Al-Thawrah District, Raqqa Governorate, Syria",
            "Al-Tabqa",
            1,
        ),
        # a region of the country: the title's town, "the city of X"
        (
            "Battle of Mosul",
            "The Battle of Mosul was a campaign by Iraqi forces to retake the city of Mosul.",
            "Northern Iraq • Southwest Erbil Governorate",
            "Mosul",
            1,
        ),
        # a town outside the division named is another place: the division stays
        (
            "Battle of Tabqa",
            "The Battle of Tabqa was an operation in Syria. It resulted in the capture of "
            "Tabqa on 10 May 2017.",
            "Aleppo Governorate, Syria",
            "Aleppo",
            4,
        ),
        # a distance phrase is a reference point, never the event's town
        (
            "Battle of Mosul",
            "The Battle of Mosul was fought in the area north and east of Mosul.",
            "Nineveh Plains, Iraq",
            "Iraq",
            6,
        ),
        # the page's own name says nothing of where: the district stays
        (
            "Battle of Sirte",
            "The Battle of Sirte started in the spring of 2016, in the Sirte District in Libya.",
            "Sirte District, Libya",
            "Sirte",
            3,
        ),
        # an offensive's lead town is one of many: the division stays
        (
            "Manbij offensive",
            "The Manbij offensive was an operation to capture the city of Manbij.",
            "Aleppo Governorate, Syria",
            "Aleppo",
            4,
        ),
    ],
)
def test_lead_town_inside_the_front_matter_place(
    title: str, lead: str, place: str, name: str, where_prec: int
) -> None:
    loc = _prose(title, lead, place)
    assert (loc["name"], loc["where_prec"]) == (name, where_prec)


@pytest.mark.parametrize(
    ("lead", "name", "where_prec"),
    [
        # the suburbs of a town are near it
        ("The battles were for the control of the western suburbs of Donetsk.", "Donetsk", 2),
        # a town named as one point of a front line over two oblasts: the region
        (
            "The battle is a series of engagements between Russia and Ukraine along a frontline "
            "running from the village of Tavilzhanka in the northeast, the city of Svatove in "
            "the center, and to the city of Kreminna in the south.",
            "Svatove",
            5,
        ),
        # its towns in one oblast: that oblast's precision
        (
            "Fighting went on along a front line from the city of Svatove to the city of Kreminna.",
            "Svatove",
            4,
        ),
        # no line phrase: the town itself
        ("The battle was fought in the city of Svatove in Ukraine.", "Svatove", 1),
    ],
)
def test_lead_suburbs_and_front_lines(lead: str, name: str, where_prec: int) -> None:
    loc = _prose("Battle of the line", lead)
    assert (loc["name"], loc["where_prec"]) == (name, where_prec)


def test_country_refined_to_the_title_town_in_the_named_division() -> None:
    """ "Trostianets, in Sumy Oblast": of the towns so called (GeoNames spells the Sumy one
    Trostyanets; a village in Lviv Oblast has the exact spelling), the one in the oblast."""
    from eventledger.normalise.places import resolve_place

    context = ["The city of Trostianets, in Sumy Oblast, was attacked by Russian forces."]
    place = resolve_place("Ukraine", context=context, title="Battle of Trostianets")
    assert (place.country, place.admin1, place.where_prec) == ("UA", "Sumy", 1)


def test_title_town_found_through_a_fold_does_not_crash() -> None:
    """A title town the gazetteer knows only under another spelling (the Arabic fold finds
    "Maarat al-Numan" as Ma'arrat an Nu'man) is still resolved, not an empty max()."""
    from eventledger.normalise.places import resolve_place

    place = resolve_place(
        "Syria", context=["Fighting near Maarat al-Numan."], title="Battle of Maarat al-Numan"
    )
    assert place.country == "SY" and place.admin1 == "Idlib"
    # a title word that only contains the town's name is not it
    assert resolve_place("Ukraine", ["Fighting in Kyiv."], title="Battle of Kyivska").name == (
        "Ukraine"
    )
