"""Tests for eventledger.normalise.places (real infobox place= values from the corpus)."""

from __future__ import annotations

import pytest

from eventledger.normalise.places import (
    Place,
    _arabic_key,
    load_index,
    nearest_city,
    resolve_place,
)


@pytest.fixture(scope="module", autouse=True)
def index() -> None:
    load_index()


@pytest.mark.parametrize(
    ("text", "name", "country", "where_prec", "feature"),
    [
        ("Hastings, Sussex, England", "Hastings", "GB", 1, "city"),
        ("Breitscheidplatz, Berlin, Germany", "Berlin", "DE", 1, "city"),
        ("Near Sebastopol, Crimea", "Sevastopol", "UA", 2, "city"),
        ("Atlantic Ocean", "Atlantic Ocean", None, 7, "water"),
        ("Strait of Dover", "Strait of Dover", None, 7, "water"),
        ("Paris, France", "Paris", "FR", 1, "city"),
        ("Tulsa County, Oklahoma", "Tulsa County", "US", 3, "admin2"),
        ("Imber, Wiltshire, United Kingdom", "Wiltshire", "GB", 3, "admin2"),
        ("Fayettville, Arkansas, USA", "Arkansas", "US", 4, "admin1"),
        ("Northern France", "France", "FR", 5, "region"),
        ("Lechfeld plain, near Augsburg, Bavaria", "Augsburg", "DE", 2, "city"),
        ("Wakefield, West Yorkshire, England", "Wakefield", "GB", 1, "city"),
        ("Melbourne, Vic.", "Melbourne", "AU", 1, "city"),
        ("Vancouver British Columbia", "Vancouver", "CA", 1, "city"),
        ("Nanking and surrounding areas", "Nanjing", "CN", 1, "city"),
        ("Near the village of Roliça in Portugal", "Portugal", "PT", 6, "country"),
        ("Fayettville, Arkansas, USA", "Arkansas", "US", 4, "admin1"),
        # main name (romanised either way) before alternate names: Kyzyl was once "Krasny"
        ("Krasny, Russia", "Krasnyy", "RU", 1, "city"),
        # polities stand for their territory, never a town named like a word in them
        ("Kingdom of England", "England", "GB", 4, "admin1"),
        ("Kingdom of France", "France", "FR", 6, "country"),
        ("Saint-Domingue", "Haiti", "HT", 6, "country"),
        # diacritics: not a common English word, so no population floor
        ("near Țuțora and Prut river, Moldavia", "Ţuţora", "RO", 2, "city"),
        ("Off Naupactus", "Náfpaktos", "GR", 2, "city"),
        # a name written with its diacritics is the place so written, not an accent-fold twin
        ("Câmpina", "Câmpina", "RO", 1, "city"),
        # the country "now" named is where the place lies; the state it was in then is not
        ("Brześć Litewski, Poland (now Belarus)", "Belarus", "BY", 6, "country"),
        ("Brześć Litewski, Poland, present-day Belarus", "Belarus", "BY", 6, "country"),
        # a division named after its capital holds the town named first ("Murcia" is the region)
        ("Cartagena, Murcia, Spain", "Cartagena", "ES", 1, "city"),
        # a body of water named first, then what holds it: the water, with the country
        ("Gulf of Roses, Catalonia, Spain", "Gulf of Roses", "ES", 7, "water"),
        ("Strait of Messina, Italy", "Strait of Messina", "IT", 7, "water"),
        ("Dover, Strait of Dover", "Dover", "GB", 1, "city"),
        # a generic French word for islands is no town ("Iles", Colombia)
        ("Off Îles d'Hyères, French Mediterranean coast", None, None, None, None),
        # an area named after a town is a region of its country, not the town
        ("Donets Basin", "Donets Basin", "UA", 5, "region"),
        ("Kerch Peninsula", "Kerch Peninsula", "UA", 5, "region"),
        # a near phrase that opens the text is no part of the place's name
        ("Outskirts of Kyiv", "Kyiv", "UA", 2, "city"),
        ("Vicinity of Aleppo, Syria", "Aleppo", "SY", 2, "city"),
        # the first town, unless it is far from the town it is said to be near
        ("Waterloo, present day Belgium; 15 km south of Brussels", "Waterloo", "BE", 1, "city"),
        ("Marsaglia, near Turin, present-day Italy", "Turin", "IT", 2, "city"),
        ("Battle near Hastings, East Sussex, England", "Hastings", "GB", 2, "city"),
        ("Dundalk, County Louth Ireland", "Dundalk", "IE", 1, "city"),
        # the country hint: explicit countries, else the last division (the container)
        ("Marathon, Greece", "Marathónas", "GR", 1, "city"),
        ("off Portland, England, Lyme Bay, English Channel", "Portland", "GB", 2, "city"),
        # states now split among several countries give no country hint
        ("Kharkov, Ukrainian SSR, Soviet Union", "Kharkiv", "UA", 1, "city"),
        ("Mykonos, Ottoman Empire", "Mykonos", "GR", 1, "city"),
        # "Île de France" (Mauritius) is not France
        ("off Port Louis, Île de France", "Port Louis", "MU", 2, "city"),
        ("[[Berlin]], [[Third Reich|Germany]]", "Berlin", "DE", 1, "city"),
        ("Luxembourg", "Luxembourg", "LU", 6, "country"),
    ],
)
def test_resolve_place(
    text: str, name: str, country: str | None, where_prec: int, feature: str
) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec, p.feature) == (name, country, where_prec, feature)
    assert p.text == text
    if feature in ("city", "admin1", "admin2", "country"):
        assert p.lat is not None and p.lon is not None


