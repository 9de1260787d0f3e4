"""Domain, storage and analysis. Never imports qgis.gui, widgets or iface."""
