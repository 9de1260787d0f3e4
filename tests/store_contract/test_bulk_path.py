"""The bulk path on every backend (a GeoPackage's packed R-tree, PostgreSQL's
COPY) gives what the plain path gives: the same rows, found by the same
spatial queries, no history for an insert, the chain whole."""

import numpy as np
import pytest
from store_helpers import TOWN

from lagesbild.core.store import chain, writes


@pytest.mark.parametrize("bulk", [True, False])
def test_the_bulk_path_and_the_plain_one_store_the_same(store, monkeypatch, bulk):
    monkeypatch.setattr(writes, "BULK_LOAD_MIN_ROWS", 1 if bulk else 10**9)
    count = 1200
    rng = np.random.default_rng(3)
    x, y = TOWN[0] + rng.uniform(-3000, 3000, count), TOWN[1] + rng.uniform(-3000, 3000, count)
    columns = {"x": x, "y": y, "category": np.full(count, "graffiti", dtype=object),
               "occurred_from": rng.integers(1_700_000_000, 1_740_000_000, count),
               "reporting_org": np.full(count, "police", dtype=object),
               "source": np.full(count, "fil", dtype=object),
               "source_id": np.array([str(i) for i in range(count)], dtype=object),
               "location_precision": rng.choice(np.array(["exact", "municipality"], dtype=object), count)}
    assert store.add_incident_arrays(columns, chunk_size=250) == count
    db = store._db
    stored = db.execute("SELECT source_id, location_precision FROM incidents ORDER BY fid").fetchall()
    assert stored == list(zip(columns["source_id"].tolist(), columns["location_precision"].tolist()))
    for x0, y0, size in [(TOWN[0] - 500, TOWN[1] - 800, 900.0), (TOWN[0] + 1000, TOWN[1], 2500.0)]:
        where, params = store.backend.bbox_condition("incidents", (x0, y0, x0 + size, y0 + size), store.srs_id)
        found = sorted(int(i) for (i,) in db.execute(f"SELECT source_id FROM incidents WHERE {where}", params))
        # an index may keep 32-bit boxes (a GeoPackage's R-tree), rounded outwards
        inner, outer = (np.nonzero((x >= x0 - m) & (x <= x0 + size + m) & (y >= y0 - m)
                                   & (y <= y0 + size + m))[0].tolist() for m in (-0.1, 0.1))
        assert set(inner) <= set(found) <= set(outer) and len(found) > 10
    assert db.execute("SELECT count(*) FROM incident_history").fetchone()[0] == 0
    assert chain.check(db, store.backend) == []
