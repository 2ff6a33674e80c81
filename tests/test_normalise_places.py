"""Tests for eventledger.normalise.places (real infobox place= values from the corpus)."""

from __future__ import annotations

import pytest

from eventledger.normalise.places import Place, load_index, resolve_place


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
        ("Marsaglia, near Turin, present-day Italy", "Turin", "IT", 2, "city"),
        ("Wakefield, West Yorkshire, England", "Wakefield", "GB", 1, "city"),
        ("Melbourne, Vic.", "Melbourne", "AU", 1, "city"),
        ("Vancouver British Columbia", "Vancouver", "CA", 1, "city"),
        ("Nanking and surrounding areas", "Nanjing", "CN", 1, "city"),
        ("Near the village of Roliça in Portugal", "Portugal", "PT", 6, "country"),
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


@pytest.mark.parametrize("text", ["Soviet", "French", "May", "Gegenmiao lamasery", "", "the army"])
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
