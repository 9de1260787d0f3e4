"""The plugin's settings: one typed dataclass over one ``QgsSettings`` group,
"lagesbild/…" (the pattern of qtribu's ``toolbelt/preferences.py``).

Read them with ``load()``, change some with ``update(name=value)``. Both docks
share ``last_store``: a store opened in one is where the other starts.

Keys used before the settings had one home are read once: when a field's key
is missing, the first legacy key found gives its value, which is written to
the field's key; the legacy key is then removed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

GROUP = "lagesbild"


@dataclass
class Settings:
    last_store: str = ""  # the store last opened, in either dock
    organisation: str = ""  # the reporter's organisation, kept between reports and sessions


# field -> older keys in the group, newest first
LEGACY_KEYS: dict[str, tuple[str, ...]] = {
    "last_store": ("form_store_path",),
    "organisation": ("form_organisation",),
}


def key(name: str) -> str:
    """The full QgsSettings key of a field, e.g. "lagesbild/last_store"."""
    return f"{GROUP}/{name}"


def _field_defaults() -> dict:
    return {f.name: f.default for f in fields(Settings)}


def _migrate(settings: QgsSettings, name: str) -> None:
    """Inside the group: move a legacy key's value to ``name``, once."""
    for old in LEGACY_KEYS.get(name, ()):
        if settings.contains(old):
            if not settings.contains(name):
                settings.setValue(name, settings.value(old))
            settings.remove(old)


def load(settings: QgsSettings | None = None) -> Settings:
    settings = settings if settings is not None else QgsSettings()
    values = {}
    settings.beginGroup(GROUP)
    try:
        for name, default in _field_defaults().items():
            _migrate(settings, name)
            values[name] = settings.value(name, default, type=type(default))
    finally:
        settings.endGroup()
    return Settings(**values)


def update(settings: QgsSettings | None = None, **changes) -> Settings:
    """Write the given fields (only those) and return all settings."""
    defaults = _field_defaults()
    unknown = set(changes) - set(defaults)
    if unknown:
        raise KeyError(f"no such setting: {', '.join(sorted(unknown))}")
    settings = settings if settings is not None else QgsSettings()
    settings.beginGroup(GROUP)
    try:
        for name, value in changes.items():
            if not isinstance(value, type(defaults[name])):
                raise TypeError(f"setting {name} takes {type(defaults[name]).__name__}, not {value!r}")
            settings.setValue(name, value)
    finally:
        settings.endGroup()
    return load(settings)


def save(values: Settings, settings: QgsSettings | None = None) -> None:
    """Write every field of ``values``."""
    update(settings, **{f.name: getattr(values, f.name) for f in fields(Settings)})


def clear(settings: QgsSettings | None = None) -> None:
    """Remove every field's key and legacy key (tests start from nothing)."""
    settings = settings if settings is not None else QgsSettings()
    for name, old_keys in {name: LEGACY_KEYS.get(name, ()) for name in _field_defaults()}.items():
        for old in (name, *old_keys):
            settings.remove(key(old))
