"""Domain, storage and analysis. Never imports qgis.gui or widgets, never uses the QGIS interface."""
