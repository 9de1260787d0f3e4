"""The plugin's docks, dialogs and map tools: thin, calling core/.

``DOCKS`` lists the docks the plugin adds, as (module, class) under ui/;
plugin.py creates each with ``cls(iface)``, docks it, puts its toggle action
in the Lägesbild menu and toolbar, and on unload calls ``dock.unload()`` and
removes it. Add a dock here and nowhere else."""

DOCKS: tuple[tuple[str, str], ...] = (("situation_dock", "SituationDock"), ("incident_form", "IncidentFormDock"))
