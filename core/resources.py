"""Where the plugin's own files are: the one home for paths into resources/
(icons, layouts, translations, .ui files), whatever module asks."""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
RESOURCES = PLUGIN_DIR / "resources"
ICONS = RESOURCES / "icons"
PLUGIN_ICON = ICONS / "lagesbild.svg"
SITUATION_ICON = ICONS / "situation.svg"  # the situation picture dock
FORM_ICON = ICONS / "report_incident.svg"  # the incident form dock
