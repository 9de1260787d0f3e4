"""The form's decisions that need no widgets (core/domain/form_changes.py)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lagesbild.core.domain.form_changes import changed_fields, parse_cost, same_value, validation_context
from lagesbild.core.store import Store

LOADED = {
    "category": "fire",
    "occurred_from": datetime(2025, 3, 30, 0, 30, 0, 412_000, tzinfo=timezone.utc),
    "geometry": (620_000.0, 6_650_000.0),
    "handling_note": None,
    "police_reported": False,
}


@pytest.mark.parametrize(("text", "value"), [
    ("12 500", 12500.0), ("12\u00a0500", 12500.0), ("99,50", 99.5), ("  -50 ", -50.0), ("", None), ("   ", None)])
def test_parse_cost_reads_what_people_type(text, value):
    assert parse_cost(text) == (value, None)


def test_parse_cost_names_a_problem_for_words():
    value, problem = parse_cost("tusen")
    assert value is None
    assert (problem.field, problem.code, problem.message) == ("estimated_cost_sek", "type", "must be a number")


def test_nothing_changed_when_the_form_shows_what_was_loaded():
    shown = dict(LOADED, occurred_from=LOADED["occurred_from"].replace(microsecond=0),  # the form has no fractions
                 geometry=(620_000.0 + 4e-7, 6_650_000.0 - 4e-7))  # read back through a transform
    assert changed_fields(LOADED, shown) == {}


def test_each_changed_field_and_only_those():
    shown = dict(LOADED, category="graffiti", handling_note="Sanerat",
                 occurred_from=datetime(2025, 3, 30, 0, 31, tzinfo=timezone.utc),
                 geometry=(620_010.0, 6_650_000.0), status="closed")
    assert changed_fields(LOADED, shown) == {
        "category": "graffiti", "handling_note": "Sanerat",
        "occurred_from": datetime(2025, 3, 30, 0, 31, tzinfo=timezone.utc),
        "geometry": (620_010.0, 6_650_000.0), "status": "closed"}  # status was not loaded: new


def test_a_missing_geometry_is_never_the_same():
    assert not same_value("geometry", None, None)
    assert not same_value("geometry", (1.0, 2.0), None)
    assert same_value("police_reported", False, False) and not same_value("police_reported", False, True)


def test_validation_context_of_a_store(tmp_path):
    extent = (600_000.0, 6_630_000.0, 640_000.0, 6_670_000.0)
    with Store.create(tmp_path / "s.gpkg", extent=extent) as store:
        context = validation_context(store)
        assert context.extent == extent
        assert context.organisations == store.organisation_codes() and "housing" in context.organisations
