"""The domain: what an incident is and how it is judged, with no store and no
QGIS layer in sight. The code list, the schema, validation, time and periods,
geometry checks, the words for a change, the statistics (``analysis/``) and the
demo municipality. Imports only its own modules and core's base (i18n,
compat, log, resources, settings)."""
