"""What a store's text and number fields may hold, on every path in (one
incident, a change, a bulk load): no infinity, and no NUL or other invisible
control character (QGIS shows a text only up to a NUL, PostgreSQL refuses
one). Refused with the field named, never stripped behind the user's back."""

import math

import numpy as np
import pytest
from store_helpers import fingerprint, incident

from lagesbild.core.domain.validation import ValidationError
from lagesbild.core.store import Store

X, Y = 620_000.0, 6_650_000.0


@pytest.fixture
def store(tmp_path):
    with Store.create(tmp_path / "store.gpkg") as opened:
        yield opened


@pytest.mark.parametrize("cost", [math.inf, -math.inf])
def test_an_infinite_cost_is_refused(store, cost):
    before = fingerprint(store.path)
    with pytest.raises(ValidationError) as refused:
        store.add_incident(incident(estimated_cost_sek=cost))
    assert [(p.field, p.code) for p in refused.value.problems] == [("estimated_cost_sek", "not_finite")]
    assert "must be a finite number" in str(refused.value)
    assert fingerprint(store.path) == before


@pytest.mark.parametrize("field", ["description", "place_name"])
@pytest.mark.parametrize("text", ["ruta\x00krossad", "ruta\x07", "\x1bkrossad"])
def test_a_control_character_in_a_text_is_refused_with_its_field(store, field, text):
    with pytest.raises(ValidationError) as refused:
        store.add_incident(incident(**{field: text}))
    assert [(p.field, p.code) for p in refused.value.problems] == [(field, "control_character")]
    assert "invisible control character" in str(refused.value)
    assert store.count() == 0


def test_tabs_and_line_breaks_are_ordinary_text(store):
    added = store.add_incident(incident(description="Rad ett\nrad två\r\n\tindrag"))
    assert store.get_incident(added.uuid).description == "Rad ett\nrad två\r\n\tindrag"


def test_a_change_with_a_nul_is_refused_and_the_incident_stays(store):
    added = store.add_incident(incident())
    with pytest.raises(ValidationError, match="control character"):
        store.update_incident(added.uuid, {"handling_note": "klart\x00"}, expected_version=1, by_org="housing")
    with pytest.raises(ValidationError, match="finite"):
        store.update_incident(added.uuid, {"estimated_cost_sek": math.inf}, expected_version=1, by_org="housing")
    assert store.get_incident(added.uuid).version == 1


def test_a_bulk_load_refuses_infinity_and_nul_by_row(store):
    count = 3
    columns = {
        "x": np.full(count, X), "y": np.full(count, Y), "category": np.array(["vandalism"] * count, dtype=object),
        "occurred_from": np.full(count, 1_700_000_000, dtype=np.int64),
        "reporting_org": np.array(["housing"] * count, dtype=object),
        "estimated_cost_sek": np.array([100.0, np.inf, np.nan]),
        "description": np.array(["ok", "ok", "ruta\x00krossad"], dtype=object),
    }
    with pytest.raises(ValidationError) as refused:
        store.add_incident_arrays(columns)
    assert sorted((p.row, p.field, p.code) for p in refused.value.problems) == [
        (2, "estimated_cost_sek", "not_finite"), (3, "description", "control_character")]
    assert store.count() == 0
