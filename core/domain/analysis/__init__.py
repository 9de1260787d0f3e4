"""Spatial and temporal analysis of incidents in NumPy (no QGIS GUI, no SciPy).

Every module raises ``AnalysisError`` for input it cannot analyse, with a
message that says what to do; the Processing algorithms turn it into a
``QgsProcessingException``."""


class AnalysisError(ValueError):
    """Input that cannot be analysed, with a message saying what to do."""
