"""The QGIS presentation of a store: styles, the store's layers, the form's
configuration, the situation picture's filter and summary, and the situation
report. Uses the domain and the store; never ``qgis.gui``, widgets or ``iface``
(``ui/`` holds those)."""