@pytest.mark.parametrize(
    "text", ["Soviet", "French", "May", "Gegenmiao lamasery", "", "the army", "Syr Darya", "Hill"]
)
def test_unresolved(text: str) -> None:
    p = resolve_place(text)
    assert p == Place(text, None, None, None, None, None, None)


def test_gegenmiao_context_falls_back_to_province() -> None:
    context = ["a town in the Horqin Right Front Banner of the Hinggan League of Inner Mongolia"]
    p = resolve_place("Gegenmiao lamasery", context=context)
    assert p.country == "CN"
    assert p.where_prec in (3, 4)
    assert p.matched == "Inner Mongolia"
    assert p.lat is not None and p.lon is not None
    assert 37.4 <= p.lat <= 53.3 and 97.2 <= p.lon <= 126.1


def test_context_does_not_invent_a_town_from_a_region_name() -> None:
    # GeoNames lists "Manchuria" as an alternate name of the town of Manzhouli
    p = resolve_place("Gegenmiao lamasery", context=["the Soviet invasion of Manchuria"])
    assert p.where_prec == 5 and p.feature == "region" and p.lat is None


def test_context_must_agree_with_the_country_of_the_text() -> None:
    p = resolve_place("somewhere in Portugal", context=["He later moved to Berlin."])
    assert (p.country, p.where_prec) == ("PT", 6)


@pytest.mark.parametrize(
    ("text", "coord", "lat", "lon"),
    [
        ("Near Las Navas de Tolosa, Jaén, Andalusia, 38.28443, -3.58286", None, 38.28443, -3.58286),
        ("Berlin, Germany", (52.5, 13.37), 52.5, 13.37),
        ("52°31′N 13°22′E", None, 52 + 31 / 60, 13 + 22 / 60),
    ],
)
def test_stated_coordinates_win(
    text: str, coord: tuple[float, float] | None, lat: float, lon: float
) -> None:
    p = resolve_place(text, coord=coord)
    assert p.where_prec == 1 and p.feature == "coord"
    assert p.lat == pytest.approx(lat) and p.lon == pytest.approx(lon)


def test_common_word_is_not_a_village() -> None:
    # "Front" and "Banner" are villages somewhere; inside a run they must not match
    p = resolve_place("Horqin Right Front Banner")
    assert p.where_prec is None


