"""Bringing incidents in from elsewhere: files (CSV, Excel, GeoJSON and any
vector source OGR reads), QGIS layers and the police's open events.

- ``values``: text read as numbers, times and yes/no, the Swedish way;
- ``readers``: a file as ``SourceData`` (rows with their line numbers);
- ``police``: the police's open events feed, recognised by its shape;
- ``mapping``: which column is which field, which text is which category;
- ``convert``: a source row as an incident's values, with its problems.

The store's own validation and the write (``core.store.importing``) come after."""

from .convert import PreparedRow, convert_rows
from .mapping import Mapping, MappingError, load_mapping
from .readers import FORMATS, ImportSourceError, SourceData, SourceRow, read_source

__all__ = [
    "FORMATS", "ImportSourceError", "Mapping", "MappingError", "PreparedRow", "SourceData", "SourceRow",
    "convert_rows", "load_mapping", "read_source",
]
