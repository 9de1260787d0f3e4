"""lagesbild:createstore and lagesbild:demodata, through the real
qgis_process.bin and through processing.run (as the model builder calls them)."""

from datetime import date

from lagesbild.core.store import Store


def test_createstore_with_its_defaults_through_qgis_process(qgis_process_run, tmp_path):
    path = tmp_path / "new.gpkg"
    result = qgis_process_run("lagesbild:createstore", {"STORE": path})
    assert result["results"]["STORE"] == str(path)
    with Store.open(path) as store:
        assert (store.crs, store.time_zone, store.count()) == ("EPSG:3006", "Europe/Stockholm", 0)
        assert store.extent[0] < 300_000 < 900_000 < store.extent[2]


def test_createstore_with_crs_zone_and_extent(qgis_process_run, tmp_path):
    path = tmp_path / "helsinki.gpkg"
    qgis_process_run("lagesbild:createstore", {
        "STORE": path, "CRS": "EPSG:3067", "TIME_ZONE": "Europe/Helsinki",
        "EXTENT": "300000,400000,6600000,6700000 [EPSG:3067]"})
    with Store.open(path) as store:
        assert (store.crs, store.time_zone) == ("EPSG:3067", "Europe/Helsinki")
        assert store.extent == (300_000.0, 6_600_000.0, 400_000.0, 6_700_000.0)


def test_createstore_refuses_an_existing_file_and_a_bad_zone(qgis_process_run, tmp_path):
    path = tmp_path / "taken.gpkg"
    path.write_bytes(b"someone's data")
    refused = qgis_process_run("lagesbild:createstore", {"STORE": path}, expect_ok=False)
    assert "exists already" in refused["stdout"] + refused["stderr"]
    assert path.read_bytes() == b"someone's data"
    refused = qgis_process_run("lagesbild:createstore", {"STORE": tmp_path / "z.gpkg", "TIME_ZONE": "Nowhere/Here"},
                               expect_ok=False)
    assert "unknown time zone" in refused["stdout"] + refused["stderr"]
    assert not (tmp_path / "z.gpkg").exists()


def test_demodata_through_qgis_process(qgis_process_run, tmp_path):
    path = tmp_path / "demo.gpkg"
    result = qgis_process_run("lagesbild:demodata", {"STORE": path, "SIZE": 2000, "SEED": 7,
                                                     "END_DATE": "2026-03-31"})
    assert result["results"]["STORE"] == str(path)
    with Store.open(path) as store:
        assert store.count() == 2000
        assert len(store.areas()) == 8
        assert max(store.counts("day")) == date(2026, 3, 30)
    refused = qgis_process_run("lagesbild:demodata", {"STORE": tmp_path / "small.gpkg", "SIZE": 10},
                               expect_ok=False)
    assert "SIZE" in refused["stdout"] + refused["stderr"] or "size" in refused["stdout"] + refused["stderr"]


def test_both_through_processing_run(lagesbild_provider, tmp_path):
    from qgis import processing

    path = tmp_path / "model.gpkg"
    processing.run("lagesbild:createstore", {"STORE": str(path)})
    result = processing.run("lagesbild:demodata", {"STORE": str(path), "SIZE": 1000, "SEED": 1,
                                                   "END_DATE": "2026-01-15"})
    assert result["STORE"] == str(path)
    with Store.open(path) as store:
        assert store.count() == 1000
