"""lagesbild:importincidents into a real GeoPackage store: each kind of bad
row refused with its line in the file, all or nothing leaving the store's
file byte for byte as it was, skip mode writing exactly the good rows,
re-import adding nothing, a layer in QGIS, and a store's own export read
back as it was."""

from __future__ import annotations

import csv
from datetime import datetime, timezone

import pytest
from import_helpers import HEADER, sha256, write_csv

from lagesbild.core.store import Store

UTC = timezone.utc
LONG = "x" * 201  # place_name takes 200 characters


def good(n: int) -> list[str]:
    return ["vandalism", "", f"2026-03-{n:02d} 21:30", "housing", f"{620000 + n},5", "6650000", f"Plats {n}", ""]


# each line's kind, as a person reading the file would count its lines
BAD_FILE = [
    good(1),                                                                            # line 2
    ["skateboard", "", "2026-03-05 21:30", "housing", "620000", "6650000", "", ""],     # 3: unknown category
    ["fire", "", "den femte mars", "housing", "620000", "6650000", "", ""],             # 4: bad date
    good(2)[:6] + ["Plats 2\nandra raden", ""],                                         # 5-6: two lines
    ["fire", "", "2026-03-05 21:30", "housing", "", "", "", ""],                         # 7: no coordinate
    ["fire", "", "2026-03-05 21:30", "housing", "1000", "1000", "", ""],                 # 8: outside the extent
    ["fire", "", "2026-03-05 21:30", "housing", "620000", "6650000", LONG, ""],          # 9: text too long
    good(1),                                                                            # 10: the same as line 2
    good(3),                                                                            # 11
]
BAD_LINES = {3: "category", 4: "occurred_from", 7: "geometry", 8: "geometry", 9: "place_name"}
GOOD_LINES = (2, 5, 11)


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    Store.create(path).close()
    return path


def read_rejected(path) -> dict[int, dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {int(row["line"]): row for row in csv.DictReader(handle)}


def stored(path) -> list:
    with Store.open(path) as store:
        return sorted(store._select_incidents("1 = 1", ()), key=lambda i: i.x)


def test_all_or_nothing_writes_nothing_and_names_every_bad_line(run, store_path, tmp_path):
    source = write_csv(tmp_path / "bad.csv", BAD_FILE)
    before = sha256(store_path)
    result = run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path),
                                               "OUTPUT_REJECTED": str(tmp_path / "rejected.csv")})
    assert sha256(store_path) == before  # byte for byte
    assert (result["IMPORTED"], result["REJECTED"], result["DUPLICATES"]) == (0, 5, 1)
    rejected = read_rejected(tmp_path / "rejected.csv")
    assert sorted(rejected) == sorted([*BAD_LINES, 10])
    for line, field in BAD_LINES.items():
        assert rejected[line]["field"] == field, rejected[line]
        assert rejected[line]["duplicate"].lower() in ("false", "0")
    assert "skateboard" in rejected[3]["reason"]
    assert "den femte mars" in rejected[4]["reason"]
    assert "outside" in rejected[8]["reason"] and "required" in rejected[7]["reason"]
    assert "201" in rejected[9]["reason"]
    assert rejected[10]["field"] == "source_id" and "line 2" in rejected[10]["reason"]
    assert rejected[10]["duplicate"].lower() in ("true", "1")
    # the row's own columns come along, to be fixed and imported again
    assert rejected[3]["category"] == "skateboard" and rejected[9]["place_name"] == LONG


def test_skip_mode_writes_exactly_the_good_rows_and_a_second_run_nothing(run, store_path, tmp_path):
    source = write_csv(tmp_path / "bad.csv", BAD_FILE, delimiter=",", encoding="cp1252")
    result = run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path), "MODE": 1,
                                               "OUTPUT_REJECTED": str(tmp_path / "rejected.csv")})
    assert (result["IMPORTED"], result["REJECTED"], result["DUPLICATES"]) == (3, 5, 1)
    incidents = stored(store_path)
    assert [(i.x, i.place_name) for i in incidents] == [
        (620001.5, "Plats 1"), (620002.5, "Plats 2\nandra raden"), (620003.5, "Plats 3")]
    assert [i.occurred_from for i in incidents] == [datetime(2026, 3, n, 20, 30, tzinfo=UTC) for n in (1, 2, 3)]
    assert {i.source for i in incidents} == {"bad"} and len({i.source_id for i in incidents}) == 3
    assert {i.location_precision for i in incidents} == {"exact"}
    assert sorted(read_rejected(tmp_path / "rejected.csv")) == sorted([*BAD_LINES, 10])

    before = sha256(store_path)
    again = run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path), "MODE": 1,
                                              "OUTPUT_REJECTED": str(tmp_path / "again.csv")})
    assert (again["IMPORTED"], again["DUPLICATES"], again["REJECTED"]) == (0, 4, 5)
    assert len(stored(store_path)) == 3
    duplicates = {line for line, row in read_rejected(tmp_path / "again.csv").items()
                  if row["duplicate"].lower() in ("true", "1")}
    assert duplicates == {*GOOD_LINES, 10}
    assert sha256(store_path) == before


