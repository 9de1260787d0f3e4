"""lagesbild:publishaggregates through the real qgis_process: GeoPackage,
GeoJSON and CSV; the totals equal the store's own counts; a small count and
the counts that would reveal it are suppressed, checked by solving the
published table for every hidden count (tests/suppression_solver.py)."""

import csv
from datetime import datetime, timezone

import pytest
from store_helpers import incident, output_rows
from suppression_solver import feasible_ranges

from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.publish import publication

X0, Y0 = 620_000.0, 6_649_000.0
AREAS = {  # name: (west, south, east, north)
    "Söder": (X0, Y0, X0 + 1000, Y0 + 1000),
    "Norr": (X0, Y0 + 1000, X0 + 1000, Y0 + 2000),
    "Öster": (X0 + 1000, Y0, X0 + 2000, Y0 + 2000),
}
# what each area holds in April 2025, per category (the table to publish)
PLANNED = {"Norr": {"vandalism": 1, "graffiti": 5}, "Söder": {"vandalism": 4, "graffiti": 6},
           "Öster": {"vandalism": 8, "graffiti": 3, "littering": 7}}
APRIL = Period(datetime(2025, 4, 1).date(), datetime(2025, 4, 30).date())
FIELDS = ["zone", "category", "count", "suppressed"]


def _square(west, south, east, north):
    return f"POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    rows = []
    for name, by_category in PLANNED.items():
        west, south, east, north = AREAS[name]
        for category, count in by_category.items():
            for k in range(count):
                rows.append(incident(category=category, occurred_to=None, geometry=(west + 100 + 30 * k, south + 500),
                                     occurred_from=datetime(2025, 4, 10, 12, tzinfo=timezone.utc)))
    # 00:30 on 1 April in Stockholm: in the period; 00:30 on 1 May: not
    rows[0]["occurred_from"] = datetime(2025, 3, 31, 22, 30, tzinfo=timezone.utc)
    norr = AREAS["Norr"]
    rows.append(incident(category="vandalism", occurred_to=None, geometry=(norr[0] + 10, norr[1] + 10),
                         occurred_from=datetime(2025, 4, 30, 22, 30, tzinfo=timezone.utc)))
    # placed at a municipality's centre that happens to lie in Norr: in no zone
    for _ in range(2):
        rows.append(incident(category="vandalism", occurred_to=None, geometry=(norr[0] + 500, norr[1] + 500),
                             location_precision="municipality",
                             occurred_from=datetime(2025, 4, 12, tzinfo=timezone.utc)))
    # in no area at all
    rows.append(incident(category="graffiti", occurred_to=None, geometry=(X0 - 5000, Y0),
                         occurred_from=datetime(2025, 4, 12, tzinfo=timezone.utc)))
    with Store.create(path) as store:
        for name, bounds in AREAS.items():
            store.add_area(name, "district", _square(*bounds))
        store.add_incidents(rows)
    return path


def _table(rows, zones, categories):
    """The published table with margins, None where suppressed."""
    zones, categories = list(zones) + ["total"], list(categories) + ["total"]
    table = [[None] * len(categories) for _ in zones]
    seen = set()
    for row in rows:
        i, j = zones.index(row["zone"]), categories.index(row["category"])
        suppressed = row["suppressed"] in (True, 1, "true", "True", "1")
        count = None if row["count"] in (None, "") else int(row["count"])
        assert suppressed == (count is None), row
        table[i][j] = count
        seen.add((i, j))
    assert len(seen) == len(zones) * len(categories) == len(rows)
    return table


def _categories(store_path):
    with Store.open(store_path, read_only=True) as store:
        return [code for code, parent, *_ in store.categories() if parent is None]


def _check_attack(table, truth):
    ranges = feasible_ranges(table)
    assert ranges, "nothing was suppressed"
    for (i, j), (low, high) in ranges.items():
        assert low <= truth[i][j] <= high
        assert high > low, f"the hidden count at {(i, j)} is determined by the published table"
    return ranges