@pytest.mark.parametrize(
    ("text", "coord", "name", "country"),
    [
        # a same-named town far from the coordinates is another town (Dundalk, Maryland)
        ("Silverbridge, County Armagh & Dundalk, County Louth Ireland", (54.009, -6.4049),
         "Dundalk", "IE"),
        ("Waterloo, then Netherlands, present day Belgium", (50.68016, 4.41169), "Waterloo", "BE"),
        # no name agrees: the country of the nearest city to the coordinates
        ("Springfield", (48.85, 2.35), None, "FR"),
        ("Middlesex County, Massachusetts", (42.449639, -71.230833), "Middlesex County", "US"),
    ],
)  # fmt: skip
def test_names_must_agree_with_stated_coordinates(
    text: str, coord: tuple[float, float], name: str | None, country: str
) -> None:
    p = resolve_place(text, coord=coord)
    assert (p.name, p.country, p.where_prec, p.feature) == (name, country, 1, "coord")
    assert (p.lat, p.lon) == coord


@pytest.mark.parametrize(
    ("lat", "lon", "country"),
    [(54.009, -6.4049, "IE"), (54.1, -6.6, "GB"), (52.5, 13.4, "DE"), (-33.9, 151.2, "AU")],
)
def test_nearest_city(lat: float, lon: float, country: str) -> None:
    got = nearest_city(lat, lon)
    assert got is not None and got[1] == country and got[3] < 50


def test_nearest_city_far_out_at_sea() -> None:
    assert nearest_city(0.0, -140.0) is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Eastern North America, Caribbean Sea, Indian subcontinent, Africa, the Atlantic "
         "Ocean, and the Indian Ocean", "North America", None),
        ("Europe, Pacific, Atlantic, South-East Asia, China, Middle East, Mediterranean",
         "Europe", None),
        ("The Ardennes: Belgium, Luxembourg", "Ardennes", None),
        ("Denmark, Norway, Sweden", "Denmark", None),
    ],
)  # fmt: skip
def test_a_list_of_areas_is_its_first_area(text: str, name: str, country: str | None) -> None:
    context = ["Clinton withdrew into New York.", "He later moved to Berlin."]
    p = resolve_place(text, context=context)
    assert (p.name, p.country, p.where_prec, p.feature, p.lat) == (name, country, 5, "region", None)


@pytest.mark.parametrize(
    ("text", "context", "name", "where_prec"),
    [
        # a region of a country stays the region: Paris is in the body, not the location
        ("Northern France", ["the Liberation of Paris followed on 25 August"], "France", 5),
        # a polity stays the polity: "Church of England" is not the town of Church
        ("Kingdom of England", ["The monopoly of the Church of England on worship ended."],
         "England", 4),
        # a water body stays the water body
        ("Strait of Messina", ["lying two miles south of Messina"], "Strait of Messina", 7),
        # the text names a village the gazetteer lacks: no other town from the body
        ("Near the village of Roliça in Portugal",
         ["The French blocked the roads south toward Lisbon.",
          "Wellesley arrived at Óbidos and moved toward Roliça."], "Portugal", 6),
        # a country named in the body (here the colonial power) is not the place
        ("Saint-Domingue", ["sugar imported by France and Britain"], "Haiti", 6),
        ("Taginae", ["sugar imported by France and Britain"], None, None),
        # a known admin2 may still be refined by a town the body places in it
        ("Tulsa County, Oklahoma", ["5 miles northwest of modern Tulsa."], "Tulsa", 2),
    ],
)  # fmt: skip
def test_context_does_not_invent_a_place(
    text: str, context: list[str], name: str | None, where_prec: int | None
) -> None:
    p = resolve_place(text, context=context)
    assert (p.name, p.where_prec) == (name, where_prec)


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1", "where_prec"),
    [
        # a town followed by its division: the namesake inside that division
        ("Makiivka, Donetsk Oblast", "Makiyivka", "UA", "Donetsk", 1),
        # an organisation's or office's name is not its country
        ("Islamic State of Iraq", None, None, None, None),
        ("Investigative Committee of Russia", None, None, None, None),
        ("Kingdom of France", "France", "FR", None, 6),
        # Arabic articles continue a name; a lower-case division word closes it
        ("Deir ez-Zor Governorate", "Deir ez-Zor", "SY", "Deir ez-Zor", 4),
        ("the Deir ez-Zor region of Syria", "Deir ez-Zor", "SY", "Deir ez-Zor", 4),
        ("Donetsk oblast", "Donetsk", "UA", "Donetsk", 4),
        # a monarch's regnal number: a person, not a town
        ("Queen Elizabeth II", None, None, None, None),
        ("Louis XVI", None, None, None, None),
        # a venue named after its town: the town, near
        ("Melbourne Cricket Ground", "Melbourne", "AU", "Victoria", 2),
        ("Westminster Hall in London, England", "London", "GB", "England", 1),
    ],
)
def test_prose_place_rules(
    text: str, name: str | None, country: str | None, admin1: str | None, where_prec: int | None
) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec) == (name, country, where_prec)
    if admin1 is not None:
        assert p.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "name", "admin1", "where_prec"),
    [
        # GeoNames names Russian divisions by their adjective (Tverskaya): the stem is written
        ("Kuzhenkino in Tver Oblast", "Kuzhenkino", "Tverskaya", 1),
        ("Krasnodar Krai", "Krasnodarskiy", "Krasnodarskiy", 4),
    ],
)
def test_adjectival_division_names(text: str, name: str, admin1: str, where_prec: int) -> None:
    p = resolve_place(text)
    assert (p.name, p.admin1, p.where_prec) == (name, admin1, where_prec)


