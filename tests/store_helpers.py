"""Shared helpers for the store tests."""

import hashlib
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

TOWN = (620_000.0, 6_650_000.0)  # a point inside SWEREF 99 TM's area of use


def fingerprint(path: Path) -> tuple[str, float]:
    """The file's content hash and modification time: 'untouched' means both equal."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest(), Path(path).stat().st_mtime_ns


def incident(**overrides) -> dict:
    values = dict(
        category="vandalism",
        subcategory=None,
        occurred_from=datetime(2025, 5, 10, 21, 15, tzinfo=timezone.utc),
        occurred_to=datetime(2025, 5, 10, 23, 0, tzinfo=timezone.utc),
        reporting_org="housing",
        geometry=TOWN,
        place_name="Stationsgatan 4",
        description="Krossad ruta i trapphus",
        estimated_cost_sek=4500.0,
    )
    values.update(overrides)
    return values


def ogr_sql(path: Path, sql: str) -> None:
    """Run SQL through GDAL's GeoPackage driver, as ``ogrinfo -sql`` does: a
    client other than the plugin (it provides the ST_ functions the
    GeoPackage R-tree triggers call)."""
    from osgeo import gdal

    gdal.UseExceptions()
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        result = dataset.ExecuteSQL(sql)
        if result is not None:
            dataset.ReleaseResultSet(result)
    finally:
        dataset = None


def store_today(zone_name: str = "Europe/Stockholm"):
    """Today in a store's zone (what the store and its docks call today), not
    the machine's: the two differ for an hour or two around midnight."""
    from zoneinfo import ZoneInfo

    from lagesbild.core.domain.periods import local_today

    return local_today(ZoneInfo(zone_name))


def output_rows(path, geometry: bool = False) -> list[dict]:
    """The rows of an algorithm's output file (its first layer), read with
    GDAL, not QGIS: each a dict of its fields, with ``_geom`` (an OGR clone)
    when ``geometry``."""
    from osgeo import gdal

    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = []
    for feature in layer:
        row = {n: feature.GetField(n) for n in names}
        if geometry:
            shape = feature.GetGeometryRef()
            row["_geom"] = shape.Clone() if shape else None
        rows.append(row)
    return rows


def utc_bound(day: date) -> str:
    """The UTC text of the start of ``day`` in Europe/Stockholm, as a store keeps times."""
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("Europe/Stockholm")).astimezone(
        timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def period_count(path, period, where: str = "1 = 1", params: tuple = ()) -> int:
    """Incidents of the GeoPackage store at ``path`` that started in ``period``
    (local days in Europe/Stockholm) and meet ``where``, counted by plain sqlite3."""
    with sqlite3.connect(path) as db:
        return db.execute(
            f"SELECT count(*) FROM incidents WHERE occurred_from >= ? AND occurred_from < ? AND {where}",
            (utc_bound(period.start), utc_bound(period.end + timedelta(days=1)), *params)).fetchone()[0]


def assert_same_arrays(found: dict, expected: dict) -> None:
    """Two reads of the store's arrays are the very same: names, order,
    dtypes, shapes and values (floats bit for bit, NaN where NaN)."""
    import numpy as np

    assert list(found) == list(expected)
    for name, values in expected.items():
        assert found[name].dtype == values.dtype, name
        assert found[name].shape == values.shape, name
        if values.dtype.kind == "f":
            np.testing.assert_array_equal(found[name], values, err_msg=name)
        else:
            assert found[name].tolist() == values.tolist(), name
