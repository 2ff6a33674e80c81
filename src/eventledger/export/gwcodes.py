"""Gleditsch–Ward state codes for GED's ``country_id``, offline.

UCDP GED identifies the country of an event by its Gleditsch–Ward (G–W) number and names it
the G–W way (``Russia (Soviet Union)``, ``Myanmar (Burma)``). The table below is the G–W list
of independent states (Gleditsch & Ward 1999, "A revised list of independent states since
1816", *International Interactions* 25; file ``iisystem.dat`` and ``microstatessystem.dat``,
revision through 2012 as kept in ``thereseanders/gdppc_pop_gdp`` ``utils/states_GleditschWard.csv``
@ a30a8ab), keyed here by the ISO 3166-1 alpha-2 code of the *present-day* country whose
territory the state held. Codes are facts, re-typed by hand; spelling of names follows the list.

The rule that keeps the export honest: a code is given only when the whole event date lies
inside one of that state's periods of independence. Before 1816 there is no G–W state, and
for territories whose state in that period is a different one (Bavaria before 1871, the two
Germanies 1949–1990, Italy before 1861, colonies before independence) the code is left empty,
never guessed from today's borders.
"""

from __future__ import annotations

#: ISO alpha-2 -> list of (G–W code, G–W name, start, end or None). ``end`` None: still a state.
GW_STATES: dict[str, list[tuple[int, str, str, str | None]]] = {
    "US": [(2, "United States of America", "1816-01-01", None)],
    "CA": [(20, "Canada", "1867-07-01", None)],
    "BS": [(31, "Bahamas", "1973-07-10", None)],
    "CU": [(40, "Cuba", "1902-05-20", None)],
    "HT": [(41, "Haiti", "1816-01-01", "1915-07-04"), (41, "Haiti", "1934-08-15", None)],
    "DO": [(42, "Dominican Republic", "1844-02-27", None)],
    "JM": [(51, "Jamaica", "1962-08-06", None)],
    "TT": [(52, "Trinidad and Tobago", "1962-08-31", None)],
    "BB": [(53, "Barbados", "1966-11-30", None)],
    "DM": [(54, "Dominica", "1978-11-03", None)],
    "GD": [(55, "Grenada", "1974-02-07", None)],
    "LC": [(56, "Saint Lucia", "1979-02-22", None)],
    "VC": [(57, "Saint Vincent and the Grenadines", "1979-10-27", None)],
    "AG": [(58, "Antigua & Barbuda", "1981-11-01", None)],
    "KN": [(60, "Saint Kitts and Nevis", "1983-09-19", None)],
    "MX": [(70, "Mexico", "1821-07-01", None)],
    "BZ": [(80, "Belize", "1981-09-21", None)],
    "GT": [(90, "Guatemala", "1840-01-01", None)],
    "HN": [(91, "Honduras", "1840-01-01", None)],
    "SV": [(92, "El Salvador", "1840-01-01", None)],
    "NI": [(93, "Nicaragua", "1840-01-01", None)],
    "CR": [(94, "Costa Rica", "1840-01-01", None)],
    "PA": [(95, "Panama", "1903-11-03", None)],
    "CO": [(100, "Colombia", "1830-09-23", None)],
    "VE": [(101, "Venezuela", "1829-01-01", None)],
    "GY": [(110, "Guyana", "1966-05-26", None)],
    "SR": [(115, "Surinam", "1975-11-25", None)],
    "EC": [(130, "Ecuador", "1830-05-13", None)],
    "PE": [(135, "Peru", "1824-12-09", None)],
    "BR": [(140, "Brazil", "1822-09-07", None)],
    "BO": [(145, "Bolivia", "1825-08-06", None)],
    "PY": [(150, "Paraguay", "1816-01-01", None)],
    "CL": [(155, "Chile", "1818-04-01", None)],
    "AR": [(160, "Argentina", "1816-07-09", None)],
    "UY": [(165, "Uruguay", "1830-05-26", None)],
    "GB": [(200, "United Kingdom", "1816-01-01", None)],
    "IE": [(205, "Ireland", "1921-12-06", None)],
    "NL": [(210, "Netherlands", "1816-01-01", None)],
    "BE": [(211, "Belgium", "1830-10-04", None)],
    "LU": [(212, "Luxembourg", "1867-05-11", None)],
    "FR": [(220, "France", "1816-01-01", None)],
    "MC": [(221, "Monaco", "1816-01-01", None)],
    "LI": [(223, "Liechtenstein", "1816-01-01", None)],
    "CH": [(225, "Switzerland", "1816-01-01", None)],
    "ES": [(230, "Spain", "1816-01-01", None)],
    "AD": [(232, "Andorra", "1816-01-01", None)],
    "PT": [(235, "Portugal", "1816-01-01", None)],
    # Germany (Prussia) held all of today's Germany only from unification (1871-01-18).
    "DE": [
        (255, "Germany (Prussia)", "1871-01-18", "1945-05-07"),
        (260, "German Federal Republic", "1990-10-03", None),
    ],
    "PL": [(290, "Poland", "1918-11-11", None)],
    "AT": [(305, "Austria", "1918-11-14", None)],
    "HU": [(310, "Hungary", "1918-11-03", None)],
    "CZ": [
        (315, "Czechoslovakia", "1918-11-11", "1992-12-31"),
        (316, "Czech Republic", "1993-01-01", None),
    ],
    "SK": [
        (315, "Czechoslovakia", "1918-11-11", "1992-12-31"),
        (317, "Slovakia", "1993-01-01", None),
    ],
    # Italy/Sardinia held all of today's Italy only from the Kingdom of Italy (1861-03-17).
    "IT": [(325, "Italy/Sardinia", "1861-03-17", None)],
    "SM": [(331, "San Marino", "1816-01-01", None)],
    "MT": [(338, "Malta", "1964-09-21", None)],
    "AL": [(339, "Albania", "1913-01-01", None)],
    "RS": [
        (340, "Serbia", "1878-07-13", "1915-10-01"),
        (345, "Yugoslavia", "1918-12-01", "2006-06-04"),
        (340, "Serbia", "2006-06-05", None),
    ],
    "ME": [
        (341, "Montenegro", "1868-01-01", "1915-07-01"),
        (345, "Yugoslavia", "1918-12-01", "2006-06-02"),
        (341, "Montenegro", "2006-06-03", None),
    ],
    "MK": [
        (345, "Yugoslavia", "1918-12-01", "1991-11-19"),
        (343, "Macedonia (Former Yugoslav Republic of)", "1991-11-20", None),
    ],
    "HR": [(345, "Yugoslavia", "1918-12-01", "1992-04-26"), (344, "Croatia", "1992-04-27", None)],
    "BA": [
        (345, "Yugoslavia", "1918-12-01", "1992-04-26"),
        (346, "Bosnia-Herzegovina", "1992-04-27", None),
    ],
    "XK": [(345, "Yugoslavia", "1918-12-01", "2006-06-04"), (347, "Kosovo", "2008-02-17", None)],
    "SI": [(345, "Yugoslavia", "1918-12-01", "1992-04-26"), (349, "Slovenia", "1992-04-27", None)],
    "GR": [(350, "Greece", "1828-04-25", None)],
    "CY": [(352, "Cyprus", "1960-08-16", None)],
    "BG": [(355, "Bulgaria", "1878-03-03", None)],
    "MD": [(359, "Moldova", "1991-08-27", None)],
    "RO": [(360, "Rumania", "1878-07-13", None)],
    "RU": [(365, "Russia (Soviet Union)", "1816-01-01", None)],
    "EE": [(366, "Estonia", "1918-11-11", "1940-06-01"), (366, "Estonia", "1991-09-06", None)],
    "LV": [(367, "Latvia", "1918-11-11", "1940-06-01"), (367, "Latvia", "1991-09-06", None)],
    "LT": [(368, "Lithuania", "1918-02-16", "1940-06-01"), (368, "Lithuania", "1991-09-06", None)],
    "UA": [(369, "Ukraine", "1991-12-01", None)],
    "BY": [(370, "Belarus (Byelorussia)", "1991-08-25", None)],
    "AM": [(371, "Armenia", "1991-12-21", None)],
    "GE": [(372, "Georgia", "1991-09-06", None)],
    "AZ": [(373, "Azerbaijan", "1991-12-21", None)],
    "FI": [(375, "Finland", "1917-12-06", None)],
    "SE": [(380, "Sweden", "1816-01-01", None)],
    "NO": [(385, "Norway", "1905-08-26", None)],
    "DK": [(390, "Denmark", "1816-01-01", None)],
    "IS": [(395, "Iceland", "1944-06-17", None)],
    "CV": [(402, "Cape Verde", "1975-07-05", None)],
    "ST": [(403, "Sao Tome and Principe", "1975-07-12", None)],
    "GW": [(404, "Guinea-Bissau", "1974-09-10", None)],
    "GQ": [(411, "Equatorial Guinea", "1968-10-12", None)],
    "GM": [(420, "Gambia", "1965-02-18", None)],
    "ML": [(432, "Mali", "1960-09-22", None)],
    "SN": [(433, "Senegal", "1960-04-04", None)],
    "BJ": [(434, "Benin", "1960-08-01", None)],
    "MR": [(435, "Mauritania", "1960-11-28", None)],
    "NE": [(436, "Niger", "1960-08-03", None)],
    "CI": [(437, "Cote D'Ivoire", "1960-08-07", None)],
    "GN": [(438, "Guinea", "1958-10-02", None)],
    "BF": [(439, "Burkina Faso (Upper Volta)", "1960-08-05", None)],
    "LR": [(450, "Liberia", "1847-07-26", None)],
    "SL": [(451, "Sierra Leone", "1961-04-27", None)],
    "GH": [(452, "Ghana", "1957-03-06", None)],
    "TG": [(461, "Togo", "1960-04-27", None)],
    "CM": [(471, "Cameroon", "1960-01-01", None)],
    "NG": [(475, "Nigeria", "1960-10-01", None)],
    "GA": [(481, "Gabon", "1960-08-17", None)],
    "CF": [(482, "Central African Republic", "1960-08-13", None)],
    "TD": [(483, "Chad", "1960-08-11", None)],
    "CG": [(484, "Congo", "1960-08-15", None)],
    "CD": [(490, "Congo, Democratic Republic of (Zaire)", "1960-06-30", None)],
    "UG": [(500, "Uganda", "1962-10-09", None)],
    "KE": [(501, "Kenya", "1963-12-12", None)],
    "TZ": [(510, "Tanzania/Tanganyika", "1961-12-09", None)],
    "BI": [(516, "Burundi", "1962-07-01", None)],
    "RW": [(517, "Rwanda", "1962-01-07", None)],
    "SO": [(520, "Somalia", "1960-07-01", None)],
    "DJ": [(522, "Djibouti", "1977-06-27", None)],
    "ET": [(530, "Ethiopia", "1855-02-11", None)],
    "ER": [(531, "Eritrea", "1993-05-24", None)],
    "AO": [(540, "Angola", "1975-11-11", None)],
    "MZ": [(541, "Mozambique", "1975-06-25", None)],
    "ZM": [(551, "Zambia", "1964-10-24", None)],
    "ZW": [(552, "Zimbabwe (Rhodesia)", "1965-11-11", None)],
    "MW": [(553, "Malawi", "1964-07-06", None)],
    "ZA": [(560, "South Africa", "1910-05-31", None)],
    "NA": [(565, "Namibia", "1990-03-21", None)],
    "LS": [(570, "Lesotho", "1966-10-04", None)],
    "BW": [(571, "Botswana", "1966-09-30", None)],
    "SZ": [(572, "Swaziland", "1968-09-06", None)],
    "MG": [
        (580, "Madagascar (Malagasy)", "1816-01-01", "1896-08-05"),
        (580, "Madagascar", "1960-06-26", None),
    ],
    "KM": [(581, "Comoros", "1975-07-06", None)],
    "MU": [(590, "Mauritius", "1968-03-12", None)],
    "SC": [(591, "Seychelles", "1976-06-29", None)],
    "MA": [(600, "Morocco", "1816-01-01", "1904-01-01"), (600, "Morocco", "1956-03-02", None)],
    "DZ": [(615, "Algeria", "1816-01-01", "1830-07-05"), (615, "Algeria", "1962-07-05", None)],
    "TN": [(616, "Tunisia", "1816-01-01", "1881-05-12"), (616, "Tunisia", "1956-01-01", None)],
    "LY": [(620, "Libya", "1816-01-01", "1834-12-31"), (620, "Libya", "1951-12-24", None)],
    "SD": [(625, "Sudan", "1956-01-01", None)],
    "SS": [(626, "South Sudan", "2011-07-09", None)],
    "IR": [(630, "Iran (Persia)", "1816-01-01", None)],
    "TR": [(640, "Turkey (Ottoman Empire)", "1816-01-01", None)],
    "IQ": [(645, "Iraq", "1932-10-03", None)],
    "EG": [(651, "Egypt", "1827-01-01", "1855-12-31"), (651, "Egypt", "1922-02-28", None)],
    "SY": [(652, "Syria", "1946-01-01", None)],
    "LB": [(660, "Lebanon", "1944-11-22", None)],
    "JO": [(663, "Jordan", "1946-05-25", None)],
    "IL": [(666, "Israel", "1948-05-14", None)],
    "SA": [(670, "Saudi Arabia", "1932-09-23", None)],
    # North and South Yemen were two states until unification (1990-05-22).
    "YE": [(678, "Yemen (Arab Republic of Yemen)", "1990-05-22", None)],
    "KW": [(690, "Kuwait", "1961-06-19", None)],
    "BH": [(692, "Bahrain", "1971-08-15", None)],
    "QA": [(694, "Qatar", "1971-09-03", None)],
    "AE": [(696, "United Arab Emirates", "1971-12-02", None)],
    "OM": [(698, "Oman", "1816-01-01", None)],
    "AF": [
        (700, "Afghanistan", "1816-01-01", "1888-12-30"),
        (700, "Afghanistan", "1919-05-01", None),
    ],
    "TM": [(701, "Turkmenistan", "1991-10-27", None)],
    "TJ": [(702, "Tajikistan", "1991-09-09", None)],
    "KG": [(703, "Kyrgyz Republic", "1991-08-31", None)],
    "UZ": [(704, "Uzbekistan", "1991-08-31", None)],
    "KZ": [(705, "Kazakhstan", "1991-12-16", None)],
    "CN": [(710, "China", "1816-01-01", None)],
    "MN": [(712, "Mongolia", "1921-03-13", None)],
    "TW": [(713, "Taiwan", "1949-12-08", None)],
    "KP": [(731, "Korea, People's Republic of", "1948-09-09", None)],
    "KR": [(732, "Korea, Republic of", "1948-08-15", None)],
    "JP": [(740, "Japan", "1816-01-01", None)],
    "IN": [(750, "India", "1947-08-15", None)],
    "BT": [(760, "Bhutan", "1949-01-01", None)],
    "PK": [(770, "Pakistan", "1947-08-14", None)],
    "BD": [(771, "Bangladesh", "1971-12-16", None)],
    "MM": [
        (775, "Myanmar (Burma)", "1816-01-01", "1885-12-31"),
        (775, "Myanmar (Burma)", "1948-01-04", None),
    ],
    "LK": [(780, "Sri Lanka (Ceylon)", "1948-02-04", None)],
    "MV": [(781, "Maldives", "1965-05-26", None)],
    "NP": [(790, "Nepal", "1816-01-01", None)],
    "TH": [(800, "Thailand", "1816-01-01", None)],
    "KH": [(811, "Cambodia (Kampuchea)", "1953-11-09", None)],
    "LA": [(812, "Laos", "1954-05-01", None)],
    "MY": [(820, "Malaysia", "1957-08-31", None)],
    "SG": [(830, "Singapore", "1965-08-09", None)],
    "BN": [(835, "Brunei", "1984-01-01", None)],
    "PH": [(840, "Philippines", "1946-07-04", None)],
    "ID": [(850, "Indonesia", "1945-08-17", None)],
    "TL": [(860, "East Timor", "2002-05-20", None)],
    "AU": [(900, "Australia", "1901-01-01", None)],
    "PG": [(910, "Papua New Guinea", "1975-09-16", None)],
    "NZ": [(920, "New Zealand", "1907-09-01", None)],
    "VU": [(935, "Vanuatu", "1980-06-30", None)],
    "SB": [(940, "Solomon Islands", "1978-07-07", None)],
    "FJ": [(950, "Fiji", "1970-10-10", None)],
    "KI": [(970, "Kiribati", "1979-07-12", None)],
    "NR": [(971, "Nauru", "1968-12-31", None)],
    "TO": [(972, "Tonga", "1970-06-04", None)],
    "TV": [(973, "Tuvalu", "1978-10-01", None)],
    "MH": [(983, "Marshall Islands", "1986-10-21", None)],
    "PW": [(986, "Palau", "1994-10-01", None)],
    "FM": [(987, "Federated States of Micronesia", "1986-11-03", None)],
    "WS": [(990, "Samoa/Western Samoa", "1962-01-01", None)],
}

