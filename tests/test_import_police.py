"""The police's open events through the real qgis_process: a feed made here
with each of its quirks (an hour not zero-padded, +01:00 and +02:00, gps
latitude first, the event's time only in its name, summaries, a county as
the place, an event of New Year's Eve published on New Year's Day), and a
CSV file through qgis_process too."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest
from import_helpers import sha256, write_csv

from lagesbild.core.store import Store

UTC = timezone.utc


def event(id_, published, name, type_, place, gps, summary="Polisen har underrättats."):
    return {"id": id_, "datetime": published, "name": name, "summary": summary,
            "url": f"/aktuellt/handelser/{id_}", "type": type_, "location": {"name": place, "gps": gps}}


FEED = [
    # winter offset, hour "6" not padded, the event at 06.30 in its name
    event(601001, "2026-03-21 6:54:58 +01:00", "21 mars 06.30, Skadegörelse, Kungsör", "Skadegörelse", "Kungsör",
          "59.422,16.096"),
    event(601002, "2026-03-22 7:10:00 +01:00", "22 mars 07.10, Sammanfattning natt, Västmanlands län",
          "Sammanfattning natt", "Västmanlands län", "59.6099,16.5448"),
    # summer offset
    event(601003, "2026-07-02 21:05:10 +02:00", "2 juli 20.40, Brand, Arboga", "Brand", "Arboga", "59.394,15.838"),
    event(601004, "2026-07-05 8:00:00 +02:00", "4 juli 18.00, Sammanfattning kväll och natt, Köping",
          "Sammanfattning kväll och natt", "Köping", "59.514,15.992"),
    # a county as the place; the event of New Year's Eve published on New Year's Day
    event(601005, "2026-01-01 1:10:00 +01:00", "31 december 23.50, Misshandel, Västmanlands län", "Misshandel",
          "Västmanlands län", "59.6099,16.5448"),
    event(601006, "2026-06-14 9:30:00 +02:00", "12-14 juni, Sammanfattning helg, Kungsör", "Sammanfattning helg",
          "Kungsör", "59.422,16.096"),
    # a name without a time: the publication time is the best there is
    event(601007, "2026-04-10 14:03:00 +02:00", "Inbrott, Köping", "Inbrott", "Köping", "59.514,15.992"),
]
EXPECTED = {  # id → (category, subcategory, occurred_from in UTC, precision, lon, lat)
    "601001": ("vandalism", None, datetime(2026, 3, 21, 5, 30, tzinfo=UTC), "municipality", 16.096, 59.422),
    "601003": ("fire", None, datetime(2026, 7, 2, 18, 40, tzinfo=UTC), "municipality", 15.838, 59.394),
    "601005": ("threat_violence", None, datetime(2025, 12, 31, 22, 50, tzinfo=UTC), "county", 16.5448, 59.6099),
    "601007": ("theft", "theft_burglary", datetime(2026, 4, 10, 12, 3, tzinfo=UTC), "municipality", 15.992, 59.514),
}


def wgs84_to_store(lon: float, lat: float) -> tuple[float, float]:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:3006"), QgsProject.instance())
    point = transform.transform(QgsPointXY(lon, lat))
    return point.x(), point.y()


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    Store.create(path).close()
    return path


def test_police_feed_through_qgis_process(qgis_process_run, qgis_app, store_path, tmp_path):
    feed = tmp_path / "handelser.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    result = qgis_process_run("lagesbild:importincidents", {"INPUT": feed, "STORE": store_path,
                                                            "OUTPUT_REJECTED": tmp_path / "rejected.csv"})["results"]
    assert (result["IMPORTED"], result["SUMMARIES_SKIPPED"], result["DUPLICATES"], result["REJECTED"]) == (4, 3, 0, 0)
    with Store.open(store_path) as store:
        incidents = {i.source_id: i for i in store._select_incidents("1 = 1", ())}
    assert set(incidents) == set(EXPECTED)
    for key, (category, sub, occurred, precision, lon, lat) in EXPECTED.items():
        incident = incidents[key]
        assert (incident.category, incident.subcategory, incident.occurred_from) == (category, sub, occurred), key
        assert (incident.location_precision, incident.source, incident.reporting_org) == (precision, "polisen",
                                                                                          "police")
        assert incident.police_reported is True
        x, y = wgs84_to_store(lon, lat)  # latitude came first in the feed
        assert abs(incident.x - x) < 0.01 and abs(incident.y - y) < 0.01, key
    assert incidents["601001"].place_name == "Kungsör"
    assert incidents["601001"].reported_at == datetime(2026, 3, 21, 5, 54, 58, tzinfo=UTC)

    # the same file again: nothing added, every event counted as imported before
    before = sha256(store_path)
    again = qgis_process_run("lagesbild:importincidents", {"INPUT": feed, "STORE": store_path, "FORMAT": 4})
    assert (again["results"]["IMPORTED"], again["results"]["DUPLICATES"]) == (0, 4)
    assert sha256(store_path) == before


def test_an_unmapped_event_type_stops_the_feed_unless_bad_rows_are_skipped(qgis_process_run, qgis_app, store_path,
                                                                           tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED[:1] + [event(602001, "2026-03-21 8:00:00 +01:00", "21 mars 07.45, Hundbett, "
                                                 "Kungsör", "Hundbett", "Kungsör", "59.422,16.096")]),
                    encoding="utf-8")
    before = sha256(store_path)
    result = qgis_process_run("lagesbild:importincidents", {"INPUT": feed, "STORE": store_path,
                                                            "OUTPUT_REJECTED": tmp_path / "rejected.csv"})
    assert (result["results"]["IMPORTED"], result["results"]["REJECTED"]) == (0, 1)
    assert sha256(store_path) == before
    with open(tmp_path / "rejected.csv", encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["line"], row["field"]) == ("2", "category") and "Hundbett" in row["reason"]
    # a mapping of one's own adds to the shipped one
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"categories": {"hundbett": "other"}}), encoding="utf-8")
    result = qgis_process_run("lagesbild:importincidents", {"INPUT": feed, "STORE": store_path,
                                                            "MAPPING": mapping})
    assert (result["results"]["IMPORTED"], result["results"]["REJECTED"]) == (2, 0)


def test_csv_with_swedish_decimals_and_dates_through_qgis_process(qgis_process_run, qgis_app, store_path, tmp_path):
    rows = [["Klotter", "", "5/3/2026 21.30", "housing", "620000,5", "6650000,25", "Skolan", "1 500,75"],
            ["fire", "Bilbrand", "2026-07-05 21:30", "rescue", "620100", "6650100", "", ""],
            ["fire", "", "2026-07-05 21:30", "rescue", "620100", "", "", ""]]
    source = write_csv(tmp_path / "sv.csv", rows, ";", "cp1252")
    before = sha256(store_path)
    refused = qgis_process_run("lagesbild:importincidents", {"INPUT": source, "STORE": store_path,
                                                             "OUTPUT_REJECTED": tmp_path / "r.csv"})["results"]
    assert (refused["IMPORTED"], refused["REJECTED"]) == (0, 1)
    assert sha256(store_path) == before
    result = qgis_process_run("lagesbild:importincidents", {"INPUT": source, "STORE": store_path, "MODE": 1,
                                                            "OUTPUT_REJECTED": tmp_path / "r.csv"})["results"]
    assert (result["IMPORTED"], result["REJECTED"]) == (2, 1)
    with open(tmp_path / "r.csv", encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["line"], row["field"]) == ("4", "geometry")
    with Store.open(store_path) as store:
        first, second = sorted(store._select_incidents("1 = 1", ()), key=lambda i: i.occurred_from)
    assert (first.category, first.x, first.y, first.estimated_cost_sek) == ("graffiti", 620000.5, 6650000.25, 1500.75)
    assert first.occurred_from == datetime(2026, 3, 5, 20, 30, tzinfo=UTC)
    assert (second.category, second.subcategory) == ("fire", "fire_car")
    assert second.occurred_from == datetime(2026, 7, 5, 19, 30, tzinfo=UTC)