def test_published_areas_in_every_format_total_to_the_stores_counts_and_hide_the_small_count(
        store_path, tmp_path, qgis_process_run):
    categories = _categories(store_path)
    zones = ["Söder", "Norr", "Öster"]  # the store's order (by fid)
    truth_cells = [[PLANNED[z].get(c, 0) for c in categories] for z in zones]
    truth = [row + [sum(row)] for row in truth_cells]
    truth.append([sum(col) for col in zip(*truth)])
    with Store.open(store_path, read_only=True) as store:
        for i, zone in enumerate(zones):  # the store's own count, less the two placed at a municipality
            assert store.count(IncidentFilter(period=APRIL, area=zone)) - (2 if zone == "Norr" else 0) == truth[i][-1]
        by_category = store.counts("category", IncidentFilter(period=APRIL))
        assert by_category["graffiti"] - 1 == truth[-1][categories.index("graffiti")]  # one in no area
        assert by_category["vandalism"] - 2 == truth[-1][categories.index("vandalism")]
    tables = {}
    for extension in ("gpkg", "geojson", "csv"):
        output = tmp_path / f"published.{extension}"
        result = qgis_process_run("lagesbild:publishaggregates", {
            "STORE": store_path, "PERIOD_START": "2025-04-01", "PERIOD_END": "2025-04-30", "OUTPUT": output})
        if extension == "csv":
            with open(output, encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            assert list(rows[0]) == FIELDS  # no geometry, nothing else
        else:
            rows = output_rows(output, geometry=True)
            assert set(rows[0]) == set(FIELDS) | {"_geom"}
            for row in rows:
                is_total = row["zone"] == "total"
                assert (row["_geom"] is None) == is_total
                if not is_total:
                    west, south, east, north = AREAS[row["zone"]]
                    assert row["_geom"].GetEnvelope() == (west, east, south, north)
        tables[extension] = _table(rows, zones, categories)
        assert result["results"]["LEFT_OUT"] == 3  # two at a municipality's centre, one in no area
        about = (tmp_path / f"published.{extension}.about.txt").read_text(encoding="utf-8")
        assert "from 1 to 2 is suppressed" in about and "2 incidents placed only at a municipality" in about
        assert result["results"]["METADATA"].endswith(".about.txt")
    assert tables["gpkg"] == tables["geojson"] == tables["csv"]
    table = tables["csv"]
    for i, row in enumerate(table):
        for j, value in enumerate(row):
            assert value is None or value == truth[i][j]
    norr, vandalism = zones.index("Norr"), categories.index("vandalism")
    assert table[norr][vandalism] is None  # the 1
    hidden = sum(value is None for row in table for value in row)
    assert hidden >= 4  # the 1, a second in its row, a second in its column and the one closing them
    ranges = _check_attack(table, truth)
    assert ranges[(norr, vandalism)][1] >= 3  # it could as well be 3 or more
    # every published number that is not a zero is at least 3
    assert all(value is None or value == 0 or value >= 3 for row in table for value in row)


def test_grid_cells_count_each_incident_once_and_protect_every_small_count(store_path):
    categories = _categories(store_path)
    with Store.open(store_path, read_only=True) as store:
        result = publication(store, APRIL, "cell", 500.0, 3)
        placed = store.count(IncidentFilter(period=APRIL)) - 2
    assert result.unplaced == 2
    assert int(result.table[-1, -1]) == placed  # every placed incident in exactly one cell
    assert all(name.startswith("500m_N") for name in result.zones)
    table = [[None if result.hidden[i, j] else int(result.table[i, j]) for j in range(len(categories) + 1)]
             for i in range(len(result.zones) + 1)]
    _check_attack(table, result.table.tolist())


def test_a_period_with_nothing_small_publishes_every_count(store_path):
    with Store.open(store_path, read_only=True) as store:
        result = publication(store, APRIL, "area", min_count=1)
    assert not result.hidden.any()
    assert int(result.table[-1, -1]) == sum(sum(v.values()) for v in PLANNED.values())


def test_a_focus_area_over_districts_counts_twice_unless_only_districts_are_published(store_path):
    with Store.open(store_path) as store:
        west, south, east, north = AREAS["Öster"]
        store.add_area("Torget", "focus_area", _square(west, south, east, north))
        every = publication(store, APRIL, "area")
        districts = publication(store, APRIL, "area", area_kind="district")
    placed = sum(sum(v.values()) for v in PLANNED.values())
    assert every.zones[-1] == "Torget" and every.in_several == sum(PLANNED["Öster"].values())
    assert int(every.table[-1, -1]) == placed + sum(PLANNED["Öster"].values())  # the sums of the rows
    assert districts.zones == ["Söder", "Norr", "Öster"] and districts.in_several == 0
    assert int(districts.table[-1, -1]) == placed


def test_a_store_without_areas_is_refused_in_words(tmp_path, qgis_process_run):
    path = tmp_path / "bare.gpkg"
    with Store.create(path) as store:
        store.add_incident(incident())
    failed = qgis_process_run("lagesbild:publishaggregates", {
        "STORE": path, "PERIOD_START": "2025-05-01", "PERIOD_END": "2025-05-31", "OUTPUT": tmp_path / "out.csv"},
        expect_ok=False)
    output = failed["stdout"] + failed["stderr"]
    assert failed["returncode"] != 0 and "no areas of the kind chosen" in output and "Traceback" not in output
    assert not (tmp_path / "out.csv.about.txt").exists()
