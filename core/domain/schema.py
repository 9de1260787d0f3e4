"""The data model: one definition of every table, field, constraint and
trigger, rendered to SQL by a dialect.

The GeoPackage dialect is here; a PostGIS dialect renders the same tables
(``Dialect`` is the seam: types, placeholders, spatial registration, triggers).
Nothing above this module writes DDL. No table has a field for a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import codelist

SCHEMA_VERSION = 3
APPLICATION = "lagesbild"

# Logical field types.
TEXT, INTEGER, REAL, BOOLEAN, DATETIME, DATE = "text", "integer", "real", "boolean", "datetime", "date"

NOW_DEFAULT = "now"  # default: the current UTC time
UUID_DEFAULT = "uuid"  # default: a random UUID


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    length: int | None = None  # maximum length of a text
    not_null: bool = False
    default: str | int | None = None
    allowed: tuple[str, ...] | None = None  # the only values a text may take
    minimum: float | None = None
    unique: bool = False
    audited: bool = False  # changes are written to incident_history


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    geometry: str | None = None  # "POINT" or "MULTIPOLYGON"
    key: str | None = None  # a text primary key; tables without one get an integer fid
    indexes: tuple[tuple[str, ...], ...] = ()
    # unique over the columns among the rows where the last one is not null
    unique_indexes: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[tuple[str, str], ...] = ()  # (later, earlier): later >= earlier
    description: str = ""
    registered: bool = True  # listed in gpkg_contents (visible in QGIS)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


GEOMETRY_COLUMN = "geom"
FID = "fid"

INCIDENT_TEXT_LIMITS = {
    "place_name": 200,
    "description": 2000,
    "police_report_ref": 50,
    "handling_note": 2000,
}

LOCATION_PRECISIONS = ("exact", "approximate", "municipality", "county")
# placed only at a municipality's or county's centre (the police feed): no place on the map. Left out of
# spatial analyses, hot spots, density and the report's squares, drawn with a ring, and counted wherever left out
LOW_PRECISIONS = ("municipality", "county")

INCIDENTS = Table(
    "incidents",
    (
        Field("uuid", TEXT, 36, not_null=True, default=UUID_DEFAULT, unique=True),
        Field("category", TEXT, 32, not_null=True, audited=True),
        Field("subcategory", TEXT, 48, audited=True),
        Field("occurred_from", DATETIME, not_null=True, audited=True),
        Field("occurred_to", DATETIME, audited=True),
        Field("reported_at", DATETIME, not_null=True, default=NOW_DEFAULT, audited=True),
        Field("place_name", TEXT, INCIDENT_TEXT_LIMITS["place_name"], audited=True),
        Field("description", TEXT, INCIDENT_TEXT_LIMITS["description"], audited=True),
        Field("reporting_org", TEXT, 32, not_null=True, audited=True),
        Field("police_reported", BOOLEAN, not_null=True, default=0, audited=True),
        Field("police_report_ref", TEXT, INCIDENT_TEXT_LIMITS["police_report_ref"], audited=True),
        Field("estimated_cost_sek", REAL, minimum=0, audited=True),
        Field("status", TEXT, 16, not_null=True, default="new", allowed=codelist.STATUS_CODES, audited=True),
        Field("handling_org", TEXT, 32, audited=True),
        Field("handling_note", TEXT, INCIDENT_TEXT_LIMITS["handling_note"], audited=True),
        Field("created_at", DATETIME, not_null=True, default=NOW_DEFAULT),
        Field("updated_at", DATETIME, not_null=True, default=NOW_DEFAULT),
        Field("updated_by_org", TEXT, 32),
        Field("version", INTEGER, not_null=True, default=1, minimum=1),
        # where an imported incident came from: the same source and id twice is one incident
        Field("source", TEXT, 100),
        Field("source_id", TEXT, 200),
        # how exactly the point places the incident (a municipality's centre is no place)
        Field("location_precision", TEXT, 16, not_null=True, default="exact", allowed=LOCATION_PRECISIONS),
        # a photo of the place or the damage (never of a person), as a path
        # relative to the store's folder: DCIM/<file>; not a free text
        Field("photo", TEXT, 200, audited=True),
    ),
    geometry="POINT",
    indexes=(("occurred_from",), ("category", "occurred_from"), ("reporting_org",), ("status",)),
    unique_indexes=(("source", "source_id"),),
    not_before=(("occurred_to", "occurred_from"),),
    description="Incidents reported on the standardised form",
)

AREAS = Table(
    "areas",
    (
        Field("name", TEXT, 100, not_null=True),
        Field("kind", TEXT, 32, not_null=True, default="district", allowed=("district", "focus_area")),
    ),
    geometry="MULTIPOLYGON",
    indexes=(("name",),),
    description="Districts and focus areas",
)

MEASURES = Table(
    "measures",
    (
        Field("title", TEXT, 200, not_null=True),
        Field("kind", TEXT, 16, not_null=True, allowed=tuple(k[0] for k in codelist.MEASURE_KINDS)),
        Field("responsible_org", TEXT, 32),
        Field("start_date", DATE, not_null=True),
        Field("end_date", DATE),
        Field("status", TEXT, 16, not_null=True, default="planned",
              allowed=tuple(s[0] for s in codelist.MEASURE_STATUSES)),
        Field("expected_effect", TEXT, 2000),
        Field("followup_date", DATE),
        Field("followup_result", TEXT, 2000),
    ),
    geometry="MULTIPOLYGON",
    not_before=(("end_date", "start_date"),),
    description="The action plan: measures and their follow-up",
)

CATEGORIES = Table(
    "categories",
    (
        Field("code", TEXT, 48, not_null=True),
        Field("parent", TEXT, 32),
        Field("label_sv", TEXT, 100, not_null=True),
        Field("label_en", TEXT, 100, not_null=True),
        Field("colour", TEXT, 7),
        Field("icon", TEXT, 100),
        Field("sort_order", INTEGER, not_null=True),
    ),
    key="code",
    description="The category code list (categories and subcategories)",
)

ORGANISATIONS = Table(
    "organisations",
    (
        Field("code", TEXT, 32, not_null=True),
        Field("name_sv", TEXT, 100, not_null=True),
        Field("name_en", TEXT, 100, not_null=True),
        Field("active", BOOLEAN, not_null=True, default=1),
    ),
    key="code",
    description="Reporting and handling organisations (never persons)",
)

INCIDENT_HISTORY = Table(
    "incident_history",
    (
        Field("incident_uuid", TEXT, 36, not_null=True),
        Field("changed_at", DATETIME, not_null=True, default=NOW_DEFAULT),
        Field("changed_by_org", TEXT, 32),
        Field("field", TEXT, 32, not_null=True),
        Field("old_value", TEXT),
        Field("new_value", TEXT),
        # the hash chain (README "Audit trail"): written when the plugin seals
        # the row; NULL until then
        Field("seal_seq", INTEGER),
        Field("row_hash", TEXT, 64),
        Field("text_seal", TEXT, 97),  # free text: "salt:sha256", only the sha256 once blanked
    ),
    indexes=(("incident_uuid", "changed_at"), ("seal_seq",)),
    description="One row per changed field of an incident, written by triggers; append-only, hash-chained",
)

META = Table(
    "lagesbild_meta",
    (Field("key", TEXT, 64, not_null=True), Field("value", TEXT)),
    key="key",
    registered=False,
)

TABLES: tuple[Table, ...] = (CATEGORIES, ORGANISATIONS, INCIDENTS, INCIDENT_HISTORY, AREAS, MEASURES, META)
AUDITED_FIELDS: tuple[str, ...] = tuple(f.name for f in INCIDENTS.fields if f.audited) + (GEOMETRY_COLUMN,)
# the audit trail's rules, kept by triggers in every client
IMMUTABLE_FIELDS = ("uuid", "created_at")  # never change
BOOKKEEPING_FIELDS = ("updated_at", "updated_by_org")  # recorded when changed alone
# the free-text fields of an incident: guarded against personal data, and the
# only history values the retention job may blank
FREE_TEXT_FIELDS = ("place_name", "description", "handling_note")
# history rows that are not a field's change: a deleted incident (after one row
# per field holding its last value), a blanked free text, a repair of the store
HISTORY_DELETED, HISTORY_BLANKED, HISTORY_REPAIRED = "deleted", "text_blanked", "store_repaired"
# the retention job's one row per incident (old: the day it was closed; new: what was blanked)
HISTORY_RETENTION = "retention"
STORE_UUID = "00000000-0000-0000-0000-000000000000"  # the incident_uuid of a row about the store itself

# References checked by triggers in every client (QGIS, ogrinfo, mobile apps),
# not only by this plugin: (table, field, code table, condition on the code table).
REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    ("incidents", "category", "categories", "parent IS NULL"),
    ("incidents", "reporting_org", "organisations", "1"),
    ("incidents", "handling_org", "organisations", "1"),
    ("incidents", "updated_by_org", "organisations", "1"),
    ("measures", "responsible_org", "organisations", "1"),
)


def code_rows() -> list[tuple]:
    """The categories table's rows, from the code list."""
    rows = []
    order = 0
    for category in codelist.CATEGORIES:
        order += 1
        rows.append((category.code, None, category.label_sv, category.label_en,
                     category.colour, category.icon, order))
        for sub in category.subcategories:
            order += 1
            rows.append((sub.code, category.code, sub.label_sv, sub.label_en,
                         category.colour, category.icon, order))
    return rows


@dataclass
class Migration:
    """One step from ``from_version`` to ``from_version + 1``; ``statements``
    are rendered by the dialect. Triggers, indexes and code tables are rebuilt
    after the last step, so a step only changes tables."""

    from_version: int
    description: str
    add_fields: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (table, field)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "incidents gain police_report_ref and estimated_cost_sek; "
        "organisations gain active",
        add_fields=(
            ("incidents", "police_report_ref"),
            ("incidents", "estimated_cost_sek"),
            ("organisations", "active"),
        ),
    ),
    Migration(
        2,
        "incidents gain source, source_id (imports), location_precision and photo; incident_history "
        "gains seal_seq, row_hash and text_seal (the hash chain), and its rows are sealed",
        add_fields=(
            ("incidents", "source"),
            ("incidents", "source_id"),
            ("incidents", "location_precision"),
            ("incidents", "photo"),
            ("incident_history", "seal_seq"),
            ("incident_history", "row_hash"),
            ("incident_history", "text_seal"),
        ),
    ),
)


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)
