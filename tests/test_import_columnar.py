"""The CSV import's column-at-a-time path (``prepare_columns``,
``import_columns``) against the row path it replaces (``convert_rows``,
``import_rows``), on files with every quirk: both must refuse the same
lines for the same reasons, find the same duplicates, and write the same
incidents with the same import keys, so that a file imported by one path
adds nothing when imported again by the other."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from import_helpers import write_csv

from lagesbild.core.domain.importing import Mapping, convert_rows, read_source
from lagesbild.core.domain.importing.columnar import prepare_columns
from lagesbild.core.domain.importing.fastparse import iso_local_times, plain_numbers
from lagesbild.core.domain.importing.mapping import mapping_from_dict
from lagesbild.core.domain.importing.values import parse_number, parse_time
from lagesbild.core.store import Store
from lagesbild.core.store.importing import MODE_ALL_OR_NOTHING, MODE_SKIP_BAD_ROWS, import_rows, import_source

STOCKHOLM = ZoneInfo("Europe/Stockholm")
HEADER = ["Nr", "Händelse", "Typ", "Tidpunkt", "Slut", "Förvaltning", "X", "Y", "Plats", "Kostnad", "Polisanmäld",
          "Precision", "status"]
MAPPING = {"fields": {"Nr": "source_id", "Händelse": "category", "Typ": "subcategory", "Tidpunkt": "occurred_from",
                      "Slut": "occurred_to", "Förvaltning": "reporting_org", "Plats": "place_name",
                      "Kostnad": "estimated_cost_sek", "Polisanmäld": "police_reported",
                      "Precision": "location_precision"},
           "coordinates": {"x": "X", "y": "Y"},
           "categories": {"Klotter på vägg": "graffiti", "Bilbrand": ["fire", "fire_car"]},
           "defaults": {"reporting_org": "housing"}}


def row(nr, category="Klotter på vägg", when="2026-03-05 21:30", x="620000,5", y="6650000", **extra):
    cells = {"Nr": str(nr), "Händelse": category, "Typ": "", "Tidpunkt": when, "Slut": "", "Förvaltning": "",
             "X": x, "Y": y, "Plats": f"Gatan {nr}", "Kostnad": "", "Polisanmäld": "", "Precision": "",
             "status": ""} | extra
    return [cells[name] for name in HEADER]


QUIRKS = [
    row(1),
    row(2, "Bilbrand", "5/3/2026 21.30", "620 001,25", "6 650 000", Kostnad="1 234,50", Polisanmäld="ja"),
    row(3, "bilbrand ", "2026-03-29 02:30", Typ="fire_container", Precision="Approximate"),  # spring gap, sub wins
    row(4, "fire", "2026-10-25 02:30:15", Slut="2026-10-25 03:10", status="closed"),  # autumn, twice 02:30
    row(5, "skateboard"),                                   # unknown category
    row(6, when="den femte mars"),                          # bad date
    row(7, x="", y=""),                                     # no place
    row(8, x="1000", y="1000"),                             # outside the extent
    row(9, Plats="x" * 201),                                # text too long
    row(10, Kostnad="tolv kronor"),                         # bad number
    row(11, Polisanmäld="kanske"),                          # bad yes or no
    row(12, Precision="street"),                            # unknown precision
    row(13, x="62O000"),                                    # a letter O for a zero
    row(1),                                                 # the same as line 2
    row(14, when="2026-03-05T21:30:05", Förvaltning="police", Plats=" Torget\u00a0"),
    row(15, when="2026-03-05 21:30+02:00", Slut="2026-03-05 20:00"),   # an offset; ends before it starts
    row(16, Plats="ring 070-123 45 67"),                     # personal data: a phone number
    row(17, when="2099-01-01 10:00"),                        # in the future
    row(18, "Bilbrand", Typ="theft_bicycle"),                # a subcategory of another category
    row(19, Förvaltning="nobody"),                           # unknown organisation
    row("", when="2026-03-06 08:00"),                        # no id: a fingerprint
    row("", when="2026-03-06 08:00"),                        # the same again, by fingerprint
    row(20, when="2026-02-30 10:00"),                        # no such day
    row(21, when=" 2026-03-07  09:15 "),                     # spaces
    row(22, "Bilbrand", Typ="fire_building", Kostnad="-5"),  # negative cost
    row(23, Kostnad="12.5", Polisanmäld="Nej"),
    row(24)[:5],                                             # fewer cells than the header: no place
    row(25) + ["en cell för mycket"],                        # more cells than the header
    [""] * len(HEADER),                                      # an empty row, skipped (line 30)
    row(26, Plats="Gatan\nandra raden; \"citat\""),          # lines 31-32
    row(27),                                                 # line 33
]


def _both(tmp_path, rows, mapping=MAPPING, mode=MODE_SKIP_BAD_ROWS, **options):
    """(source, result and store of the row path, of the column path)."""
    path = write_csv(tmp_path / "källa.csv", rows, header=options.pop("header", HEADER), **options)
    mapping = mapping_from_dict(mapping)
    outcomes = []
    for name in ("rows", "columns"):
        store_path = tmp_path / f"{name}.gpkg"
        with Store.create(store_path) as store:
            data = read_source(path)
            if name == "rows":
                result = import_rows(store, convert_rows(data, mapping, store.crs, store.tz), mode)
            else:
                assert prepare_columns(data, mapping, store.crs, store.tz) is not None  # the fast path itself
                result = import_source(store, data, mapping, mode)
        outcomes.append((result, store_path))
    return path, mapping, outcomes


def _refused(result) -> list:
    return [(r.line, r.duplicate, r.fields, r.reason, r.raw, [(p.field, p.code) for p in r.problems])
            for r in result.refused]


def _stored(path) -> list:
    with sqlite3.connect(path) as db:
        names = [r[1] for r in db.execute("PRAGMA table_info(incidents)")
                 if r[1] not in ("uuid", "created_at", "updated_at", "reported_at")]  # now
        return db.execute(f"SELECT {', '.join(names)} FROM incidents ORDER BY fid").fetchall()


@pytest.mark.parametrize("options", [{}, {"delimiter": ",", "encoding": "cp1252"}])
def test_both_paths_refuse_find_and_write_the_same(tmp_path, options):
    _, _, ((by_rows, rows_store), (by_columns, columns_store)) = _both(tmp_path, QUIRKS, **options)
    assert _refused(by_columns) == _refused(by_rows)
    assert by_columns.imported == by_rows.imported == len(_stored(rows_store))
    assert _stored(columns_store) == _stored(rows_store)
    lines = {r.line for r in by_rows.refused}
    assert lines == set(range(6, 16)) | {17, 18, 19, 20, 21, 23, 24, 26, 28, 29}  # every bad row, only those
    assert {2, 3, 4, 5, 16, 22, 25, 27, 31, 33} == set(range(2, 34)) - lines - {30, 32}
    assert [r.line for r in by_rows.duplicates] == [15, 23]


def test_a_file_imported_by_the_row_path_adds_nothing_by_the_column_path(tmp_path):
    path, mapping, ((first, rows_store), _) = _both(tmp_path, QUIRKS)
    with Store.open(rows_store) as store:
        again = import_source(store, read_source(path), mapping, MODE_SKIP_BAD_ROWS)
    assert again.imported == 0
    written = {r.line for r in read_source(path).rows} - {r.line for r in first.rejected}
    assert {r.line for r in again.duplicates} == written  # the row path's duplicates too: its lines 15 and 23
    assert {r.line for r in again.rejected} == {r.line for r in first.rejected}


def test_all_or_nothing_and_dry_run_agree(tmp_path):
    _, mapping, ((by_rows, rows_store), (by_columns, columns_store)) = _both(tmp_path, QUIRKS,
                                                                              mode=MODE_ALL_OR_NOTHING)
    assert by_rows.imported == by_columns.imported == 0 and _stored(columns_store) == []
    assert _refused(by_columns) == _refused(by_rows)
    path = write_csv(tmp_path / "good.csv", [row(n) for n in range(1, 30)], header=HEADER)
    with Store.create(tmp_path / "dry.gpkg") as store:
        preview = import_source(store, read_source(path), mapping, dry_run=True)
        assert (preview.imported, preview.refused, store.count()) == (29, [], 0)


def test_without_a_mapping_an_export_and_fingerprints_agree(tmp_path):
    header = ["category", "occurred_from", "reporting_org", "x", "y", "place_name", "extra"]
    rows = [["fire", f"2026-0{1 + n % 9}-1{n % 10} 0{n % 10}:1{n % 6}", "housing", f"{620000 + n}.5", "6650000",
             f"Plats {n % 4}", "" if n % 3 else "ö"] for n in range(40)] + [["fire", "2026-01-10 00:10", "housing",
                                                                          "620000.5", "6650000", "Plats 0", "ö"]]
    _, _, ((by_rows, rows_store), (by_columns, columns_store)) = _both(tmp_path, rows, mapping={}, header=header)
    assert _refused(by_columns) == _refused(by_rows) and [r.line for r in by_rows.duplicates] == [42]
    assert _stored(columns_store) == _stored(rows_store)
    assert all("row:" in str(r) for r in _stored(rows_store))  # every key a fingerprint


def test_coordinates_in_wgs84_are_transformed_alike(tmp_path):
    mapping = {"fields": {"Nr": "source_id"}, "coordinates": {"lon": "Lon", "lat": "Lat"},
               "defaults": {"reporting_org": "housing", "category": "Bilbrand"},
               "categories": {"Bilbrand": ["fire", "fire_car"]}}
    header = ["Nr", "Lat", "Lon", "occurred_from", "category"]
    rows = [[str(n), f"59,{3000 + n * 7}", f"18.{(n * 37) % 1000:03d}", "2026-03-05 21:30", ""] for n in range(30)]
    rows += [["31", "91", "18", "2026-03-05 21:30", "theft"], ["32", "59,3", "18,1", "2026-03-05 21:30", "theft"]]
    _, _, ((by_rows, rows_store), (by_columns, columns_store)) = _both(tmp_path, rows, mapping=mapping,
                                                                        header=header)
    assert _refused(by_columns) == _refused(by_rows)
    assert _stored(columns_store) == _stored(rows_store) and len(_stored(rows_store)) >= 31


def test_times_read_at_once_are_parse_times_own_around_both_clock_changes():
    texts, moment = [], datetime(2026, 3, 28, 23, 0)
    while moment < datetime(2026, 3, 29, 5, 0):
        texts += [moment.strftime("%Y-%m-%d %H:%M"), moment.strftime("%Y-%m-%dT%H:%M:%S")]
        moment += timedelta(minutes=5, seconds=7)
    moment = datetime(2026, 10, 24, 23, 0)
    while moment < datetime(2026, 10, 25, 5, 0):
        texts.append(moment.strftime("%Y-%m-%d %H:%M:%S"))
        moment += timedelta(minutes=3, seconds=11)
    texts += ["2024-02-29 10:00", "2026-12-31 23:59:59", "1900-01-01 00:00"]
    millis, read = iso_local_times(texts, STOCKHOLM)
    assert read.all()
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    assert millis.tolist() == [(parse_time(t, STOCKHOLM) - epoch) // timedelta(milliseconds=1) for t in texts]
    _, unread = iso_local_times(["2026-02-30 10:00", "2026-03-05 24:00", "5/3/2026 21.30", "2026-03-05"],
                                STOCKHOLM)
    assert not unread.any()


def test_numbers_read_at_once_are_parse_numbers_own():
    texts = ["620000", "620000,5", "-3.25", "+7", "0,125", "1e5", ",5", "٣", "1 234,5", "inf", "", "1_000",
             "1.234,5", "nan", "1" * 400]
    numbers, read = plain_numbers(texts)
    assert read.tolist() == [True] * 8 + [False] * 7
    assert numbers[read].tolist() == [parse_number(t) for t, r in zip(texts, read) if r]


def test_preview_rows_still_read_from_a_csv(tmp_path):
    path = write_csv(tmp_path / "k.csv", QUIRKS, header=HEADER)
    data = read_source(path)
    assert len(data.rows) == len(QUIRKS) - 1 and data.rows[-1].line == 33  # the empty row skipped
    first = convert_rows(type(data)(data.name, data.columns, data.rows[:3]), Mapping(), "EPSG:3006", STOCKHOLM)
    assert [p.line for p in first] == [2, 3, 4] and first[0].raw["Nr"] == "1"
    assert [r.line for r in data.rows][-4:] == [28, 29, 31, 33]
    assert data.rows[-3].values["\x00extra"] == ["en cell för mycket"] and data.rows[-4].values["Y"] is None


def test_rows_with_their_own_uuid_are_duplicates_alike(tmp_path):
    header = ["uuid", "source_id", "category", "occurred_from", "reporting_org", "x", "y"]
    given = ["3f1c2b9e-1111-4a2b-8c3d-000000000001", "3f1c2b9e-1111-4a2b-8c3d-000000000002"]
    rows = [[given[0], "a", "fire", "2026-03-05 21:30", "housing", "620000", "6650000"],
            ["", "b", "fire", "2026-03-05 21:31", "housing", "620001", "6650000"],
            [given[0], "c", "fire", "2026-03-05 21:32", "housing", "620002", "6650000"],  # the same uuid
            [given[1], "b", "fire", "2026-03-05 21:33", "housing", "620003", "6650000"],  # the same key
            ["", "d", "fire", "2026-03-05 21:34", "housing", "620004", "6650000"]]
    path, mapping, ((by_rows, rows_store), (by_columns, columns_store)) = _both(tmp_path, rows, mapping={},
                                                                                header=header)
    assert _refused(by_columns) == _refused(by_rows) and [r.line for r in by_rows.duplicates] == [4, 5]
    assert _stored(columns_store) == _stored(rows_store)
    with sqlite3.connect(columns_store) as db:
        assert db.execute("SELECT uuid FROM incidents WHERE source_id = 'a'").fetchone()[0] == given[0]
    with Store.open(rows_store) as store:
        again = import_source(store, read_source(path), mapping, MODE_SKIP_BAD_ROWS)
    assert again.imported == 0 and len(again.duplicates) == 5
