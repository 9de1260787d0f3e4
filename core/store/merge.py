"""Bringing a field copy back (``core/store/field_copy``): new incidents go
into the store with their field ``uuid`` through the store's own write path
(validated, the personal-data guard, audited as the reporting organisation);
edits made in the field are applied with their version check when the
incident did not change in the store meanwhile, and listed as conflicts,
never applied, when it did. Rows the store's rules refuse are listed with the
reason. Nothing is dropped in silence, and merging the same copy twice adds
nothing: a new incident whose uuid is in the store, or an edit whose values
the store already holds, is passed over.

Photos (``photo``: ``DCIM/<file>`` beside the field copy) come back with
their incidents: copied into ``photo_folder`` (for a GeoPackage store, the
``DCIM`` folder beside it); with no folder (a PostgreSQL store) they stay
where the field copy keeps them and the store holds the same relative path."""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import personal_data
from ..domain.validation import ValidationError
from ..i18n import tr
from .errors import AccessDeniedError, ConflictError, NotFoundError, StoreError
from .field_copy import META_ORGANISATION, OTHER_ORGANISATIONS_TEXTS, PHOTO_FOLDER, base_incidents, field_settings
from .location import StoreLocation
from .records import EDITABLE_FIELDS

# fields the store fills in itself: never taken from the field
_NOT_FROM_FIELD = ("updated_by_org",)
_POSITION_TOLERANCE = 1e-6  # metres: a point read twice is the same point


@dataclass
class MergeProblem:
    """One row of the conflicts table: an edit not applied or a row refused."""

    incident: str
    field: str
    field_value: object
    store_value: object
    field_time: object
    store_time: object
    reason: str


@dataclass
class MergeResult:
    added: int = 0
    updated: int = 0
    passed_over: int = 0  # already in the store as the field has it
    conflicts: int = 0  # incidents with edits not applied
    rejected: int = 0  # incidents refused by the store's rules
    photos: int = 0
    problems: list[MergeProblem] = field(default_factory=list)


def default_photo_folder(store) -> Path | None:
    location = store.location
    return Path(location.target).parent / PHOTO_FOLDER if location.backend == "gpkg" else None


def merge_field_copy(field_path, store, photo_folder: Path | None = None, progress=None) -> MergeResult:
    """Merge the field copy at ``field_path`` into the open ``store``."""
    from . import Store

    field_path = Path(field_path)
    if not field_path.is_file():
        raise StoreError(tr("there is no field copy at {path}").format(path=field_path))
    result = MergeResult()
    with Store.open(StoreLocation.geopackage(field_path), read_only=True) as field_store:
        organisation = field_settings(field_store).get(META_ORGANISATION)
        if not organisation:
            raise StoreError(tr("{path} is a store, not a field copy made by lagesbild:fieldproject").format(
                path=field_path))
        base = base_incidents(field_store)
        incidents = field_store._select_incidents("1 = 1 ORDER BY fid", ())
        edit_times = _edit_times(field_store)
    merger = _Merger(store, organisation, field_path.parent, photo_folder, result)
    for number, incident in enumerate(incidents, start=1):
        if incident.uuid in base:
            merger.edited(incident, base[incident.uuid], edit_times)
        else:
            merger.new(incident)
        if progress is not None:
            progress(number / len(incidents))
    return result


def _edit_times(field_store) -> dict:
    """When each field of each incident was last changed in the field."""
    rows = field_store._db.execute(
        "SELECT incident_uuid, field, max(changed_at) FROM incident_history GROUP BY incident_uuid, field")
    return {(uuid, name): field_store.backend.decode_time(at) for uuid, name, at in rows}


def _same(name: str, a, b) -> bool:
    if name == "geometry":
        return abs(a[0] - b[0]) <= _POSITION_TOLERANCE and abs(a[1] - b[1]) <= _POSITION_TOLERANCE
    return (a or None) == (b or None) if isinstance(a, str) or isinstance(b, str) else a == b