#: UCDP's own spelling where it differs from the G–W list's, as printed in the ``country``
#: column of GED 23.1 (``corpus/datasets/ucdp_ged_sample``).
UCDP_NAMES: dict[int, str] = {
    343: "Macedonia, FYR",
    345: "Serbia (Yugoslavia)",
    340: "Serbia (Yugoslavia)",
    437: "Ivory Coast",
    439: "Burkina Faso",
    490: "DR Congo (Zaire)",
    572: "Kingdom of eSwatini (Swaziland)",
    630: "Iran",
    640: "Turkey",
    678: "Yemen (North Yemen)",
    703: "Kyrgyzstan",
    780: "Sri Lanka",
}

#: UCDP's region of a G–W code (GED codebook: region follows the G–W numbering blocks).
_REGIONS = (
    (2, 199, "Americas"),
    (200, 399, "Europe"),
    (400, 626, "Africa"),
    (630, 698, "Middle East"),
    (700, 999, "Asia"),
)


def gw_state(iso2: str, first_day: str, last_day: str) -> tuple[int, str] | None:
    """Return the (G–W code, UCDP country name) of the state that held *iso2*'s territory on those days.

    The whole span ``[first_day, last_day]`` (ISO ``YYYY-MM-DD``, proleptic; BC years are
    negative) must lie inside one period of independence, else None: an event that straddles
    independence, or predates the G–W list (1816), gets no code.
    """
    for code, name, start, end in GW_STATES.get(iso2.upper(), []):
        if _before(first_day, start):
            continue
        if end is not None and _before(end, last_day):
            continue
        return code, UCDP_NAMES.get(code, name)
    return None


def gw_region(code: int) -> str | None:
    """Return UCDP's region name (Africa, Americas, Asia, Europe, Middle East) of a G–W code."""
    for lo, hi, name in _REGIONS:
        if lo <= code <= hi:
            return name
    return None


def _before(a: str, b: str) -> bool:
    """True when ISO day *a* is strictly before ISO day *b* (handles negative years)."""
    return _key(a) < _key(b)


def _key(day: str) -> tuple[int, int, int]:
    sign = -1 if day.startswith("-") else 1
    y, m, d = day.lstrip("+-").split("-")
    return sign * int(y), int(m), int(d)
