"""Reading import sources: Swedish numbers and dates, CSV with either
delimiter and either encoding (line numbers as a text editor shows them),
Excel written by GDAL, GeoJSON, and the police's open events with each of
their quirks."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from import_helpers import write_csv, write_ogr
from osgeo import ogr

from lagesbild.core.domain.importing import Mapping, convert_rows, read_source
from lagesbild.core.domain.importing.mapping import mapping_from_dict
from lagesbild.core.domain.importing.police import event_time, published_time
from lagesbild.core.domain.importing.values import parse_number, parse_time

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = timezone.utc


@pytest.mark.parametrize(("text", "number"), [
    ("1 234,50", 1234.5), ("1234.5", 1234.5), ("-3,5", -3.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    ("6\u00a0650\u00a0000", 6650000.0), ("620000", 620000.0), (" 0,25 ", 0.25),
])
def test_swedish_and_plain_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1,2,3", "abc", "", "12 kr"])
def test_what_is_no_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("text", "utc"), [
    ("2026-03-05 21:30", datetime(2026, 3, 5, 20, 30, tzinfo=UTC)),  # winter: +01:00
    ("5/3/2026 21.30", datetime(2026, 3, 5, 20, 30, tzinfo=UTC)),  # day before month
    ("05.03.2026 21:30", datetime(2026, 3, 5, 20, 30, tzinfo=UTC)),
    ("2026-07-05 21.30", datetime(2026, 7, 5, 19, 30, tzinfo=UTC)),  # summer: +02:00
    ("2026-07-05T21:30:15+02:00", datetime(2026, 7, 5, 19, 30, 15, tzinfo=UTC)),
    ("2026-07-05T19:30:00.000Z", datetime(2026, 7, 5, 19, 30, tzinfo=UTC)),
    ("2026-03-05", datetime(2026, 3, 4, 23, 0, tzinfo=UTC)),  # a day: its local midnight
    ("13/12/2025", datetime(2025, 12, 12, 23, 0, tzinfo=UTC)),
])
def test_swedish_dates(text, utc):
    assert parse_time(text, STOCKHOLM) == utc


@pytest.mark.parametrize("text", ["31/2/2026", "2026-13-01", "igår", "3/5", "2026-03-05 25:00"])
def test_what_is_no_date(text):
    with pytest.raises(ValueError):
        parse_time(text, STOCKHOLM)


ROWS = [
    ["vandalism", "", "2026-03-05 21:30", "housing", "620000,5", "6650000", "Förskolan Ängen", "1 234,50"],
    ["Klotter", "", "5/3/2026 21.30", "municipality", "620100", "6650100", "Torget; södra\nsidan", ""],
    ["fire", "Bilbrand", "2026-03-06 02:10", "rescue", "620200", "6650200", "Parkering \"P3\"", "80000"],
]


@pytest.mark.parametrize(("delimiter", "encoding"), [(",", "utf-8"), (";", "utf-8"), (";", "cp1252"),
                                                     (",", "cp1252"), (";", "utf-8-sig")])
def test_csv_either_delimiter_and_encoding(tmp_path, delimiter, encoding):
    path = write_csv(tmp_path / "in.csv", ROWS, delimiter, encoding)
    data = read_source(path)
    assert data.delimiter == delimiter
    assert data.encoding == ("cp1252" if encoding == "cp1252" else "utf-8")
    # the second record spans lines 3 and 4: the third starts on line 5
    assert [row.line for row in data.rows] == [2, 3, 5]
    rows = convert_rows(data, Mapping(), "EPSG:3006", STOCKHOLM)
    assert [r.problems for r in rows] == [[], [], []]
    first, second, third = (r.values for r in rows)
    assert first["place_name"] == "Förskolan Ängen" and first["estimated_cost_sek"] == 1234.5
    assert first["geometry"] == (620000.5, 6650000.0)
    assert second["category"] == "graffiti"  # a Swedish label of the code list
    assert second["place_name"] == "Torget; södra\nsidan"
    assert first["occurred_from"] == second["occurred_from"] == datetime(2026, 3, 5, 20, 30, tzinfo=UTC)
    assert (third["category"], third["subcategory"]) == ("fire", "fire_car")
    assert third["place_name"] == 'Parkering "P3"'
    assert {r.values["source"] for r in rows} == {"in"}
    assert len({r.values["source_id"] for r in rows}) == 3


def test_the_same_rows_get_the_same_source_id_in_either_dialect(tmp_path):
    a = convert_rows(read_source(write_csv(tmp_path / "a.csv", ROWS, ",", "utf-8")), Mapping(), "EPSG:3006", STOCKHOLM)
    b = convert_rows(read_source(write_csv(tmp_path / "a2.csv", ROWS, ";", "cp1252")), Mapping(), "EPSG:3006",
                     STOCKHOLM)
    assert [r.values["source_id"] for r in a] == [r.values["source_id"] for r in b]


def test_excel_written_by_gdal_keeps_sheet_lines_and_typed_cells(tmp_path):
    header = ["Händelse", "Tidpunkt", "Organisation", "E", "N", "Kostnad"]
    types = {"Tidpunkt": ogr.OFTDateTime, "E": ogr.OFTReal, "N": ogr.OFTReal, "Kostnad": ogr.OFTReal}
    path = write_ogr(tmp_path / "in.xlsx", "XLSX", header, [
        ["Skadegörelse", "2026/03/05 21:30:00", "housing", 620000.0, 6650000.0, 1500.5],
        ["Cykelstöld", "2026/07/01 08:00:00", "municipality", 620300.0, 6650300.0, None],
    ], types=types)
    data = read_source(path)
    assert data.kind == "excel"
    assert [row.line for row in data.rows] == [2, 3]
    mapping = mapping_from_dict({"fields": {"Händelse": "category", "Tidpunkt": "occurred_from",
                                            "Organisation": "reporting_org", "Kostnad": "estimated_cost_sek"},
                                 "coordinates": {"x": "E", "y": "N", "crs": "EPSG:3006"}})
    rows = convert_rows(data, mapping, "EPSG:3006", STOCKHOLM)
    assert [r.problems for r in rows] == [[], []]
    assert rows[0].values["category"] == "vandalism" and rows[0].values["estimated_cost_sek"] == 1500.5
    assert rows[0].values["occurred_from"] == datetime(2026, 3, 5, 20, 30, tzinfo=UTC)
    assert (rows[1].values["category"], rows[1].values["subcategory"]) == ("theft", "theft_bicycle")
    assert rows[1].values["occurred_from"] == datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    assert rows[1].values["geometry"] == (620300.0, 6650300.0)


def _qgis_transform(lon: float, lat: float) -> tuple[float, float]:
    """WGS 84 → SWEREF 99 TM by QGIS's own transformation, not OGR's."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:3006"), QgsProject.instance())
    point = transform.transform(QgsPointXY(lon, lat))
    return point.x(), point.y()