@pytest.mark.parametrize(
    ("text", "context", "name", "where_prec"),
    [
        # the body's "city of Idlib" is the governorate's capital: no town is picked for it
        ("Idlib Governorate", ["Rebels advanced from the city of Idlib towards Latakia."],
         "Idlib", 4),
        # without a namesake, a town of the body still refines the division
        ("Aleppo Governorate", ["The army took Khanasir and the road to the south."],
         "Khanāşir", 1),
    ],
)  # fmt: skip
def test_division_namesake_capital(
    text: str, context: list[str], name: str, where_prec: int
) -> None:
    p = resolve_place(text, context=context)
    assert (p.name, p.where_prec) == (name, where_prec)


@pytest.mark.parametrize(
    ("text", "name", "country", "where_prec"),
    [
        # Arabic transliteration variants: article forms, ayn marks, doubled letters
        ("Maarrat al-Numan", "Ma‘arrat an Nu‘mān", "SY", 1),
        ("Maarrat al-Nu'man, Syria", "Ma‘arrat an Nu‘mān", "SY", 1),
        # "<X> Governorate/Province" is the division even when GeoNames writes it "Ar-X"
        ("Raqqa Governorate", "Ar-Raqqah", "SY", 4),
        ("the Raqqa Province", "Ar-Raqqah", "SY", 4),
        ("Raqqah governorate", "Ar-Raqqah", "SY", 4),
        # names found directly are unchanged
        ("Raqqa", "Ar Raqqah", "SY", 1),
        ("Paris", "Paris", "FR", 1),
        ("Aleppo Governorate", "Aleppo", "SY", 4),
    ],
)
def test_arabic_transliteration_variants(
    text: str, name: str, country: str, where_prec: int
) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec) == (name, country, where_prec)


@pytest.mark.parametrize(
    "text",
    [
        "Numana",  # an Italian town: not folded onto an Arabic name
        "O'Hare",  # an apostrophe alone does not make a name Arabic
        "al-Ra",  # too short to tell apart
    ],
)
def test_arabic_fold_does_not_invent_places(text: str) -> None:
    p = resolve_place(text)
    assert p.country not in {"SY", "IQ", "JO", "LB", "SA", "EG"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Maarrat al-Numan", "Ma`arrat an Nu`man"),
        ("Abu al-Duhur", "Abu ad Duhur"),
        ("Raqqa", "Ar-Raqqah"),
        ("Jisr al-Shughur", "Jisr ash Shughur"),
    ],
)
def test_arabic_key_folds_variants(a: str, b: str) -> None:
    assert _arabic_key(a) == _arabic_key(b)


