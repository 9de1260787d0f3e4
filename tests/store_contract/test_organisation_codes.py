"""An open store knows the organisations without reading them on every save,
and still accepts one another client added while it was open."""

import pytest
from store_helpers import incident

from lagesbild.core.domain.validation import ValidationError


def test_an_organisation_added_by_another_client_is_accepted_by_an_open_store(store, other_client):
    store.add_incident(incident())  # the store has read its organisations
    other_client.execute("INSERT INTO organisations (code, name_sv, name_en) "
                         "VALUES ('nightwalkers', 'Nattvandrarna', 'Night walkers')")
    added = store.add_incident(incident(reporting_org="nightwalkers"))
    assert store.get_incident(added.uuid).reporting_org == "nightwalkers"
    changed = store.update_incident(added.uuid, {"handling_org": "nightwalkers"}, expected_version=1,
                                    by_org="nightwalkers")
    assert changed.handling_org == "nightwalkers"


def test_an_organisation_no_one_added_is_still_refused(store):
    store.add_incident(incident())
    with pytest.raises(ValidationError) as raised:
        store.add_incident(incident(reporting_org="ghosts"))
    assert [(p.field, p.code) for p in raised.value.problems] == [("reporting_org", "unknown")]
    assert store.count() == 1