class _Merger:
    def __init__(self, store, organisation: str, field_folder: Path, photo_folder: Path | None, result: MergeResult):
        self.store = store
        self.organisation = organisation
        self.field_folder = field_folder
        self.photo_folder = photo_folder
        self.result = result

    def _problem(self, incident, name: str, reason: str, store_value=None, field_time=None, store_time=None,
                 personal: bool = False):
        # a text refused for personal data is not copied into the table (it is
        # still in the field copy, where the reporter can correct it)
        value = incident.values()[name] if name in EDITABLE_FIELDS and not personal else None
        if name == "geometry":
            value = f"POINT({incident.x:.2f} {incident.y:.2f})"
        self.result.problems.append(MergeProblem(
            incident.uuid, name, value, store_value, field_time or incident.updated_at, store_time, reason))

    def new(self, incident) -> None:
        try:
            self.store.get_incident(incident.uuid)
            self.result.passed_over += 1  # merged before
            return
        except NotFoundError:
            pass
        values = {name: value for name, value in incident.values().items() if name not in _NOT_FROM_FIELD}
        values["uuid"] = incident.uuid
        values["reporting_org"] = values.get("reporting_org") or self.organisation
        copied = self._photo(incident)
        if copied is False:
            self.result.rejected += 1
            return
        if copied is not None:
            values["photo"] = copied[0]
        try:
            self.store.add_incident(values)
        except ValidationError as error:
            self._undo_photo(copied)
            self.result.rejected += 1
            for problem in error.problems:
                name = problem.field if problem.field in EDITABLE_FIELDS else "geometry"
                self._problem(incident, name, tr("refused: {reason}").format(reason=problem.message),
                              field_time=incident.created_at, personal=problem.code == personal_data.PROBLEM_CODE)
            return
        except StoreError as error:
            self._undo_photo(copied)
            self.result.rejected += 1
            self._problem(incident, "uuid", tr("refused: {reason}").format(reason=error),
                          field_time=incident.created_at)
            return
        self.result.added += 1
        self.result.photos += copied is not None

    def edited(self, incident, base, edit_times: dict) -> None:
        now, was = incident.values(), base.values()
        changed = {name: now[name] for name in now if name not in _NOT_FROM_FIELD and not _same(name, now[name],
                                                                                                   was[name])}
        if not changed:
            return
        try:
            current = self.store.get_incident(incident.uuid)
        except NotFoundError:
            self.result.conflicts += 1
            self._problem(incident, next(iter(changed)), tr("deleted in the store since the field copy was made"))
            return
        stored = current.values()
        changed = {name: value for name, value in changed.items() if not _same(name, value, stored[name])}
        if not changed:
            self.result.passed_over += 1  # the store holds the field's values (merged before)
            return
        if base.reporting_org != self.organisation:
            hidden = sorted(set(changed) & set(OTHER_ORGANISATIONS_TEXTS))
            for name in hidden:
                self._problem(incident, name, tr("another organisation's text: it was not in the field copy and is "
                                                 "changed only in the store"), field_time=edit_times.get(
                                                     (incident.uuid, name)))
            changed = {name: value for name, value in changed.items() if name not in hidden}
            if hidden:
                self.result.rejected += 1
            if not changed:
                return
        if current.version != base.version:
            self.result.conflicts += 1
            for name in changed:
                store_value = stored[name]
                if name == "geometry":
                    store_value = f"POINT({current.x:.2f} {current.y:.2f})"
                self._problem(incident, name, tr("changed in the store since the field copy was made: not applied"),
                              store_value=store_value, field_time=edit_times.get((incident.uuid, name)),
                              store_time=current.updated_at)
            return
        copied = self._photo(incident) if "photo" in changed else None
        if copied is False:
            self.result.rejected += 1
            return
        if copied is not None:
            changed["photo"] = copied[0]
        try:
            self.store.update_incident(incident.uuid, changed, expected_version=base.version, by_org=self.organisation)
        except ConflictError:
            self._undo_photo(copied)
            self.result.conflicts += 1
            self._problem(incident, next(iter(changed)), tr("changed in the store while merging: not applied"))
            return
        except (ValidationError, AccessDeniedError, StoreError) as error:
            self._undo_photo(copied)
            self.result.rejected += 1
            problems = error.problems if isinstance(error, ValidationError) else []
            for problem in problems or [None]:
                name = problem.field if problem is not None and problem.field in changed else next(iter(changed))
                reason = problem.message if problem is not None else str(error)
                self._problem(incident, name, tr("refused: {reason}").format(reason=reason),
                              field_time=edit_times.get((incident.uuid, name)),
                              personal=problem is not None and problem.code == personal_data.PROBLEM_CODE)
            return
        self.result.updated += 1
        self.result.photos += copied is not None

    def _photo(self, incident):
        """Copy the incident's photo into the store's photo folder: (the path
        the store keeps, the file copied or None), None without a photo, and
        False (with a problem listed) when the file is not in the field copy."""
        if not incident.photo:
            return None
        relative = Path(incident.photo.replace("\\", "/"))
        source = (self.field_folder / relative).resolve()
        if relative.is_absolute() or self.field_folder.resolve() not in source.parents or not source.is_file():
            self._problem(incident, "photo", tr("the photo is not in the field copy's {folder} folder").format(
                folder=PHOTO_FOLDER), field_time=incident.updated_at)
            return False
        if self.photo_folder is None:
            return incident.photo, None
        self.photo_folder.mkdir(parents=True, exist_ok=True)
        target = self.photo_folder / source.name
        number = 1
        while target.exists() and not filecmp.cmp(source, target, shallow=False):
            target = self.photo_folder / f"{source.stem}_{number}{source.suffix}"
            number += 1
        made = None
        if not target.exists():
            shutil.copy2(source, target)
            made = target
        return f"{PHOTO_FOLDER}/{target.name}", made

    @staticmethod
    def _undo_photo(copied) -> None:
        if copied and copied[1] is not None:
            copied[1].unlink(missing_ok=True)


__all__ = ["MergeProblem", "MergeResult", "default_photo_folder", "merge_field_copy"]