def test_arabic_key_keeps_other_names_apart() -> None:
    assert _arabic_key("Hama") != _arabic_key("Homs")
    assert _arabic_key("Tal al-Abyad") != _arabic_key("Tal al-Aswad")


@pytest.mark.parametrize(
    ("text", "matched", "where_prec", "feature"),
    [
        # "the city/town/village of X" is the settlement, not the division named after it
        ("the city of Kherson", "Kherson", 1, "city"),
        ("Kherson", "Kherson", 4, "admin1"),
        # a facility named after a place ("X Military Airbase", "X Airbase"): near X
        ("Abu al-Duhur Military Airbase", "Abu al-Duhur", 2, "city"),
        ("Abu al-Duhur Airbase", "Abu al-Duhur", 2, "city"),
        ("Melbourne Cricket Ground", "Melbourne", 2, "city"),
        # a reference point ("north of X") is near X, never its point
        ("north and east of Mosul", "Mosul", 2, "city"),
    ],
)
def test_settlement_and_facility_words(
    text: str, matched: str, where_prec: int, feature: str
) -> None:
    p = resolve_place(text)
    assert (p.matched, p.where_prec, p.feature) == (matched, where_prec, feature)


@pytest.mark.parametrize(
    ("text", "context", "name", "country", "where_prec"),
    [
        # a lower-case compass adjective before a country: a part of it, an area (5), and
        # the body's towns do not refine it
        ("eastern Syria", [], "Syria", "SY", 5),
        ("eastern Syria", ["The army shelled Al-Hasakah and Deir ez-Zor."], "Syria", "SY", 5),
        ("northern Iraq", [], "Iraq", "IQ", 5),
        ("Northern France", [], "France", "FR", 5),
        # a part of a first-order division lies inside it (4), whichever case
        ("Eastern Homs Governorate", [], "Homs", "SY", 4),
        ("northern Aleppo Governorate", [], "Aleppo", "SY", 4),
        # a division or country whose own name holds the direction is that place
        ("Northern Ireland", [], "Northern Ireland", "GB", 4),
        ("Western Sahara", [], "Western Sahara", "EH", 6),
    ],
)
def test_compass_part_of_a_place(
    text: str, context: list[str], name: str, country: str, where_prec: int
) -> None:
    p = resolve_place(text, context=context)
    assert (p.name, p.country, p.where_prec) == (name, country, where_prec)


@pytest.mark.parametrize(
    ("text", "name", "country", "where_prec", "feature"),
    [
        # one plural division word closes a list: each name is a division, not its town
        ("Idlib and Hama Governorates, Syria", "Idlib", "SY", 4, "admin1"),
        ("Chernihiv and Sumy oblasts", "Chernihiv", "UA", 4, "admin1"),
        ("Afrin and Azaz districts, Aleppo Governorate, Syria", "‘Afrīn", "SY", 3, "seat"),
        # three or more first-order divisions of one country: its region, no point
        ("Nineveh, Kirkuk, Saladin, and Diyala Governorates", "Iraq", "IQ", 5, "region"),
        ("Aleppo, Hasakah, and Raqqa governorates, Syria", "Syria", "SY", 5, "region"),
        # the list starts at its first capitalised name
        ("fighting in the Idlib and Hama governorates of Syria", "Idlib", "SY", 4, "admin1"),
        # a single division keeps its own reading
        ("Idlib Governorate, Syria", "Idlib", "SY", 4, "admin1"),
    ],
)
def test_plural_division_lists(
    text: str, name: str, country: str, where_prec: int, feature: str
) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec, p.feature) == (name, country, where_prec, feature)


