"""Solvik's places: its extent, landmarks, districts and focus areas, the street
and place names, the incident descriptions, and the action plan's measures.

Pure data and geometry helpers, no random numbers: ``incidents`` draws from these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

TOWN_NAME = "Solvik"
TOWN_EXTENT = (616000.0, 6647000.0, 624000.0, 6653000.0)  # xmin, ymin, xmax, ymax

LANDMARKS: dict[str, tuple[float, float]] = {
    "school": (619300.0, 6650750.0),
    "station": (620950.0, 6649500.0),
    "square": (620100.0, 6650150.0),
}
# The lighting measure (planted pattern 5) starts this many days before today.
LIGHTING_START_DAYS_BEFORE_TODAY = 365


@dataclass(frozen=True)
class DemoArea:
    name: str
    kind: str  # "district" or "focus_area"
    wkt: str


@dataclass(frozen=True)
class DemoMeasure:
    title: str
    kind: str
    responsible_org: str
    start_date: dt.date
    end_date: dt.date | None
    status: str
    expected_effect: str
    followup_date: dt.date | None
    followup_result: str | None
    wkt: str


# Districts share their boundary vertices, so together they tile TOWN_EXTENT.
_SOUTH_EDGE = ((616000, 6648800), (618800, 6649100), (621400, 6648900), (624000, 6649200))
_NORTH_EDGE = ((616000, 6651300), (618800, 6651100), (621400, 6651300), (624000, 6651000))
DISTRICT_RINGS: dict[str, tuple[tuple[float, float], ...]] = {
    "Södra hamnen": ((616000, 6647000), (624000, 6647000), *_SOUTH_EDGE[::-1]),
    "Västerhöjden": (_SOUTH_EDGE[0], _SOUTH_EDGE[1], _NORTH_EDGE[1], _NORTH_EDGE[0]),
    "Centrum": (_SOUTH_EDGE[1], _SOUTH_EDGE[2], _NORTH_EDGE[2], _NORTH_EDGE[1]),
    "Österäng": (_SOUTH_EDGE[2], _SOUTH_EDGE[3], _NORTH_EDGE[3], _NORTH_EDGE[2]),
    "Norrberga": (*_NORTH_EDGE, (624000, 6653000), (616000, 6653000)),
}


def _ring_around(landmark: str, offsets: tuple[tuple[float, float], ...]) -> tuple:
    cx, cy = LANDMARKS[landmark]
    return tuple((cx + dx, cy + dy) for dx, dy in offsets)


FOCUS_AREA_RINGS = {
    "Stationsområdet": _ring_around("station", ((-380, -260), (350, -300), (420, 180), (-300, 320))),
    "Skolområdet Solbacka": _ring_around("school", ((-300, -250), (280, -280), (320, 240), (-260, 300))),
    "Torget och Parkstråket": _ring_around(
        "square", ((-300, -200), (50, -260), (320, -120), (300, 200), (-20, 260), (-310, 150))
    ),
}
LIGHTING_RING = FOCUS_AREA_RINGS["Torget och Parkstråket"]

# fmt: off
PLACE_NAMES = {
    "Centrum": ("Storgatan", "Kyrkogatan", "Rådhusgatan", "Badhusgatan", "Järnvägsgatan"),
    "Västerhöjden": ("Västra ringvägen", "Höjdvägen", "Björkstigen", "Granbacken",
                     "Västerhöjdens centrum"),
    "Norrberga": ("Norrbergavägen", "Lärkgången", "Tallbacken", "Norrberga torg", "Skogsbrynet"),
    "Österäng": ("Östra ringvägen", "Ängsvägen", "Industrigatan", "Österängs idrottsplats",
                 "Hagvägen"),
    "Södra hamnen": ("Hamngatan", "Kajen", "Strandpromenaden", "Båthamnen", "Sjövägen"),
    "Stationsområdet": ("Solviks station", "Stationsgatan", "Cykelgaraget vid stationen",
                        "Resecentrum"),
    "Skolområdet Solbacka": ("Solbackaskolan", "Skolgården Solbacka", "Solbackavägen",
                             "Gångvägen vid skolan"),
    "Torget och Parkstråket": ("Stora torget", "Parkstråket", "Gångtunneln under Storgatan",
                               "Lekplatsen i Parkstråket"),
}
DESCRIPTIONS = {
    "vandalism": ("Krossad ruta i trapphus", "Sönderslagen busskur", "Skadad entrédörr",
                  "Sönderslagen belysningsarmatur", "Skadade parkbänkar", "Repad bil"),
    "graffiti": ("Klotter på fasad", "Klotter på elskåp", "Klotter i gångtunnel",
                 "Taggar på busskur", "Klotter på skolans vägg"),
    "fire_car": ("Brand i personbil", "Bilbrand på parkering"),
    "fire_container": ("Brand i sopkärl", "Brand i återvinningscontainer", "Brand i papperskorg"),
    "fire_building": ("Brand i källarförråd", "Brand i barnvagnsrum", "Brand i trapphus"),
    "theft_bicycle": ("Stulen cykel från cykelställ", "Cykel stulen från cykelgarage"),
    "theft_vehicle": ("Stulen moped", "Stulen bil från parkering"),
    "theft_shoplifting": ("Snatteri i livsmedelsbutik", "Butiksstöld i centrum"),
    "theft_boat_engine": ("Utombordsmotor stulen från båtplats",),
    "theft_burglary": ("Inbrott i källarförråd", "Inbrott i lägenhet",
                       "Inbrott i skolans lokaler", "Inbrott i villa"),
    "disorder_noise": ("Hög musik sent på kvällen", "Störande oväsen i trapphus",
                       "Skrik och bråk utomhus nattetid"),
    "disorder_gathering": ("Grupp ungdomar samlas vid entré", "Samling i gångtunnel upplevs otrygg",
                           "Större samling med alkohol i parken"),
    "disorder_fireworks": ("Fyrverkerier avfyras mot fasad", "Smällare i trapphus",
                           "Raketer avfyras på torget"),
    "threat_violence_staff": ("Hot mot busschaufför", "Hot mot personal i butik",
                              "Hot mot fastighetsskötare"),
    "threat_violence_fight": ("Slagsmål utanför restaurang", "Bråk mellan ungdomar vid torget"),
    "threat_violence_threat": ("Hotfullt beteende mot förbipasserande", "Hot vid busshållplats"),
    "drugs_dealing": ("Misstänkt narkotikaförsäljning vid entré", "Misstänkt langning i parken"),
    "drugs_use": ("Misstänkt narkotikapåverkade personer", "Lukt av cannabis i trapphus"),
    "drugs_syringes": ("Sprutor hittade i buskage", "Sprutfynd vid lekplats"),
    "littering": ("Nedskräpning vid återvinningsstation", "Skräp och flaskor i parken",
                  "Grovsopor dumpade vid soprum", "Nedskräpning efter samling"),
    "unsafe_place_lighting": ("Trasig gatubelysning", "Mörk gång- och cykelväg",
                              "Belysning saknas vid busshållplats"),
    "unsafe_place_vegetation": ("Igenvuxna buskar längs gångväg", "Skymd sikt vid gångtunnel"),
    "unsafe_place_deserted": ("Öde parkering kvällstid", "Otrygg passage utan insyn"),
    "traffic_reckless": ("Fortkörning på bostadsgata", "Vårdslös körning vid skola"),
    "traffic_moped": ("Mopeder kör på gångväg", "Mopeder kör i parken"),
    "other": ("Övergiven cykel", "Kundvagnar utspridda", "Trasigt staket",
              "Övrig iakttagelse vid rondering"),
}
# fmt: on


def ring_wkt(ring) -> str:
    points = [*ring, ring[0]]
    return "POLYGON((" + ", ".join(f"{x:.0f} {y:.0f}" for x, y in points) + "))"


def points_in_ring(x: np.ndarray, y: np.ndarray, ring) -> np.ndarray:
    """Even-odd ray casting, vectorised over the points (the loop is over edges)."""
    inside = np.zeros(len(x), dtype=bool)
    for (xi, yi), (xj, yj) in zip(ring, (*ring[1:], ring[0])):
        if yi == yj:
            continue  # a horizontal edge never crosses the ray
        crosses = ((yi > y) != (yj > y)) & (x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside ^= crosses
    return inside


def demo_areas() -> list[DemoArea]:
    districts = [DemoArea(name, "district", ring_wkt(ring)) for name, ring in DISTRICT_RINGS.items()]
    focus = [DemoArea(name, "focus_area", ring_wkt(ring)) for name, ring in FOCUS_AREA_RINGS.items()]
    return districts + focus


def _box(centre: tuple[float, float], half_width: float, half_height: float) -> tuple:
    x, y = centre
    return (
        (x - half_width, y - half_height),
        (x + half_width, y - half_height),
        (x + half_width, y + half_height),
        (x - half_width, y + half_height),
    )


def action_plan(today: dt.date) -> tuple[list[DemoMeasure], DemoMeasure]:
    """The action plan: dates relative to today, so the demo never ages."""
    lighting_start = today - dt.timedelta(days=LIGHTING_START_DAYS_BEFORE_TODAY)
    lighting = DemoMeasure(
        title="Ny belysning i Parkstråket och på Stora torget",
        kind="situational",
        responsible_org="municipality",
        start_date=lighting_start,
        end_date=lighting_start + dt.timedelta(days=42),
        status="completed",
        expected_effect="Färre skadegörelser och ordningsstörningar kvällstid och ökad upplevd trygghet "
        "längs stråket mellan torget och stationen.",
        followup_date=lighting_start + dt.timedelta(days=330),
        followup_result="Antalet rapporterade händelser i området har ungefär halverats jämfört med året "
        "innan. Ingen tydlig ökning i angränsande kvarter.",
        wkt=ring_wkt(LIGHTING_RING),
    )
    camera = DemoMeasure(
        title="Kamerabevakning vid Solviks station",
        kind="situational",
        responsible_org="police",
        start_date=today - dt.timedelta(days=240),
        end_date=None,
        status="active",
        expected_effect="Färre skadegörelser och cykelstölder vid stationen och bättre underlag för utredning.",
        followup_date=today + dt.timedelta(days=120),
        followup_result=None,
        wkt=ring_wkt(_box(LANDMARKS["station"], 250, 200)),
    )
    night_walks = DemoMeasure(
        title="Nattvandring fredag och lördag kväll",
        kind="social",
        responsible_org="municipality",
        start_date=today - dt.timedelta(days=540),
        end_date=None,
        status="active",
        expected_effect="Vuxennärvaro i centrum på helgkvällar ska minska ordningsstörningar och samlingar "
        "som skapar otrygghet.",
        followup_date=today - dt.timedelta(days=360),
        followup_result="Vuxna har funnits på plats nästan varje helg. Ordningsstörningarna på "
        "helgnätterna kvarstår; insatsen fortsätter och följs upp igen.",
        wkt=ring_wkt(DISTRICT_RINGS["Centrum"]),
    )
    summer = today.year if today > dt.date(today.year, 9, 30) else today.year - 1  # the last one followed up
    youth = DemoMeasure(
        title="Sommarlovsaktiviteter för unga i Norrberga",
        kind="social",
        responsible_org="municipality",
        start_date=dt.date(summer, 6, 15),
        end_date=dt.date(summer, 8, 15),
        status="completed",
        expected_effect="Meningsfull fritid under sommarlovet ska minska skadegörelse och nedskräpning.",
        followup_date=dt.date(summer, 9, 15),
        followup_result="Många deltagare under hela sommaren. Skadegörelsen i stadsdelen låg på samma nivå "
        "som sommaren innan.",
        wkt=ring_wkt(DISTRICT_RINGS["Norrberga"]),
    )
    clearing = DemoMeasure(
        title="Röjning av vegetation vid gångtunneln",
        kind="situational",
        responsible_org="housing",
        start_date=today + dt.timedelta(days=30),
        end_date=None,
        status="planned",
        expected_effect="Bättre sikt och insyn ska öka tryggheten vid gångtunneln.",
        followup_date=None,
        followup_result=None,
        wkt=ring_wkt(_box(LANDMARKS["square"], 120, 80)),
    )
    return [lighting, camera, night_walks, youth, clearing], lighting