def test_geojson_points_in_wgs84_land_in_the_store_crs(tmp_path):
    path = write_ogr(tmp_path / "in.geojson", "GeoJSON", ["category", "occurred_from", "reporting_org"], [
        ["drugs", "2026-03-05T21:30:00+01:00", "police"],
        ["littering", "2026-03-06 10:00", "municipality"],
    ], points=[(16.02, 59.45), (16.03, 59.46)], epsg=4326)
    data = read_source(path)
    rows = convert_rows(data, Mapping(), "EPSG:3006", STOCKHOLM)
    assert [r.line for r in rows] == [1, 2]
    for row, (lon, lat) in zip(rows, [(16.02, 59.45), (16.03, 59.46)]):
        x, y = row.values["geometry"]
        qx, qy = _qgis_transform(lon, lat)
        assert abs(x - qx) < 0.01 and abs(y - qy) < 0.01
    assert rows[0].values["occurred_from"] == datetime(2026, 3, 5, 20, 30, tzinfo=UTC)


def test_coordinate_columns_in_wgs84_latitude_and_longitude_named(tmp_path):
    path = write_csv(tmp_path / "ll.csv", [["theft", "2026-03-05 21:30", "police", "59,45", "16,02"]],
                     ";", header=["category", "occurred_from", "reporting_org", "Lat", "Lon"])
    mapping = mapping_from_dict({"coordinates": {"lat": "Lat", "lon": "Lon"}})
    (row,) = convert_rows(read_source(path), mapping, "EPSG:3006", STOCKHOLM)
    x, y = row.values["geometry"]
    qx, qy = _qgis_transform(16.02, 59.45)
    assert abs(x - qx) < 0.01 and abs(y - qy) < 0.01


def test_published_time_with_an_hour_not_padded_and_either_offset():
    assert published_time("2026-03-21 6:54:58 +01:00") == datetime(2026, 3, 21, 5, 54, 58, tzinfo=UTC)
    assert published_time("2026-07-02 21:05:10 +02:00") == datetime(2026, 7, 2, 19, 5, 10, tzinfo=UTC)
    assert published_time("yesterday") is None


def test_event_time_from_the_name_with_the_year_of_publication():
    published = published_time("2026-03-21 6:54:58 +01:00")
    assert event_time("21 mars 06.30, Skadegörelse, Kungsör", published) == datetime(2026, 3, 21, 5, 30, tzinfo=UTC)
    summer = published_time("2026-07-02 9:00:00 +02:00")
    assert event_time("1 juli 22.15, Brand, Arboga", summer) == datetime(2026, 7, 1, 20, 15, tzinfo=UTC)
    # new year: an event of New Year's Eve published on New Year's Day is of the year before
    new_year = published_time("2027-01-01 1:10:00 +01:00")
    assert event_time("31 december 23.50, Brand, Köping", new_year) == datetime(2026, 12, 31, 22, 50, tzinfo=UTC)
    assert event_time("1 januari 00.20, Fyrverkerier, Köping", new_year) == datetime(2026, 12, 31, 23, 20,
                                                                                     tzinfo=UTC)
    assert event_time("Skadegörelse, Kungsör", published) is None


def test_a_mapping_with_an_unknown_code_or_key_is_refused():
    from lagesbild.core.domain.importing import MappingError

    with pytest.raises(MappingError, match="nowhere"):
        mapping_from_dict({"categories": {"Klotter": "nowhere"}})
    with pytest.raises(MappingError, match="colums"):
        mapping_from_dict({"colums": {}})
    with pytest.raises(MappingError, match="fire_car is not a subcategory of theft"):
        mapping_from_dict({"categories": {"Bil": ["theft", "fire_car"]}})
    with pytest.raises(MappingError):
        mapping_from_dict(json.loads('{"fields": {"Typ": "person"}}'))


def test_coordinate_columns_are_found_whatever_their_case(tmp_path):
    from lagesbild.core.domain.importing.mapping import Coordinates

    path = write_csv(tmp_path / "xy.csv", [["theft", "2026-03-05 21:30", "police", "16,02", "59,45"]], ";",
                     header=["category", "occurred_from", "reporting_org", "X", "Y"])
    (row,) = convert_rows(read_source(path), Mapping(coordinates=Coordinates("x", "y", "EPSG:4326")), "EPSG:3006",
                          STOCKHOLM)
    x, y = row.values["geometry"]
    qx, qy = _qgis_transform(16.02, 59.45)
    assert abs(x - qx) < 0.01 and abs(y - qy) < 0.01
