"""Which source column is which incident field, and which source text is
which category: a mapping, saved as a small JSON file for the next import.

```json
{"source": "trygghetsvandring",
 "fields": {"Händelse": "category", "Tidpunkt": "occurred_from", "Nr": "source_id"},
 "coordinates": {"x": "Longitud", "y": "Latitud", "crs": "EPSG:4326"},
 "categories": {"Klotter": "graffiti", "Bilbrand": ["fire", "fire_car"]},
 "defaults": {"reporting_org": "municipality", "location_precision": "approximate"}}
```

Every key is optional. A column mapped to ``null`` is not imported. Columns
named like a field of the store map to themselves; ``x`` and ``y`` columns
are easting and northing in the store's CRS. Category texts are compared
with case and spaces ignored; a text the mapping does not name may be a
code or a label of the code list."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import tr
from .. import codelist, schema
from .values import normalised

# What a column may be mapped to: the incident's own fields and its import key.
TARGETS = tuple(f.name for f in schema.INCIDENTS.fields
                if f.name not in ("created_at", "updated_at", "version", "updated_by_org"))
_KEYS = {"source", "fields", "coordinates", "categories", "defaults"}


class MappingError(ValueError):
    """A mapping file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Coordinates:
    x: str  # the column of the easting or longitude
    y: str  # the column of the northing or latitude
    crs: str | None = None  # None: the store's CRS


@dataclass
class Mapping:
    source: str | None = None
    fields: dict[str, str | None] = field(default_factory=dict)  # column → field, None: not imported
    coordinates: Coordinates | None = None
    categories: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # normalised text → codes
    defaults: dict[str, object] = field(default_factory=dict)

    def merged_over(self, base: Mapping) -> Mapping:
        """This mapping, with ``base`` filling what it leaves out."""
        return Mapping(self.source or base.source, base.fields | self.fields, self.coordinates or base.coordinates,
                       base.categories | self.categories, base.defaults | self.defaults)

    def field_of_columns(self, columns: list[str]) -> dict[str, str]:
        """column → field for the columns of a source: the mapping's own
        entries, and the columns named like a field (case ignored)."""
        result = {}
        targets = {name.casefold(): name for name in TARGETS}
        for column in columns:
            name = targets.get(column.strip().casefold())
            if name and name not in self.fields.values():
                result[column] = name
        wanted = {normalised(c): c for c in columns}
        for column, target in self.fields.items():
            if normalised(column) in wanted:
                result[wanted[normalised(column)]] = target
        return {column: target for column, target in result.items() if target}

    def coordinate_columns(self, columns: list[str]) -> Coordinates | None:
        if self.coordinates is not None:
            return self.coordinates
        lower = {c.strip().casefold(): c for c in columns}
        if "x" in lower and "y" in lower:
            return Coordinates(lower["x"], lower["y"])
        return None

    def category_codes(self, text: str) -> tuple[str, str | None] | None:
        """The (category, subcategory) a text stands for, or None."""
        return self.categories.get(normalised(text)) or _CODE_LIST.get(normalised(text))


def _code_list_texts() -> dict[str, tuple[str, str | None]]:
    texts = {}
    for category in codelist.CATEGORIES:
        for text in (category.code, category.label_sv, category.label_en):
            texts[normalised(text)] = (category.code, None)
        for sub in category.subcategories:
            for text in (sub.code, sub.label_sv, sub.label_en):
                texts.setdefault(normalised(text), (category.code, sub.code))
    return texts


_CODE_LIST = _code_list_texts()


def _codes(text: str, value) -> tuple[str, str | None]:
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not 1 <= len(codes) <= 2 or not all(isinstance(c, str) for c in codes):
        raise MappingError(tr("categories: {text} must give a category code, or a list of a category "
                              "and a subcategory code").format(text=text))
    category, sub = codes[0], codes[1] if len(codes) == 2 else None
    if category not in codelist.BY_CODE:
        raise MappingError(tr("categories: {text} names an unknown category: {code}").format(text=text, code=category))
    if sub is not None and codelist.category_of(sub) != category:
        raise MappingError(tr("categories: {text}: {sub} is not a subcategory of {category}").format(
            text=text, sub=sub, category=category))
    return category, sub


def mapping_from_dict(data) -> Mapping:
    if not isinstance(data, dict):
        raise MappingError(tr("a mapping is a JSON object"))
    unknown = set(data) - _KEYS
    if unknown:
        raise MappingError(tr("unknown keys in the mapping: {keys}").format(keys=", ".join(sorted(unknown))))
    fields = data.get("fields") or {}
    if not isinstance(fields, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str))
                                               for k, v in fields.items()):
        raise MappingError(tr("fields: give each column's name and the field it fills, as text"))
    bad = sorted(set(fields.values()) - set(TARGETS) - {None})
    if bad:
        raise MappingError(tr("fields: not fields of an incident: {names}").format(names=", ".join(bad)))
    coordinates = None
    if data.get("coordinates") is not None:
        given = data["coordinates"]
        if not isinstance(given, dict):
            raise MappingError(tr("coordinates: give the columns x and y (or lon and lat) and a crs"))
        x, y = given.get("x", given.get("lon")), given.get("y", given.get("lat"))
        crs = given.get("crs", "EPSG:4326" if "lat" in given else None)
        if not isinstance(x, str) or not isinstance(y, str) or (crs is not None and not isinstance(crs, str)):
            raise MappingError(tr("coordinates: give the columns x and y (or lon and lat) and a crs"))
        coordinates = Coordinates(x, y, crs)
    categories = data.get("categories") or {}
    if not isinstance(categories, dict):
        raise MappingError(tr("categories: give each text and its codes"))
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict) or set(defaults) - set(TARGETS):
        raise MappingError(tr("defaults: give values for fields of an incident"))
    source = data.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        raise MappingError(tr("source: give a name as text"))
    return Mapping(source, dict(fields), coordinates,
                   {normalised(text): _codes(text, value) for text, value in categories.items()}, dict(defaults))


def load_mapping(path) -> Mapping:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise MappingError(tr("the mapping file cannot be read: {error}").format(error=error.strerror)) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MappingError(tr("the mapping file is not valid JSON: {error}").format(error=error)) from error
    return mapping_from_dict(data)


def mapping_to_dict(mapping: Mapping) -> dict:
    """The mapping as ``load_mapping`` reads it (keys it leaves empty left out)."""
    data: dict = {}
    if mapping.source:
        data["source"] = mapping.source
    if mapping.fields:
        data["fields"] = dict(mapping.fields)
    if mapping.coordinates is not None:
        coordinates = {"x": mapping.coordinates.x, "y": mapping.coordinates.y}
        if mapping.coordinates.crs:
            coordinates["crs"] = mapping.coordinates.crs
        data["coordinates"] = coordinates
    if mapping.categories:
        data["categories"] = {text: category if sub is None else [category, sub]
                              for text, (category, sub) in mapping.categories.items()}
    if mapping.defaults:
        data["defaults"] = dict(mapping.defaults)
    return data


def save_mapping(mapping: Mapping, path) -> None:
    """Write the mapping as a JSON file for the next import (``load_mapping``)."""
    text = json.dumps(mapping_to_dict(mapping), ensure_ascii=False, indent=2)
    try:
        Path(path).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise MappingError(tr("the mapping file cannot be written: {error}").format(error=error.strerror)) from error