@pytest.mark.parametrize(
    ("text", "where_prec"),
    [
        ("western suburbs of Donetsk", 2),
        ("the suburbs of Donetsk", 2),
        ("outskirts of Moscow", 2),
        ("Donetsk", 1),
    ],
)
def test_suburbs_are_near(text: str, where_prec: int) -> None:
    assert resolve_place(text).where_prec == where_prec


@pytest.mark.parametrize(
    ("text", "name", "where_prec"),
    [
        # GeoNames writes Mykolayiv: English's Mykolaiv is the same city, not only the oblast
        ("Mykolaiv", "Mykolayiv", 1),
        ("Mykolaiv Oblast", "Mykolaiv", 4),
        # no city of that main name above the capital threshold: still the oblast
        ("Kherson", "Kherson", 4),
    ],
)
def test_ukrainian_romanisations(text: str, name: str, where_prec: int) -> None:
    p = resolve_place(text)
    assert (p.name, p.country, p.where_prec) == (name, "UA", where_prec)


@pytest.mark.parametrize(
    ("text", "name", "country", "where_prec", "feature"),
    [
        # a former state after a place contains it; it is no second area of a list
        ("Kharkov, Ukrainian SSR, Soviet Union", "Kharkiv", "UA", 1, "city"),
        # an old name of a great city that is also its division's name reads as the city ...
        ("Kiev, Ukrainian SSR, Soviet Union", "Kyiv", "UA", 1, "city"),
        ("Leningrad, Soviet Union", "Saint Petersburg", "RU", 1, "city"),
        # ... but a state is not its namesake town, nor "Oklahoma" Oklahoma City
        ("Bihar, India", "Bihar", "IN", 4, "admin1"),
        ("Oklahoma", "Oklahoma", "US", 4, "admin1"),
        # a lower-case area word after the names makes an area of them
        ("Rzhev and Velikiye Luki salients, Russian SFSR", None, "RU", 5, "region"),
        ("Loire river valley, France", None, "FR", 5, "region"),
        # historical regions
        ("Courland, Latvia", "Courland", "LV", 5, "region"),
        # a region spanning countries, then one country: the part in that country
        ("Ardennes, Belgium", "Ardennes", "BE", 5, "region"),
        ("Ardennes, Belgium, Luxembourg", "Ardennes", None, 5, "region"),
        # off the coast of a division or country is at sea
        ("Off the coast of Schleswig-Holstein", "Schleswig-Holstein", "DE", 7, "water"),
        ("Southern coast of England, off Winchelsea", "England", "GB", 7, "water"),
        ("off the coast of Dover, England", "Dover", "GB", 2, "city"),
    ],
)
def test_places_from_the_second_infobox_coding(
    text: str, name: str | None, country: str | None, where_prec: int, feature: str
) -> None:
    p = resolve_place(text)
    if name is not None:
        assert p.name == name
    assert (p.country, p.where_prec, p.feature) == (country, where_prec, feature)


def test_a_country_named_near_a_border_agrees_with_the_coordinates() -> None:
    # the nearest GeoNames town to Oberwald (46.53 N, 8.35 E) is Formazza, 18 km away in Italy
    p = resolve_place("Oberwald, Switzerland", coord=(46.5333, 8.35))
    assert (p.country, p.where_prec) == ("CH", 1)


def test_reverse_lookups_ask_the_grid_by_key_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reverse lookup reads a few cells; it never lists the grid's keys (``grid or {}``
    did: a table's truth is its length, about 4 ms of SQL per call)."""
    from eventledger.normalise import places

    places.load_index()
    grid = places._grid
    assert grid is not None

    def refuse(*_args: object) -> int:
        raise AssertionError("the whole grid was listed")

    monkeypatch.setattr(type(grid), "__len__", refuse)
    monkeypatch.setattr(type(grid), "__iter__", refuse)
    monkeypatch.setattr(type(grid), "__bool__", refuse, raising=False)
    places._countries_within.cache_clear()
    assert nearest_city(52.5, 13.4) is not None
    assert "DE" in places._countries_within(52.5, 13.4, 50.0)