def test_a_clean_file_in_all_or_nothing_mode_and_again(run, store_path, tmp_path):
    source = write_csv(tmp_path / "clean.csv", [good(n) for n in range(1, 6)])
    first = run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path)})
    assert (first["IMPORTED"], first["REJECTED"], first["DUPLICATES"]) == (5, 0, 0)
    second = run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path)})
    assert (second["IMPORTED"], second["REJECTED"], second["DUPLICATES"]) == (0, 0, 5)
    assert len(stored(store_path)) == 5


def test_a_memory_layer_in_qgis(run, store_path, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QDateTime

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=Typ:string&field=Tid:datetime&field=Kostnad:double",
                           "rapporter", "memory")
    features = []
    for kind, lon, cost in (("Cykelstöld", 16.02, 900.0), ("Skadegörelse", 16.03, None)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([kind, QDateTime.fromString("2026-03-05T21:30:00", "yyyy-MM-ddTHH:mm:ss"), cost])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, 59.45)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"fields": {"Typ": "category", "Tid": "occurred_from", "Kostnad": "estimated_cost_sek"},'
                       ' "defaults": {"reporting_org": "municipality", "location_precision": "approximate"}}',
                       encoding="utf-8")
    try:
        result = run("lagesbild:importincidents", {"INPUT": layer.id(), "STORE": str(store_path),
                                                   "MAPPING": str(mapping)})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert result["IMPORTED"] == 2
    incidents = stored(store_path)
    assert [(i.category, i.subcategory, i.estimated_cost_sek) for i in incidents] == [
        ("theft", "theft_bicycle", 900.0), ("vandalism", None, None)]
    assert {i.occurred_from for i in incidents} == {datetime(2026, 3, 5, 20, 30, tzinfo=UTC)}
    assert {(i.source, i.reporting_org, i.location_precision) for i in incidents} == {
        ("rapporter", "municipality", "approximate")}


def test_a_stores_own_export_imports_back_as_it_was(run, store_path, tmp_path):
    from osgeo import gdal
    from store_helpers import incident

    with Store.open(store_path) as store:
        store.add_incidents([incident(), incident(category="fire", subcategory="fire_car", geometry=(621000.0,
                                                                                                  6651000.0),
                                               police_reported=True, estimated_cost_sek=None, place_name=None)])
    gdal.UseExceptions()
    export = tmp_path / "export.csv"
    gdal.VectorTranslate(str(export), str(store_path), layers=["incidents"], format="CSV",
                         layerCreationOptions=["GEOMETRY=AS_XY"])
    target = tmp_path / "other.gpkg"
    Store.create(target).close()
    result = run("lagesbild:importincidents", {"INPUT": str(export), "STORE": str(target)})
    assert (result["IMPORTED"], result["REJECTED"]) == (2, 0)
    fields = ("uuid", "category", "subcategory", "occurred_from", "occurred_to", "reported_at", "place_name",
              "description", "reporting_org", "police_reported", "estimated_cost_sek", "status", "x", "y")
    original, copy = stored(store_path), stored(target)
    assert [[getattr(i, f) for f in fields] for i in copy] == [[getattr(i, f) for f in fields] for i in original]
    # its uuids are in the store now: a second import adds nothing
    again = run("lagesbild:importincidents", {"INPUT": str(export), "STORE": str(target)})
    assert (again["IMPORTED"], again["DUPLICATES"]) == (0, 2)


def test_bad_input_is_refused_in_words(run, store_path, tmp_path):
    from qgis.core import QgsProcessingException

    mapping = tmp_path / "broken.json"
    mapping.write_text("{not json", encoding="utf-8")
    source = write_csv(tmp_path / "ok.csv", [good(1)])
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        run("lagesbild:importincidents", {"INPUT": str(source), "STORE": str(store_path), "MAPPING": str(mapping)})
    with pytest.raises(QgsProcessingException, match="neither a file nor a vector layer"):
        run("lagesbild:importincidents", {"INPUT": str(tmp_path / "missing.csv"), "STORE": str(store_path)})
    assert HEADER[0] == "category"


def test_a_stores_incidents_layer_into_the_same_store_adds_nothing(run, store_path):
    from store_helpers import incident

    with Store.open(store_path) as store:
        store.add_incidents([incident(), incident(category="drugs")])
    before = stored(store_path)
    result = run("lagesbild:importincidents", {"INPUT": f"{store_path}|layername=incidents", "STORE": str(store_path)})
    assert (result["IMPORTED"], result["DUPLICATES"], result["REJECTED"]) == (0, 2, 0)
    assert stored(store_path) == before
