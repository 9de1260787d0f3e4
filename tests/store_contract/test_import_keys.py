"""An import into either backend: the rows land through the store's own
write path, the same source key twice is refused by the database itself
(whoever writes), and all or nothing leaves every row as it was."""

from __future__ import annotations

import pytest
from store_helpers import incident

from lagesbild.core.domain.importing import PreparedRow
from lagesbild.core.store.importing import MODE_ALL_OR_NOTHING, MODE_SKIP_BAD_ROWS, import_rows


def rows(*ids, bad: tuple = ()) -> list[PreparedRow]:
    return [PreparedRow(line, incident(source="lista", source_id=key, category="nowhere" if key in bad else "fire",
                                       place_name=f"Plats {key}"))
            for line, key in enumerate(ids, start=2)]


def test_import_rows_writes_the_good_rows_and_skips_what_is_there(store, other_client):
    result = import_rows(store, rows("a", "b", "c", bad=("b",)), MODE_SKIP_BAD_ROWS)
    assert (result.imported, [r.line for r in result.rejected], result.duplicates) == (2, [3], [])
    assert sorted(i.source_id for i in store._select_incidents("source = ?", ("lista",))) == ["a", "c"]
    before = other_client.fingerprint()
    again = import_rows(store, rows("a", "c", "d", "d", bad=("d",)), MODE_ALL_OR_NOTHING)
    assert again.imported == 0 and [r.line for r in again.duplicates] == [2, 3, 5]
    assert [r.line for r in again.rejected] == [4]
    assert other_client.fingerprint() == before  # the one bad row stopped everything


def test_the_database_refuses_a_source_key_twice_but_not_rows_without_one(store, other_client):
    store.add_incidents([incident(source="lista", source_id="a"), incident(), incident()])
    assert store.count() == 3  # two rows without a source key
    with pytest.raises(RuntimeError):
        other_client.execute(
            "INSERT INTO incidents (category, occurred_from, reporting_org, source, source_id, geom) "
            "SELECT category, occurred_from, reporting_org, source, source_id, geom FROM incidents "
            "WHERE source_id = 'a'")
    assert store.count() == 3


def test_location_precision_defaults_to_exact_and_takes_only_its_values(store, other_client):
    added = store.add_incident(incident())
    assert added.location_precision == "exact"
    county = store.add_incident(incident(location_precision="county"))
    assert county.location_precision == "county"
    with pytest.raises(RuntimeError):
        other_client.execute(f"UPDATE incidents SET location_precision = 'street' WHERE uuid = '{added.uuid}'")


def test_a_dry_run_checks_every_row_as_the_import_would_and_writes_nothing(store, other_client):
    store.add_incidents([incident(source="lista", source_id="a")])
    before = other_client.fingerprint()
    preview = import_rows(store, rows("a", "b", "c", "c", bad=("b",)), MODE_SKIP_BAD_ROWS, dry_run=True)
    assert other_client.fingerprint() == before
    assert (preview.imported, [r.line for r in preview.rejected]) == (1, [3])
    assert [r.line for r in preview.duplicates] == [2, 5]
    real = import_rows(store, rows("a", "b", "c", "c", bad=("b",)), MODE_SKIP_BAD_ROWS)
    assert (real.imported, [r.line for r in real.rejected], [r.line for r in real.duplicates]) == (1, [3], [2, 5])
    strict = import_rows(store, rows("d", "e", bad=("e",)), MODE_ALL_OR_NOTHING, dry_run=True)
    assert (strict.imported, [r.line for r in strict.rejected]) == (0, [3])


def test_a_csv_imported_a_column_at_a_time_and_again_row_by_row_adds_nothing(store, other_client, tmp_path):
    from store_helpers import TOWN

    from lagesbild.core.domain.importing import Mapping, convert_rows, read_source
    from lagesbild.core.domain.importing.columnar import prepare_columns
    from lagesbild.core.store.importing import import_source

    lines = ["Nr;category;occurred_from;reporting_org;x;y;place_name"]
    lines += [f"{n};fire;2026-03-0{n} 21:30;housing;{int(TOWN[0]) + n},5;{int(TOWN[1])};Plats {n}" for n in range(1, 6)]
    lines += ["6;skateboard;2026-03-05 21:30;housing;1;1;", "2;fire;2026-03-02 21:30;housing;1;1;", ""]
    path = tmp_path / "lista.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    mapping = Mapping(fields={"Nr": "source_id"})
    assert prepare_columns(read_source(path), mapping, store.crs, store.tz) is not None
    first = import_source(store, read_source(path), mapping, MODE_SKIP_BAD_ROWS)
    assert (first.imported, [r.line for r in first.rejected], [r.line for r in first.duplicates]) == (5, [7], [8])
    stored = sorted((i.source_id, i.place_name, round(i.x, 1)) for i in store._select_incidents("source = ?",
                                                                                           ("lista",)))
    assert stored == [(str(n), f"Plats {n}", TOWN[0] + n + 0.5) for n in range(1, 6)]
    before = other_client.fingerprint()
    by_rows = import_rows(store, convert_rows(read_source(path), mapping, store.crs, store.tz), MODE_SKIP_BAD_ROWS)
    by_columns = import_source(store, read_source(path), mapping, MODE_SKIP_BAD_ROWS)
    for again in (by_rows, by_columns):
        assert (again.imported, [r.line for r in again.duplicates]) == (0, [2, 3, 4, 5, 6, 8])
    assert other_client.fingerprint() == before
