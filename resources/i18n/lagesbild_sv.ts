<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
    <context>
        <name>Lagesbild</name>
        <message>
            <location filename="../../plugin.py" />
            <source>&amp;Lägesbild</source>
            <translation>&amp;Lägesbild</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <location filename="../../ui/incident_form.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Lägesbild</source>
            <translation>Lägesbild</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Lägesbild {version} is running.</source>
            <translation>Lägesbild {version} körs.</translation>
        </message>
        <message>
            <location filename="../../algorithms/provider.py" />
            <source>Lägesbild: incident coordination for crime prevention</source>
            <translation>Lägesbild: samordning av händelser i det brottsförebyggande arbetet</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Show which version of Lägesbild is running</source>
            <translation>Visa vilken version av Lägesbild som körs</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>a place on the map is required</source>
            <translation>en plats på kartan krävs</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>cannot be changed</source>
            <translation>kan inte ändras</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/presentation/form_config.py" />
            <location filename="../../core/store/bulk.py" />
            <source>cannot be negative</source>
            <translation>kan inte vara negativt</translation>
        </message>
        <message>
            <location filename="../../core/store/queries.py" />
            <source>cannot group by {name}</source>
            <translation>kan inte gruppera efter {name}</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>column is missing</source>
            <translation>kolumnen saknas</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>columns differ in length</source>
            <translation>kolumnerna har olika längd</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/store/bulk.py" />
            <source>is before the incident happened</source>
            <translation>är före händelsen</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>is before the start date</source>
            <translation>är före startdatumet</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/presentation/form_config.py" />
            <location filename="../../core/store/bulk.py" />
            <source>is before the start of the incident</source>
            <translation>är före händelsens början</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>is longer than {limit} characters</source>
            <translation>är längre än {limit} tecken</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>is not a field of a measure</source>
            <translation>är inget fält i en åtgärd</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <location filename="../../core/store/importing.py" />
            <location filename="../../core/store/writes.py" />
            <source>is not a field of an incident</source>
            <translation>är inget fält i en händelse</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>is not a subcategory of its category</source>
            <translation>är ingen underkategori till sin kategori</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/store/bulk.py" />
            <location filename="../../core/store/writes.py" />
            <location filename="../../ui/incident_form.py" />
            <location filename="../../ui/incident_form_fields.py" />
            <source>is required</source>
            <translation>krävs</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>is too long</source>
            <translation>är för lång</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>is {length} characters long; at most {limit} are allowed</source>
            <translation>är {length} tecken lång; högst {limit} tillåts</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/store/bulk.py" />
            <source>lies in the future</source>
            <translation>ligger i framtiden</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>must be a date</source>
            <translation>måste vara ett datum</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>must be a date and time</source>
            <translation>måste vara ett datum och en tid</translation>
        </message>
        <message>
            <location filename="../../core/domain/form_changes.py" />
            <location filename="../../core/domain/validation.py" />
            <source>must be a number</source>
            <translation>måste vara ett tal</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>must be text</source>
            <translation>måste vara text</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>must be yes or no</source>
            <translation>måste vara ja eller nej</translation>
        </message>
        <message>
            <location filename="../../core/store/queries.py" />
            <source>no area named {name}</source>
            <translation>inget område heter {name}</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>no incident {uuid}</source>
            <translation>ingen händelse {uuid}</translation>
        </message>
        <message>
            <location filename="../../core/store/queries.py" />
            <source>no measure {fid}</source>
            <translation>ingen åtgärd {fid}</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>no such file: {path}</source>
            <translation>filen finns inte: {path}</translation>
        </message>
        <message>
            <location filename="../../core/store/queries.py" />
            <source>not a field of an incident: {name}</source>
            <translation>inget fält i en händelse: {name}</translation>
        </message>
        <message>
            <location filename="../../core/store/sqlfilter.py" />
            <source>not a time field: {name}</source>
            <translation>inget tidsfält: {name}</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>row {row}: </source>
            <translation>rad {row}: </translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the CRS has no area of use: give the store an extent</source>
            <translation>referenssystemet har inget användningsområde: ange en utbredning för databasen</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the CRS must be projected, in metres, such as EPSG:3006: {crs}</source>
            <translation>referenssystemet måste vara projicerat, i meter, till exempel EPSG:3006: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the CRS must have an authority code, such as EPSG:3006: {crs}</source>
            <translation>referenssystemet måste ha en kod, till exempel EPSG:3006: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the extent is empty: {extent}</source>
            <translation>utbredningen är tom: {extent}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>the folder {folder} does not exist</source>
            <translation>mappen {folder} finns inte</translation>
        </message>
        <message>
            <location filename="../../core/store/errors.py" />
            <source>the incident was changed by someone else after you loaded it (your version {expected}, now version {current}); reload it and make your change again</source>
            <translation>händelsen ändrades av någon annan efter att du öppnade den (din version {expected}, nu version {current}); läs in den igen och gör din ändring på nytt</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>the organisation exists already</source>
            <translation>organisationen finns redan</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/store/bulk.py" />
            <source>the place lies outside the store's extent</source>
            <translation>platsen ligger utanför databasens utbredning</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <location filename="../../core/domain/validation.py" />
            <location filename="../../core/store/bulk.py" />
            <source>the place must be a single point</source>
            <translation>platsen måste vara en enda punkt</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the store could not be migrated, and was left as it was: {error}</source>
            <translation>databasen kunde inte uppgraderas och lämnades som den var: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <location filename="../../core/store/lifecycle.py" />
            <source>unknown CRS: {crs}</source>
            <translation>okänt referenssystem: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>unknown category</source>
            <translation>okänd kategori</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown category: {code}</source>
            <translation>okänd kategori: {code}</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown kind of area: {code}</source>
            <translation>okänd typ av område: {code}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/incident_display.py" />
            <location filename="../../core/store/bulk.py" />
            <location filename="../../core/store/writes.py" />
            <source>unknown organisation</source>
            <translation>okänd organisation</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown organisation: {code}</source>
            <translation>okänd organisation: {code}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/form_config.py" />
            <location filename="../../core/store/bulk.py" />
            <source>unknown status</source>
            <translation>okänd status</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown status: {code}</source>
            <translation>okänd status: {code}</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>unknown subcategory</source>
            <translation>okänd underkategori</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown subcategory: {code}</source>
            <translation>okänd underkategori: {code}</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>unknown value: {code}</source>
            <translation>okänt värde: {code}</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>{path} cannot be read: {error}</source>
            <translation>{path} kan inte läsas: {error}</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>{path} exists already: a new store is never written over a file</source>
            <translation>{path} finns redan: en ny databas skriver aldrig över en fil</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <location filename="../../core/store/lifecycle.py" />
            <source>{path} is a GeoPackage but not a Lägesbild store</source>
            <translation>{path} är ett GeoPackage men ingen Lägesbild-databas</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>{path} is not a GeoPackage</source>
            <translation>{path} är inget GeoPackage</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>{path} was made by a newer Lägesbild (schema version {version}); this version reads up to schema version {supported}: update the plugin</source>
            <translation>{path} skapades av en nyare Lägesbild (schemaversion {version}); den här versionen läser upp till schemaversion {supported}: uppdatera insticksprogrammet</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>{sub} is not a subcategory of {category}</source>
            <translation>{sub} är ingen underkategori till {category}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Coordinate reference system</source>
            <translation>Koordinatreferenssystem</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Create store</source>
            <translation>Skapa databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Created {path}: CRS {crs}, time zone {zone}, extent {extent}</source>
            <translation>Skapade {path}: referenssystem {crs}, tidszon {zone}, utbredning {extent}</translation>
        </message>
        <message>
            <source>Creates a new, empty Lägesbild store: a GeoPackage with the incidents, areas and measures layers, the category and organisation code lists, and the incident history. The CRS (default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are read (default Europe/Stockholm) are fixed when the store is created. The extent bounds where incidents may be placed (default: the CRS's area of use). An existing file is never overwritten.</source>
            <translation type="obsolete">Skapar en ny, tom Lägesbild-databas: ett GeoPackage med lagren för händelser, områden och åtgärder, kodlistorna för kategorier och organisationer samt händelsernas historik. Referenssystemet (standard SWEREF 99 TM, EPSG:3006) och tidszonen som dagar, veckodagar och timmar läses i (standard Europe/Stockholm) bestäms när databasen skapas. Utbredningen avgränsar var händelser får placeras (standard: referenssystemets användningsområde). En befintlig fil skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Extent</source>
            <translation>Utbredning</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <location filename="../../algorithms/create_store.py" />
            <location filename="../../algorithms/merge_field.py" />
            <location filename="../../ui/import_dialog.py" />
            <location filename="../../ui/incident_form.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>New store</source>
            <translation>Ny databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <location filename="../../algorithms/demo_data.py" />
            <location filename="../../algorithms/field_project.py" />
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../algorithms/merge_field.py" />
            <location filename="../../algorithms/publish_aggregates.py" />
            <location filename="../../algorithms/retention.py" />
            <location filename="../../algorithms/situation_report.py" />
            <location filename="../../algorithms/verify_store.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>Store</source>
            <translation>Databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Time zone (IANA name)</source>
            <translation>Tidszon (IANA-namn)</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <location filename="../../core/store/copy.py" />
            <location filename="../../core/store/importing.py" />
            <source>cancelled: nothing was written</source>
            <translation>avbrutet: inget skrevs</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>By area, since 1 January:</source>
            <translation>Per område, sedan 1 januari:</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>By category, since 1 January against the same period last year:</source>
            <translation>Per kategori, sedan 1 januari jämfört med samma period i fjol:</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Demo data</source>
            <translation>Demodata</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Disorder over the last 13 weeks: most on {day}, most at {hour:02d}–{next:02d} local time</source>
            <translation>Ordningsstörningar de senaste 13 veckorna: flest på {day}, flest kl. {hour:02d}–{next:02d} lokal tid</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Fills a store with the fictional municipality Solvik, for trying the plugin out: five districts and three focus areas, a few measures, and two years of incidents up to yesterday with the patterns the analysis should find (vandalism near the school and the station, disorder on Friday and Saturday nights, seasons, a downward trend this year, and new lighting that lowered incidents in its area). STORE is an existing, empty store or a new file (then created with the defaults). The same SIZE, SEED and END_DATE always give the same data.</source>
            <translation>Fyller en databas med den påhittade kommunen Solvik, för att prova tillägget: fem stadsdelar och tre fokusområden, några åtgärder och två års händelser fram till i går med de mönster som analysen ska hitta (skadegörelse nära skolan och stationen, ordningsstörningar fredag- och lördagsnätter, årstider, en nedåtgående trend i år och ny belysning som minskade händelserna i sitt område). STORE är en befintlig, tom databas eller en ny fil (som då skapas med standardinställningarna). Samma SIZE, SEED och END_DATE ger alltid samma data.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Friday</source>
            <translation>fredagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Generating {size} incidents (seed {seed}, up to {today})</source>
            <translation>Skapar {size} händelser (frö {seed}, fram till {today})</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Measures in the action plan:</source>
            <translation>Åtgärder i åtgärdsplanen:</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Monday</source>
            <translation>måndagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Number of incidents</source>
            <translation>Antal händelser</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Saturday</source>
            <translation>lördagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <location filename="../../algorithms/near_repeat.py" />
            <source>Seed</source>
            <translation>Frö</translation>
        </message>
        <message>
            <source>Since 1 January ({start}–{end}): {words}</source>
            <translation type="obsolete">Sedan 1 januari ({start}–{end}): {words}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Situation picture of {name}</source>
            <translation>Lägesbild för {name}</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Store (an empty store, or a new file)</source>
            <translation>Databas (en tom databas eller en ny fil)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Sunday</source>
            <translation>söndagar</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Thursday</source>
            <translation>torsdagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Today of the demo (default: today)</source>
            <translation>Demons dagens datum (standard: i dag)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Tuesday</source>
            <translation>tisdagar</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Wednesday</source>
            <translation>onsdagar</translation>
        </message>
        <message>
            <location filename="../../core/store/demo_store.py" />
            <source>demo data is in {crs}; this store is in {store_crs}</source>
            <translation>demodata är i {crs}; den här databasen är i {store_crs}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>from</source>
            <translation>från</translation>
        </message>
        <message>
            <source>give the store's file</source>
            <translation type="obsolete">ange databasens fil</translation>
        </message>
        <message>
            <source>last year</source>
            <translation type="obsolete">i fjol</translation>
        </message>
        <message>
            <source>the same period last year ({start}–{end})</source>
            <translation type="obsolete">samma period i fjol ({start}–{end})</translation>
        </message>
        <message>
            <location filename="../../core/store/demo_store.py" />
            <source>the store already holds data: demo data goes only into an empty store</source>
            <translation>databasen innehåller redan data: demodata läggs bara i en tom databas</translation>
        </message>
        <message>
            <source>{after} against none {base}</source>
            <translation type="obsolete">{after} mot inga {base}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{change} % against {base}: {after} against {before}</source>
            <translation>{change} % jämfört med {base}: {after} mot {before}</translation>
        </message>
        <message>
            <source>{count} incidents in the store; CRS {crs}, time zone {zone}</source>
            <translation type="obsolete">{count} händelser i databasen; koordinatsystem {crs}, tidszon {zone}</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>{path}: {count} incidents, {areas} areas, {measures} measures</source>
            <translation>{path}: {count} händelser, {areas} områden, {measures} åtgärder</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/comparison.py" />
            <location filename="../../core/domain/analysis/followup.py" />
            <source>A count must be a whole number of at least 0: {name} = {value}</source>
            <translation>Ett antal måste vara ett heltal som är minst 0: {name} = {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/comparison.py" />
            <source>A group may not be called "{total}": that name is kept for the total row</source>
            <translation>En grupp får inte heta "{total}": det namnet är reserverat för totalraden</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/comparison.py" />
            <location filename="../../core/domain/analysis/followup.py" />
            <source>A period must be at least one whole day long: {name} = {value}</source>
            <translation>En period måste vara minst en hel dag lång: {name} = {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Apr</source>
            <translation>apr</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Aug</source>
            <translation>aug</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/fdr.py" />
            <source>Cold spot, {confidence} % confidence</source>
            <translation>Coldspot, {confidence} % konfidens</translation>
        </message>
        <message>
            <source>Cold spot, {level} % confidence</source>
            <translation type="obsolete"></translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Dec</source>
            <translation>dec</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Feb</source>
            <translation>feb</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>Filter expression</source>
            <translation>Filteruttryck</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Give both counts of the control buffer (dcb before, dca after), or neither</source>
            <translation>Ange båda antalen för kontrollbufferten (dcb före, dca efter), eller inget av dem</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/fdr.py" />
            <source>Hot spot, {confidence} % confidence</source>
            <translation>Hotspot, {confidence} % konfidens</translation>
        </message>
        <message>
            <source>Hot spot, {level} % confidence</source>
            <translation type="obsolete"></translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>INPUT has no field {name}: choose the TIME_FIELD</source>
            <translation>INPUT har inget fält {name}: välj TIME_FIELD</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>INPUT must be a point layer</source>
            <translation>INPUT måste vara ett punktlager</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>Incidents (point layer)</source>
            <translation>Händelser (punktlager)</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Jan</source>
            <translation>jan</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Jul</source>
            <translation>juli</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Jun</source>
            <translation>juni</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Mar</source>
            <translation>mars</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>May</source>
            <translation>maj</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>No incidents in this profile.</source>
            <translation>Inga händelser i profilen.</translation>
        </message>
        <message>
            <source>No reduction in the target area relative to the control area.</source>
            <translation type="obsolete">Ingen minskning i målområdet jämfört med kontrollområdet.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/fdr.py" />
            <source>Not significant</source>
            <translation>Inte signifikant</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Nov</source>
            <translation>nov</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Oct</source>
            <translation>okt</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Period end (last day, inclusive)</source>
            <translation>Periodens slut (sista dagen, inräknad)</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Period start (first day, inclusive)</source>
            <translation>Periodens början (första dagen, inräknad)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/comparison.py" />
            <source>Period {first} ({first_start} to {first_end}) and period {second} ({second_start} to {second_end}) overlap: the periods compared must not share a day</source>
            <translation>Period {first} ({first_start} till {first_end}) och period {second} ({second_start} till {second_end}) överlappar: perioderna som jämförs får inte ha någon dag gemensam</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/comparison.py" />
            <source>Period {name} runs backwards: it starts on {start}, after its end on {end}</source>
            <translation>Period {name} går baklänges: den börjar {start}, efter sitt slut {end}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>Sep</source>
            <translation>sep</translation>
        </message>
        <message>
            <source>The busiest {hours}-hour windows of the week: {windows}.</source>
            <translation type="obsolete">Veckans mest belastade perioder om {hours} timmar: {windows}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The control area had no incidents after the measure: the success measure and the WDQ cannot be computed.</source>
            <translation>Kontrollområdet hade inga händelser efter åtgärden: framgångsmåttet och WDQ kan inte beräknas.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The control area had no incidents before or after the measure: the success measure, the WDQ and the total net effect cannot be computed.</source>
            <translation>Kontrollområdet hade inga händelser vare sig före eller efter åtgärden: framgångsmåttet, WDQ och den totala nettoeffekten kan inte beräknas.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The control area had no incidents before the measure: the success measure, the WDQ and the total net effect cannot be computed.</source>
            <translation>Kontrollområdet hade inga händelser före åtgärden: framgångsmåttet, WDQ och den totala nettoeffekten kan inte beräknas.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The measure starts on {start}: there is no whole day after its start to follow up before {today}</source>
            <translation>Åtgärden börjar {start}: före {today} finns det ännu ingen hel dag efter starten att följa upp</translation>
        </message>
        <message>
            <source>The measure was followed by a reduction relative to the control area; {spread}.</source>
            <translation type="obsolete">Åtgärden följdes av en minskning jämfört med kontrollområdet; {spread}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The success measure is {sm}, not below 0: the target area did not improve relative to the control area, and the WDQ, which measures the displacement of a reduction, is left empty.</source>
            <translation>Framgångsmåttet är {sm}, inte under 0: målområdet förbättrades inte jämfört med kontrollområdet, och WDQ, som mäter förflyttningen av en minskning, lämnas tomt.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>There were no incidents in any area in either period: the WDD has no standard error, so there is no test and no interval.</source>
            <translation>Det fanns inga händelser i något område under någon av perioderna: WDD saknar standardfel, så det blir inget test och inget intervall.</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>Time field</source>
            <translation>Tidsfält</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>Time zone (default: the store's, else Europe/Stockholm)</source>
            <translation>Tidszon (standard: databasens, annars Europe/Stockholm)</translation>
        </message>
        <message>
            <source>Weighted displacement difference: {wdd} incidents (95 % interval {low} to {high}), {verdict}.</source>
            <translation type="obsolete">Viktad förflyttningsdifferens: {wdd} händelser (95 % intervall {low} till {high}), {verdict}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timeprofile.py" />
            <source>Weights by weekday and local hour; {total} incidents in all.</source>
            <translation>Vikter per veckodag och lokal timme; totalt {total} händelser.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>With no incidents at all, the weighted displacement difference cannot be tested.</source>
            <translation>Utan några händelser alls kan den viktade förflyttningsdifferensen inte testas.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/gistar.py" />
            <source>a hotspot analysis needs at least 2 cells: choose a smaller cell size</source>
            <translation>en hotspotanalys behöver minst 2 celler: välj en mindre cellstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>a hotspot analysis needs at least {minimum} incidents, but {n} were given: choose a longer period or a wider filter</source>
            <translation>en hotspotanalys behöver minst {minimum} händelser, men {n} gavs: välj en längre period eller ett vidare filter</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>a pixel size of {size:g} m gives {rows} × {cols} pixels for a radius of {radius:g} m, too many to compute: choose a larger pixel size or a smaller extent</source>
            <translation>en pixelstorlek på {size:g} m ger {rows} × {cols} pixlar med en radie på {radius:g} m, för många att beräkna: välj en större pixelstorlek eller en mindre utbredning</translation>
        </message>
        <message>
            <source>a statistically significant increase at the 5 % level ({p})</source>
            <translation type="obsolete">en statistiskt signifikant ökning på 5 %-nivån ({p})</translation>
        </message>
        <message>
            <source>a statistically significant reduction at the 5 % level ({p})</source>
            <translation type="obsolete">en statistiskt signifikant minskning på 5 %-nivån ({p})</translation>
        </message>
        <message>
            <source>a window is 1 to 168 hours wide, not {width}</source>
            <translation type="obsolete">ett tidsfönster är 1 till 168 timmar brett, inte {width}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/autoscale.py" />
            <source>all incidents lie at the same place, so no cell size follows from their spacing: give a cell size</source>
            <translation>alla händelser ligger på samma plats, så inget avstånd mellan dem ger en cellstorlek: ange en cellstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>all incidents lie at the same place, so no radius follows from their spread: give a radius</source>
            <translation>alla händelser ligger på samma plats, så ingen radie kan beräknas ur deras spridning: ange en radie</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>all {cells} cells have the same count ({count}), so there is no hot or cold spot: choose a smaller cell size, a larger area or a longer period</source>
            <translation>alla {cells} celler har samma antal ({count}), så det finns ingen hotspot eller coldspot: välj en mindre cellstorlek, ett större område eller en längre period</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/gistar.py" />
            <source>all {n} cells have the same count, so there is no hot or cold spot: choose a smaller cell size, a larger area or a longer period</source>
            <translation>alla {n} celler har samma antal, så det finns ingen hotspot eller coldspot: välj en mindre cellstorlek, ett större område eller en längre period</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/autoscale.py" />
            <source>an automatic cell size needs at least 2 incidents: give a cell size</source>
            <translation>en automatisk cellstorlek kräver minst 2 händelser: ange en cellstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>an automatic radius needs at least 2 incidents, not {n}: add incidents or give a radius</source>
            <translation>en automatisk radie kräver minst 2 händelser, inte {n}: lägg till händelser eller ange en radie</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <location filename="../../algorithms/inputs.py" />
            <location filename="../../algorithms/period_comparison.py" />
            <location filename="../../core/domain/analysis/bounds.py" />
            <location filename="../../core/presentation/report.py" />
            <source>cancelled</source>
            <translation>avbrutet</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>choose a point layer of incidents as INPUT</source>
            <translation>välj ett punktlager med händelser som INPUT</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>give both PERIOD_START and PERIOD_END, or neither</source>
            <translation>ange både PERIOD_START och PERIOD_END, eller ingen av dem</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>given</source>
            <translation>angivet</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/autoscale.py" />
            <source>global Moran's I needs at least 4 cells with different counts: give a distance band</source>
            <translation>globalt Morans I kräver minst 4 celler med olika antal: ange ett avståndsband</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>more crime moved to the surrounding area than the target area gained (displacement greater than the direct effect: the measure backfired)</source>
            <translation>mer brottslighet flyttade till omgivningen än målområdet vann (förflyttningen större än den direkta effekten: åtgärden slog tillbaka)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>no cell of the grid intersects the boundary: choose a boundary that covers the incidents</source>
            <translation>ingen cell i rutnätet skär avgränsningen: välj en avgränsning som täcker händelserna</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>no crime moved to the surrounding area, and no benefit spread to it</source>
            <translation>ingen brottslighet flyttade till omgivningen, och ingen vinst spred sig dit</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/autoscale.py" />
            <source>no peak of spatial autocorrelation among {count} bands from {first} to {last} m: the average distance from a cell to its {k} nearest cells</source>
            <translation>ingen topp i den rumsliga autokorrelationen bland {count} avståndsband från {first} till {last} m: medelavståndet från en cell till dess {k} närmaste celler</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>none of the {n} incidents lies in a cell of the boundary: choose a boundary that covers the incidents, or check that both layers use the same CRS</source>
            <translation>ingen av de {n} händelserna ligger i en cell inom avgränsningen: välj en avgränsning som täcker händelserna, eller kontrollera att båda lagren har samma referenssystem</translation>
        </message>
        <message>
            <source>not statistically significant at the 5 % level ({p})</source>
            <translation type="obsolete">inte statistiskt signifikant på 5 %-nivån ({p})</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>part of the benefit spread to the surrounding area (diffusion of benefits)</source>
            <translation>en del av vinsten spred sig till omgivningen (spridning av positiva effekter)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>radius {radius:g} m as given</source>
            <translation>angiven radie {radius:g} m</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>some crime moved to the surrounding area, but less than the reduction (displacement, still a net benefit)</source>
            <translation>viss brottslighet flyttade till omgivningen, men mindre än minskningen (förflyttning, men ändå en nettovinst)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>some incidents have no valid coordinates: remove incidents without a location</source>
            <translation>några händelser saknar giltiga koordinater: ta bort händelser utan plats</translation>
        </message>
        <message>
            <location filename="../../algorithms/common.py" />
            <source>the FILTER expression is not valid: {error}</source>
            <translation>FILTER-uttrycket är inte giltigt: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/grid.py" />
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the boundary is empty: choose a boundary layer with polygons, or none</source>
            <translation>avgränsningen är tom: välj ett avgränsningslager med polygoner, eller inget</translation>
        </message>
        <message>
            <source>the cell size must be 0 (automatic) or a positive distance in metres, not {value}</source>
            <translation type="obsolete">cellstorleken måste vara 0 (automatisk) eller ett positivt avstånd i meter, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/grid.py" />
            <source>the cell size must be a positive distance in metres, not {size}</source>
            <translation>cellstorleken måste vara ett positivt avstånd i meter, inte {size}</translation>
        </message>
        <message>
            <source>the distance band must be 0 (automatic) or a positive distance in metres, not {value}</source>
            <translation type="obsolete">avståndsbandet måste vara 0 (automatiskt) eller ett positivt avstånd i meter, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/gistar.py" />
            <source>the distance band must be a positive distance in metres, not {band}</source>
            <translation>avståndsbandet måste vara ett positivt avstånd i meter, inte {band}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>the extent {extent} has no area: give a pixel size</source>
            <translation>utbredningen {extent} har ingen yta: ange en pixelstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/grid.py" />
            <source>the extent {extent} is not valid: give xmin, ymin, xmax, ymax</source>
            <translation>utbredningen {extent} är ogiltig: ange xmin, ymin, xmax, ymax</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>the extent {extent} runs backwards: give xmin, ymin, xmax, ymax</source>
            <translation>utbredningen {extent} är omvänd: ange xmin, ymin, xmax, ymax</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/autoscale.py" />
            <source>the first peak of incremental spatial autocorrelation (global Moran's I, z = {z}) among {count} bands from {first} to {last} m</source>
            <translation>den första toppen i inkrementell rumslig autokorrelation (globalt Morans I, z = {z}) bland {count} avståndsband från {first} till {last} m</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/grid.py" />
            <source>the grid would have {cells} cells, more than {limit}: choose a larger cell size</source>
            <translation>rutnätet skulle få {cells} celler, fler än {limit}: välj en större cellstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timeprofile.py" />
            <source>the incidents have {starts} start times but {ends} end times; give one end (or -1) per start</source>
            <translation>händelserna har {starts} starttider men {ends} sluttider; ange en sluttid (eller -1) per starttid</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>the incidents' weights sum to 0: give positive weights</source>
            <translation>händelsernas vikter summerar till 0: ange positiva vikter</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>the period runs backwards: {start} to {end}</source>
            <translation>perioden går baklänges: {start} till {end}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>the pixel size must be 0 (automatic) or a positive distance in metres, not {size}</source>
            <translation>pixelstorleken måste vara 0 (automatisk) eller ett positivt avstånd i meter, inte {size}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>the radius must be 0 (automatic) or a positive distance in metres, not {radius}</source>
            <translation>radien måste vara 0 (automatisk) eller ett positivt avstånd i meter, inte {radius}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>the surrounding area improved even more than the target area (diffusion of benefits greater than the direct effect)</source>
            <translation>omgivningen förbättrades ännu mer än målområdet (spridningen av positiva effekter större än den direkta effekten)</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>the time field holds a value that is not a time: {value}</source>
            <translation>tidsfältet innehåller ett värde som inte är en tid: {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>there are no incidents to make a density surface from: widen the filter or period</source>
            <translation>det finns inga händelser att beräkna en täthetsyta av: vidga filtret eller perioden</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/grid.py" />
            <source>unknown grid shape {shape}: choose square or hexagon</source>
            <translation>okänd cellform {shape}: välj square (kvadrat) eller hexagon (sexhörning)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timeprofile.py" />
            <source>unknown time profile method {method!r}: use 'start' or 'aoristic'</source>
            <translation>okänd metod för tidsprofilen {method!r}: använd 'start' eller 'aoristic'</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>weights must be zero or positive numbers</source>
            <translation>vikterna måste vara noll eller positiva tal</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{after} against 0 in {base}: no percentage without a base</source>
            <translation>{after} mot 0 under {base}: ingen procentsats utan bas</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>{first} and {last}</source>
            <translation>{first} och {last}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>{nw} weights for {n} incidents: give one weight per incident</source>
            <translation>{nw} vikter för {n} händelser: ange en vikt per händelse</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>{nx} x coordinates but {ny} y coordinates: give one of each per incident</source>
            <translation>{nx} x-koordinater men {ny} y-koordinater: ange en av varje per händelse</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Analysis</source>
            <translation>Analys</translation>
        </message>
        <message>
            <source>Boundary (polygons)</source>
            <translation type="obsolete">Avgränsning (polygoner)</translation>
        </message>
        <message>
            <source>Cell size (metres, 0 = automatic)</source>
            <translation type="obsolete">Cellstorlek (meter, 0 = automatisk)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Cell size used (metres)</source>
            <translation>Använd cellstorlek (meter)</translation>
        </message>
        <message>
            <source>Distance band (metres, 0 = automatic)</source>
            <translation type="obsolete">Avståndsband (meter, 0 = automatiskt)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Distance band used (metres)</source>
            <translation>Använt avståndsband (meter)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Grid</source>
            <translation>Rutnät</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Hexagon</source>
            <translation>Hexagon</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Hotspots</source>
            <translation>Hotspots</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Hotspots (Getis-Ord Gi*)</source>
            <translation>Hotspots (Getis-Ord Gi*)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Square</source>
            <translation>Kvadrat</translation>
        </message>
        <message>
            <source>Where do incidents cluster beyond chance? Counts the incidents into a square or hexagon grid and computes the Getis-Ord Gi* statistic of every cell with a fixed distance band. Each cell gets its count, gi_z (how many standard deviations its neighbourhood lies above or below the mean), gi_p (two-sided p-value) and gi_bin: +3/+2/+1 a hot spot at 99/95/90 % confidence, −1/−2/−3 a cold spot, 0 not significant, after the Benjamini–Hochberg false discovery rate correction. A cell size or distance band of 0 is chosen automatically (as ArcGIS's Optimized Hot Spot Analysis does); the values used are in the log and the outputs. For a hexagon grid the cell size is the distance between neighbouring cell centres (the width across flats). With a boundary only the cells that intersect it are analysed, empty ones included.</source>
            <translation type="obsolete">Var samlas händelserna mer än slumpen förklarar? Räknar händelserna i ett rutnät av kvadrater eller hexagoner och beräknar Getis-Ord Gi* för varje cell med ett fast avståndsband. Varje cell får sitt antal, gi_z (hur många standardavvikelser dess grannskap ligger över eller under medelvärdet), gi_p (tvåsidigt p-värde) och gi_bin: +3/+2/+1 en hotspot med 99/95/90 % konfidens, −1/−2/−3 en coldspot, 0 inte signifikant, efter korrigering för falsk upptäcktsfrekvens enligt Benjamini–Hochberg. En cellstorlek eller ett avståndsband på 0 väljs automatiskt (som ArcGIS Optimized Hot Spot Analysis gör); de värden som används står i loggen och i utdata. För hexagoner är cellstorleken avståndet mellan grannars mittpunkter (bredden mellan två motstående sidor). Med en avgränsning analyseras bara de celler som skär den, tomma celler inräknade.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/density.py" />
            <source>automatic radius {radius:.0f} m = 0.9 × min(standard distance {sd:.0f} m, √(1/ln 2) × median distance {dm:.0f} m) × {n:.10g}^−0.2 (ArcGIS Kernel Density's default)</source>
            <translation>automatisk radie {radius:.0f} m = 0,9 × min(standardavstånd {sd:.0f} m, √(1/ln 2) × medianavstånd {dm:.0f} m) × {n:.10g}^−0,2 (standardvärdet i ArcGIS Kernel Density)</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>the incidents are in a geographic CRS ({crs}, degrees): distances must be in metres; reproject the layer to a projected CRS such as SWEREF 99 TM (EPSG:3006)</source>
            <translation>händelserna är i ett geografiskt koordinatsystem ({crs}, grader): avstånd måste vara i meter; projicera om lagret till ett projicerat koordinatsystem som SWEREF 99 TM (EPSG:3006)</translation>
        </message>
        <message>
            <source>{n} incidents in {cells} cells; cell size {size:.1f} m, distance band {band:.1f} m ({rule})</source>
            <translation type="obsolete">{n} händelser i {cells} celler; cellstorlek {size:.1f} m, avståndsband {band:.1f} m ({rule})</translation>
        </message>
        <message>
            <source>The effect cannot be judged: the control area had no incidents in at least one of the periods.</source>
            <translation type="obsolete">Effekten kan inte bedömas: kontrollområdet hade inga händelser under minst en av perioderna.</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>A kernel density raster of the incidents (quartic kernel), in incidents per km²: where incidents are dense, at a glance. RADIUS 0 chooses the search radius from the incidents' spread (0.9 × min(standard distance, √(1/ln 2) × median distance to the mean centre) × n^−0.2, as ArcGIS's Kernel Density does); PIXEL_SIZE 0 gives about 250 pixels on the shorter side. The surface integrates to the number of incidents. Styled with a ramp that fades to transparent at zero.</source>
            <translation>Ett täthetsraster av händelserna (kvartisk kärna), i händelser per km²: var händelserna är täta, med en blick. RADIUS 0 väljer sökradien efter händelsernas spridning (0,9 × min(standardavstånd, √(1/ln 2) × medianavstånd till medelpunkten) × n^−0,2, som ArcGIS Kernel Density gör); PIXEL_SIZE 0 ger ungefär 250 pixlar på den kortare sidan. Ytan summerar till antalet händelser. Stilsatt med en färgskala som tonar ut till genomskinligt vid noll.</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Aoristic (spread over the interval)</source>
            <translation>Aoristisk (fördelad över intervallet)</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Density</source>
            <translation>Täthet</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Density surface</source>
            <translation>Täthetsyta</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <location filename="../../algorithms/timeprofile.py" />
            <source>HTML files (*.html)</source>
            <translation>HTML-filer (*.html)</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Heat table of the week (HTML)</source>
            <translation>Veckans värmetabell (HTML)</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Incidents by weekday and hour: {source}</source>
            <translation>Händelser per veckodag och timme: {source}</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Method</source>
            <translation>Metod</translation>
        </message>
        <message>
            <source>On which weekdays and at which hours do incidents happen? A 7 × 24 table of weights by weekday (1 = Monday … 7 = Sunday) and local hour (0–23) in the time zone, all 168 rows. METHOD start counts each incident 1 at the hour of its time field; aoristic spreads an incident known only to have happened between occurred_from and occurred_to over that interval, in proportion to the real time in each local clock hour (across daylight-saving changes; an interval of 7 days or more spreads over the whole week). The weights sum to the number of incidents used. The HTML output is a heat table of the week naming the three busiest four-hour windows.</source>
            <translation type="obsolete">Vilka veckodagar och timmar inträffar händelserna? En tabell 7 × 24 med vikter per veckodag (1 = måndag … 7 = söndag) och lokal timme (0–23) i tidszonen, alla 168 rader. METHOD start räknar varje händelse som 1 i timmen för dess tidsfält; aoristisk fördelar en händelse som bara är känd att ha skett mellan occurred_from och occurred_to över det intervallet, i proportion till den verkliga tiden i varje lokal klocktimme (även över sommartidsomställningar; ett intervall på 7 dagar eller mer fördelas över hela veckan). Vikterna summerar till antalet använda händelser. HTML-utdata är en värmetabell över veckan som nämner de tre mest belastade fyratimmarsfönstren.</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Pixel size (metres, 0 = automatic)</source>
            <translation>Pixelstorlek (meter, 0 = automatisk)</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Pixel size used (metres)</source>
            <translation>Använd pixelstorlek (meter)</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Radius (metres, 0 = automatic)</source>
            <translation>Radie (meter, 0 = automatisk)</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>Radius used (metres)</source>
            <translation>Använd radie (meter)</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Start time</source>
            <translation>Starttid</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>Time-of-week profile</source>
            <translation>Veckoprofil</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>cannot write {path}</source>
            <translation>kan inte skriva {path}</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>incidents per km²</source>
            <translation>händelser per km²</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>no incident has a time in the time field: nothing to profile</source>
            <translation>ingen händelse har en tid i tidsfältet: inget att göra en profil av</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/zones.py" />
            <source>the buffer width must be 0 or more metres</source>
            <translation>buffertbredden måste vara 0 meter eller mer</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/zones.py" />
            <source>the control area lies wholly within the target and its buffer: choose a control area elsewhere, or a narrower buffer</source>
            <translation>kontrollområdet ligger helt inom målområdet och dess buffert: välj ett kontrollområde någon annanstans, eller en smalare buffert</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/zones.py" />
            <source>the control buffer width must be 0 or more metres</source>
            <translation>kontrollbuffertens bredd måste vara 0 meter eller mer</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/zones.py" />
            <source>the target area is empty: choose the polygon of the measure</source>
            <translation>målområdet är tomt: välj åtgärdens polygon</translation>
        </message>
        <message>
            <source>{n} incidents without a time were left out</source>
            <translation type="obsolete">{n} händelser utan tid utelämnades</translation>
        </message>
        <message>
            <source>{n} incidents, {method}, time zone {zone}. Busiest: {windows}</source>
            <translation type="obsolete">{n} händelser, {method}, tidszon {zone}. Mest belastat: {windows}</translation>
        </message>
        <message>
            <location filename="../../algorithms/density.py" />
            <source>{n} incidents; radius {radius:.0f} m ({rule}); pixel {pixel:g} m; peak {peak:.0f} incidents per km²</source>
            <translation>{n} händelser; radie {radius:.0f} m ({rule}); pixel {pixel:g} m; högst {peak:.0f} händelser per km²</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>INPUT has no field {name}</source>
            <translation>INPUT har inget fält {name}</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <location filename="../../ui/incident_form_fields.py" />
            <source>(none)</source>
            <translation>(inget)</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>+20 to +50 %</source>
            <translation>+20 till +50 %</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>+5 to +20 %</source>
            <translation>+5 till +20 %</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>AREAS has no field {name}: choose the AREA_NAME_FIELD</source>
            <translation>AREAS har inget fält {name}: välj AREA_NAME_FIELD</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>AREAS holds no polygon</source>
            <translation>AREAS innehåller ingen polygon</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>After: first day</source>
            <translation>Efter: första dagen</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>After: last day</source>
            <translation>Efter: sista dagen</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Area</source>
            <translation>Område</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Area name field</source>
            <translation>Fält med områdets namn</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Areas (polygons, to group by area)</source>
            <translation>Områden (polygoner, för gruppering per område)</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Before: first day</source>
            <translation>Före: första dagen</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Before: last day</source>
            <translation>Före: sista dagen</translation>
        </message>
        <message>
            <source>Before: {b_start} to {b_end}; after: {a_start} to {a_end} ({days} days each)</source>
            <translation type="obsolete">Före: {b_start} till {b_end}; efter: {a_start} till {a_end} ({days} dagar vardera)</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Buffer width (metres)</source>
            <translation>Buffertbredd (meter)</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <location filename="../../core/presentation/report_contents.py" />
            <location filename="../../ui/import_mapping.py" />
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Cell size (metres, to group by grid cell)</source>
            <translation>Cellstorlek (meter, för gruppering per ruta)</translation>
        </message>
        <message>
            <source>Control area (default: the rest of the incidents' extent)</source>
            <translation type="obsolete">Kontrollområde (standard: resten av händelsernas utbredning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Control buffer width (metres, 0 = none)</source>
            <translation>Kontrollbuffertens bredd (meter, 0 = ingen)</translation>
        </message>
        <message>
            <source>Did incidents fall in the area of a measure, relative to a control area, and did they move to the surrounding area (or did the benefit spread there)? Counts the incidents before and after in the target (rb, ra), in a buffer around it (db, da), in the control area (cb, ca) and optionally in a buffer around the control (dcb, dca), and computes the Weighted Displacement Quotient of Bowers and Johnson (sm, bdm, wdq, the total net effect tne) and the Weighted Displacement Difference test of Wheeler and Ratcliffe (wdd with its standard error, z, p and 95 % interval), with a reading in words. By default the periods are equally long before and after the measure's start_date. When TARGET is one measure of a store, the result is written to its follow-up.</source>
            <translation type="obsolete">Minskade händelserna i en åtgärds område jämfört med ett kontrollområde, och flyttade de till omgivningen (eller spred sig nyttan dit)? Räknar händelserna före och efter i målområdet (rb, ra), i en buffert runt det (db, da), i kontrollområdet (cb, ca) och valfritt i en buffert runt kontrollområdet (dcb, dca), och beräknar Bowers och Johnsons viktade förflyttningskvot (sm, bdm, wdq, den totala nettoeffekten tne) och Wheeler och Ratcliffes test av viktad förflyttningsskillnad (wdd med standardfel, z, p och 95 %-intervall), med en tolkning i ord. Som standard är perioderna lika långa före och efter åtgärdens start_date. När TARGET är en åtgärd i en databas skrivs resultatet till dess uppföljning.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Follow-up</source>
            <translation>Uppföljning</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Grid cell</source>
            <translation>Ruta</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Group by</source>
            <translation>Gruppera efter</translation>
        </message>
        <message>
            <source>How many incidents in period B against the earlier, reference period A, in total and per group: count_a, count_b, the days of each, change = b − a and change_pct = 100 (b − a)/a (always relative to the earlier period), the rate ratio (b/days_b)/(a/days_a) with its exact 95 % confidence interval (rr_low, rr_high), and p_value, the exact test of equal daily rates. Periods are whole local days; by default B runs from 1 January to today and A over the same dates a year earlier. Overlapping or backward periods are refused.</source>
            <translation type="obsolete">Hur många händelser i period B jämfört med den tidigare referensperioden A, totalt och per grupp: count_a, count_b, dagarna i var och en, change = b − a och change_pct = 100 (b − a)/a (alltid i förhållande till den tidigare perioden), kvoten mellan dagliga antal (b/days_b)/(a/days_a) med sitt exakta 95 %-konfidensintervall (rr_low, rr_high), och p_value, det exakta testet av lika dagliga antal. Perioder är hela lokala dagar; som standard går B från 1 januari till i dag och A över samma datum ett år tidigare. Överlappande eller baklänges perioder avvisas.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Measure follow-up (effect and displacement)</source>
            <translation>Uppföljning av åtgärd (effekt och förflyttning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>None</source>
            <translation>Ingen</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period A (reference) end</source>
            <translation>Period A (referens), slut</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period A (reference) start</source>
            <translation>Period A (referens), början</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period A (reference): {a_start} to {a_end}, {a_days} days; period B: {b_start} to {b_end}, {b_days} days; time zone {zone}</source>
            <translation>Period A (referens): {a_start} till {a_end}, {a_days} dagar; period B: {b_start} till {b_end}, {b_days} dagar; tidszon {zone}</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period B end</source>
            <translation>Period B, slut</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period B start</source>
            <translation>Period B, början</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Period comparison</source>
            <translation>Periodjämförelse</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>Reporting organisation</source>
            <translation>Rapporterande organisation</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <location filename="../../ui/import_mapping.py" />
            <source>Subcategory</source>
            <translation>Underkategori</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Target area (the measure's polygon)</source>
            <translation>Målområde (åtgärdens polygon)</translation>
        </message>
        <message>
            <source>Written to the follow-up of measure {fid} in {store}</source>
            <translation type="obsolete">Skrivet till uppföljningen av åtgärd {fid} i {store}</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>about the same</source>
            <translation>ungefär lika</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>after</source>
            <translation>efter</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>before</source>
            <translation>före</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>fewer by more than 50 %</source>
            <translation>färre med mer än 50 %</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>give all four of BEFORE_START, BEFORE_END, AFTER_START and AFTER_END, or none (then they follow the measure's start_date)</source>
            <translation>ange alla fyra av BEFORE_START, BEFORE_END, AFTER_START och AFTER_END, eller ingen (då följer de åtgärdens start_date)</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>grouping by area needs an AREAS polygon layer</source>
            <translation>gruppering per område kräver ett polygonlager i AREAS</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>grouping by grid cell needs a projected CRS in metres</source>
            <translation>gruppering per ruta kräver ett projicerat koordinatsystem i meter</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>more by over 50 %</source>
            <translation>fler med över 50 %</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>period A is the earlier, reference period: it starts on {a}, after period B ({b})</source>
            <translation>period A är den tidigare referensperioden: den börjar {a}, efter period B ({b})</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the follow-up could not be written to the measure: {error}</source>
            <translation>uppföljningen kunde inte skrivas till åtgärden: {error}</translation>
        </message>
        <message>
            <source>the incidents must be in a projected CRS in metres</source>
            <translation type="obsolete">händelserna måste vara i ett projicerat koordinatsystem i meter</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the periods follow the measure's start_date, but TARGET has {n} different start dates: choose one measure, or give the four period dates</source>
            <translation>perioderna följer åtgärdens start_date, men TARGET har {n} olika startdatum: välj en åtgärd, eller ange periodernas fyra datum</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>two areas are named {name}: area names must be unique</source>
            <translation>två områden heter {name}: områdesnamn måste vara unika</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>−20 to −5 %</source>
            <translation>−20 till −5 %</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>−50 to −20 %</source>
            <translation>−50 till −20 %</translation>
        </message>
        <message>
            <location filename="../../core/presentation/incident_display.py" />
            <source>(a point)</source>
            <translation>(en punkt)</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Add the store's incidents, areas and measures, styled, in one layer group</source>
            <translation>Lägg till databasens händelser, områden och åtgärder, med stil, i en lagergrupp</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>All areas</source>
            <translation>Alla områden</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>All organisations</source>
            <translation>Alla organisationer</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>All statuses</source>
            <translation>Alla statusar</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Apply filter</source>
            <translation>Tillämpa filter</translation>
        </message>
        <message>
            <location filename="../../core/presentation/layers.py" />
            <location filename="../../core/presentation/report_map.py" />
            <source>Areas</source>
            <translation>Områden</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Assessment and decisions</source>
            <translation>Bedömning och beslut</translation>
        </message>
        <message>
            <source>Busiest four-hour windows: {windows}.</source>
            <translation type="obsolete">Mest belastade fyratimmarsperioder: {windows}.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Categories</source>
            <translation>Kategorier</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Change</source>
            <translation>Förändring</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Changed by someone else</source>
            <translation>Ändrad av någon annan</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <location filename="../../ui/incident_form.py" />
            <source>Choose a Lägesbild store</source>
            <translation>Välj en Lägesbild-databas</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Choose a category…</source>
            <translation>Välj en kategori…</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <location filename="../../ui/incident_form_map.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Choose a store first.</source>
            <translation>Välj en databas först.</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Choose a store to report in.</source>
            <translation>Välj en databas att rapportera i.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Choose store…</source>
            <translation>Välj databas…</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Choose your organisation…</source>
            <translation>Välj din organisation…</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Clear filter</source>
            <translation>Rensa filter</translation>
        </message>
        <message>
            <source>Click an incident on the map to review and handle it</source>
            <translation type="obsolete">Klicka på en händelse i kartan för att granska och handlägga den</translation>
        </message>
        <message>
            <source>Click on the map</source>
            <translation type="obsolete">Klicka i kartan</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Compare with</source>
            <translation>Jämför med</translation>
        </message>
        <message>
            <source>Cost (SEK)</source>
            <translation type="obsolete">Kostnad (kr)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>Custom period</source>
            <translation>Egen period</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Description</source>
            <translation>Beskrivning</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_style.py" />
            <source>District</source>
            <translation>Stadsdel</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_map.py" />
            <source>E {x:,.0f}, N {y:,.0f}</source>
            <translation>E {x:,.0f}, N {y:,.0f}</translation>
        </message>
        <message>
            <source>Estimated cost in SEK</source>
            <translation type="obsolete">Uppskattad kostnad i kronor</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Fewer than {n} incidents in the period.</source>
            <translation>Färre än {n} händelser under perioden.</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>Field</source>
            <translation>Fält</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_style.py" />
            <source>Focus area</source>
            <translation>Fokusområde</translation>
        </message>
        <message>
            <source>From</source>
            <translation type="obsolete">Från</translation>
        </message>
        <message>
            <source>From 22:00 the previous evening to 06:00 this morning</source>
            <translation type="obsolete">Från kl. 22.00 kvällen innan till kl. 06.00 i morse</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>From – to</source>
            <translation>Från – till</translation>
        </message>
        <message>
            <source>Handling</source>
            <translation type="obsolete">Handläggning</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Handling note</source>
            <translation>Handläggningsanteckning</translation>
        </message>
        <message>
            <source>Handling organisation</source>
            <translation type="obsolete">Handläggande organisation</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Handling: {category}, reported {when} by {organisation} (version {version})</source>
            <translation>Handläggning: {category}, rapporterad {when} av {organisation} (version {version})</translation>
        </message>
        <message>
            <source>Happened during the night</source>
            <translation type="obsolete">Hände under natten</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Heat map</source>
            <translation>Värmekarta</translation>
        </message>
        <message>
            <source>History</source>
            <translation type="obsolete">Historik</translation>
        </message>
        <message>
            <source>Hot and cold spots</source>
            <translation type="obsolete">Heta och kalla fläckar</translation>
        </message>
        <message>
            <location filename="../../core/presentation/layers.py" />
            <source>Incidents</source>
            <translation>Händelser</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Incidents by category</source>
            <translation>Händelser per kategori</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Incidents by weekday and local hour of their start: darker is more; white is none or fewer than {n}.</source>
            <translation>Händelser per veckodag och lokal timme då de började: mörkare är fler; vitt är inga eller färre än {n}.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>Last 14 days</source>
            <translation>Senaste 14 dagarna</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>Last 7 days</source>
            <translation>Senaste 7 dagarna</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Last follow-up</source>
            <translation>Senaste uppföljning</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_map.py" />
            <source>Legend</source>
            <translation>Teckenförklaring</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Load layers</source>
            <translation>Läs in lagren</translation>
        </message>
        <message>
            <source>Lägesbild standard incident form</source>
            <translation type="obsolete">Lägesbilds standardformulär för händelser</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Measure</source>
            <translation>Åtgärd</translation>
        </message>
        <message>
            <location filename="../../core/presentation/layers.py" />
            <source>Measures</source>
            <translation>Åtgärder</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Measures in the action plan</source>
            <translation>Åtgärder i åtgärdsplanen</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>New report</source>
            <translation>Ny rapport</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>No active or planned measures.</source>
            <translation>Inga pågående eller planerade åtgärder.</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>No comparison</source>
            <translation>Ingen jämförelse</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_map.py" />
            <source>No place yet</source>
            <translation>Ingen plats än</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>No store chosen</source>
            <translation>Ingen databas vald</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Not saved: choose your organisation.</source>
            <translation>Inte sparad: välj din organisation.</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Not saved: correct the fields marked in red.</source>
            <translation>Inte sparad: rätta fälten som är markerade med rött.</translation>
        </message>
        <message>
            <source>Not saved: remove the personal data from the description.</source>
            <translation type="obsolete">Inte sparad: ta bort personuppgifterna ur beskrivningen.</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Not saved: {error}</source>
            <translation>Inte sparad: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Nothing to save: no field was changed.</source>
            <translation>Inget att spara: inget fält har ändrats.</translation>
        </message>
        <message>
            <source>Occurred from</source>
            <translation type="obsolete">Inträffade från</translation>
        </message>
        <message>
            <source>Occurred to</source>
            <translation type="obsolete">Inträffade till</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>One page per district</source>
            <translation>En sida per stadsdel</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Open a Lägesbild store</source>
            <translation>Öppna en Lägesbild-databas</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Open store…</source>
            <translation>Öppna databas…</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation type="obsolete">Organisation</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-filer (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Pages</source>
            <translation>Sidor</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Period end (default: yesterday)</source>
            <translation>Periodens slut (standard: i går)</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Period start (default: 28 days before today)</source>
            <translation>Periodens början (standard: 28 dagar före i dag)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Period {period}</source>
            <translation>Period {period}</translation>
        </message>
        <message>
            <source>Personal data in the description</source>
            <translation type="obsolete">Personuppgifter i beskrivningen</translation>
        </message>
        <message>
            <source>Pick an incident</source>
            <translation type="obsolete">Välj en händelse</translation>
        </message>
        <message>
            <location filename="../../core/presentation/incident_display.py" />
            <location filename="../../ui/import_results.py" />
            <source>Place</source>
            <translation>Plats</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Place name</source>
            <translation>Platsnamn</translation>
        </message>
        <message>
            <source>Police</source>
            <translation type="obsolete">Polis</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Reloaded: the incident as it is saved now. Make your change again.</source>
            <translation>Laddad på nytt: händelsen som den är sparad nu. Gör din ändring igen.</translation>
        </message>
        <message>
            <source>Remove personal data: the description contains a {kinds}. The situation picture is about places, never persons.</source>
            <translation type="obsolete">Ta bort personuppgifter: beskrivningen innehåller {kinds}. Lägesbilden handlar om platser, aldrig om personer.</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <location filename="../../algorithms/situation_report.py" />
            <location filename="../../algorithms/verify_store.py" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Report incident</source>
            <translation>Rapportera händelse</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Report of {start} to {end} ({compare})</source>
            <translation>Rapport för {start} till {end} ({compare})</translation>
        </message>
        <message>
            <source>Report reference, e.g. 5000-K123456-25</source>
            <translation type="obsolete">Diarienummer, t.ex. 5000-K123456-25</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Reported by</source>
            <translation>Rapporterad av</translation>
        </message>
        <message>
            <source>Reported to the police</source>
            <translation type="obsolete">Polisanmäld</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Responsible</source>
            <translation>Ansvarig</translation>
        </message>
        <message>
            <source>Save</source>
            <translation type="obsolete">Spara</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Saved.</source>
            <translation>Sparad.</translation>
        </message>
        <message>
            <source>Shared report: no incident descriptions or handling notes. Counts below {n} are shown as "fewer than {n}"; a count marked "not shown" is withheld so that a small count cannot be worked out from a total. Hot and cold spots: Getis-Ord Gi* over the whole town.</source>
            <translation type="obsolete">Rapport för spridning: inga händelsebeskrivningar eller hanteringsanteckningar. Antal under {n} visas som "färre än {n}"; ett antal markerat "visas ej" är dolt så att ett litet antal inte kan räknas fram ur en summa. Heta och kalla fläckar: Getis-Ord Gi* över hela orten.</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Show the situation picture: the store, filters and summary</source>
            <translation>Visa lägesbilden: databasen, filter och sammanfattning</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>Since 1 January</source>
            <translation>Sedan 1 januari</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <location filename="../../plugin.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Situation picture</source>
            <translation>Lägesbild</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Situation report</source>
            <translation>Lägesrapport</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Situation report (PDF)</source>
            <translation>Lägesrapport (PDF)</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Smallest count shown</source>
            <translation>Minsta antal som visas</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Someone else saved this incident after you loaded it. Nothing was overwritten. Reload it now? Your changes in the form are then replaced by the saved version.</source>
            <translation>Någon annan sparade händelsen efter att du öppnade den. Inget har skrivits över. Vill du ladda den på nytt nu? Dina ändringar i formuläret ersätts då av den sparade versionen.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <location filename="../../ui/situation_dock.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>Store: {name} (times in {zone})</source>
            <translation>Databas: {name} (tider i {zone})</translation>
        </message>
        <message>
            <source>The description contains personal data. The situation picture is about places, never persons. Remove it now and save?</source>
            <translation type="obsolete">Beskrivningen innehåller personuppgifter. Lägesbilden handlar om platser, aldrig om personer. Vill du ta bort dem nu och spara?</translation>
        </message>
        <message>
            <source>The filter could not be applied to {layer}.</source>
            <translation type="obsolete">Filtret kunde inte tillämpas på {layer}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>The previous period</source>
            <translation>Föregående period</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <location filename="../../core/presentation/situation.py" />
            <source>The same period last year</source>
            <translation>Samma period förra året</translation>
        </message>
        <message>
            <source>The situation report for the crime-prevention council: an A4 landscape PDF from the template resources/layouts/situation_report.qpt with the map of the period's incidents over their hot and cold spots and the areas, a table of incidents per category with the change against the comparison period (its dates named), the time of week, the measures of the action plan, and an empty frame for the meeting's assessment and decisions. By default the period is the last 28 days up to yesterday, compared with the same dates last year. ATLAS_BY_AREA makes one page per district instead. The report is meant to be shared: no incident descriptions or handling notes, and every count below MIN_COUNT is shown as "fewer than", also where a total would reveal it. The PDF keeps its text as text (searchable and readable by a screen reader).</source>
            <translation type="obsolete">Lägesrapporten till det brottsförebyggande rådet: en PDF i A4 liggande från mallen resources/layouts/situation_report.qpt med kartan över periodens händelser ovanpå deras heta och kalla fläckar och områdena, en tabell över händelser per kategori med förändringen mot jämförelseperioden (med dess datum angivna), veckans tider, åtgärderna i åtgärdsplanen och en tom ruta för mötets bedömning och beslut. Som standard är perioden de senaste 28 dagarna till och med i går, jämförd med samma datum förra året. ATLAS_BY_AREA ger i stället en sida per stadsdel. Rapporten är gjord för att spridas: inga händelsebeskrivningar eller hanteringsanteckningar, och varje antal under MIN_COUNT visas som "färre än", även där en summa skulle avslöja det. PDF:en behåller sin text som text (sökbar och läsbar för en skärmläsare).</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>There were no incidents in the period.</source>
            <translation>Det fanns inga händelser under perioden.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>This month</source>
            <translation>Denna månad</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Time of week</source>
            <translation>Veckans tider</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>To</source>
            <translation type="obsolete">Till</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Total</source>
            <translation>Totalt</translation>
        </message>
        <message>
            <source>Use the map centre</source>
            <translation type="obsolete">Använd kartans mitt</translation>
        </message>
        <message>
            <source>What happened? Describe places and things, never persons.</source>
            <translation type="obsolete">Vad hände? Beskriv platser och saker, aldrig personer.</translation>
        </message>
        <message>
            <source>When</source>
            <translation type="obsolete">När</translation>
        </message>
        <message>
            <source>Your organisation</source>
            <translation type="obsolete">Din organisation</translation>
        </message>
        <message>
            <location filename="../../core/presentation/form_config.py" />
            <source>at most {limit} characters</source>
            <translation>högst {limit} tecken</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>compared with {base}</source>
            <translation>jämfört med {base}</translation>
        </message>
        <message>
            <location filename="../../core/domain/personal_data.py" />
            <source>e-mail address</source>
            <translation>e-postadress</translation>
        </message>
        <message>
            <source>e.g. Storgatan 12, the school yard</source>
            <translation type="obsolete">t.ex. Storgatan 12, skolgården</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>fewer than {n}</source>
            <translation>färre än {n}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/form_config.py" />
            <source>is not a subcategory of the category</source>
            <translation>är inte en underkategori till kategorin</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../core/presentation/incident_display.py" />
            <source>no</source>
            <translation>nej</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>no such store: {path}</source>
            <translation>lagret finns inte: {path}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>not shown</source>
            <translation>visas ej</translation>
        </message>
        <message>
            <location filename="../../core/domain/personal_data.py" />
            <source>personal identity number</source>
            <translation>personnummer</translation>
        </message>
        <message>
            <location filename="../../core/domain/personal_data.py" />
            <source>phone number</source>
            <translation>telefonnummer</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>situation picture of {day}</source>
            <translation>lägesbild per {day}</translation>
        </message>
        <message>
            <source>the incidents layer of {path} cannot be opened</source>
            <translation type="obsolete">händelselagret i {path} kan inte öppnas</translation>
        </message>
        <message>
            <source>the incidents of {path} cannot be read</source>
            <translation type="obsolete">händelserna i {path} kan inte läsas</translation>
        </message>
        <message>
            <location filename="../../core/presentation/layers.py" />
            <source>the layer {table} of {path} could not be opened</source>
            <translation>lagret {table} i {path} kunde inte öppnas</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>the period runs backwards: it starts on {start}, after its end on {end}</source>
            <translation>perioden går baklänges: den börjar {start}, efter sitt slut {end}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>the previous period</source>
            <translation>föregående period</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>the report could not be written to {path}</source>
            <translation>rapporten kunde inte skrivas till {path}</translation>
        </message>
        <message>
            <source>the report template could not be written to {path}</source>
            <translation type="obsolete">rapportmallen kunde inte skrivas till {path}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>the report template {path} cannot be read</source>
            <translation>rapportmallen {path} kan inte läsas</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <location filename="../../core/presentation/summary.py" />
            <source>the same period last year</source>
            <translation>samma period förra året</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>the store has no area of kind district: there is nothing to make a page of</source>
            <translation>lagret har inget område av typen stadsdel: det finns inget att göra en sida av</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../core/presentation/incident_display.py" />
            <location filename="../../ui/import_results.py" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>{count} incidents, {period}</source>
            <translation type="obsolete">{count} händelser, {period}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{name} ({period})</source>
            <translation>{name} ({period})</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>{n} incidents in the period.</source>
            <translation>{n} händelser under perioden.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>{n} incidents in the period; {change}.</source>
            <translation>{n} händelser under perioden; {change}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>{pages} pages, {n} incidents: {path}</source>
            <translation>{pages} sidor, {n} händelser: {path}</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <location filename="../../ui/incident_form.py" />
            <source>Report an incident, or review and handle one</source>
            <translation>Rapportera en händelse, eller granska och handlägg en</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_map.py" />
            <source>A report is being written</source>
            <translation>En rapport håller på att skrivas</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_map.py" />
            <source>Leave the report you are writing and show the selected incident?</source>
            <translation>Vill du lämna rapporten du skriver och visa den valda händelsen?</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>A PDF for the council of the chosen period, compared with the same period last year; the layout is added to the project's layouts</source>
            <translation>En PDF till rådet för den valda perioden, jämförd med samma period i fjol; layouten läggs till i projektets layouter</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Create situation report</source>
            <translation>Skapa lägesrapport</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Situation report written to {path}</source>
            <translation>Lägesrapporten är skriven till {path}</translation>
        </message>
        <message>
            <location filename="../../core/store/location.py" />
            <source>no store was named: choose a store file</source>
            <translation>ingen databas angavs: välj en databasfil</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/connection.py" />
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>the store could not be written, and nothing was written: {reason}</source>
            <translation>databasen kunde inte skrivas, och ingenting skrevs: {reason}</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>the store is busy: someone else is saving to it; nothing was written, try again in a moment</source>
            <translation>databasen är upptagen: någon annan sparar i den; ingenting skrevs, försök igen om en stund</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/connection.py" />
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>the store refused the change, and nothing was written: {reason}</source>
            <translation>databasen vägrade ändringen, och ingenting skrevs: {reason}</translation>
        </message>
        <message>
            <location filename="../../core/store/location.py" />
            <source>{location} is not a store file</source>
            <translation>{location} är ingen databasfil</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/__init__.py" />
            <source>{location}: stores of kind {kind} are not supported by this version of Lägesbild</source>
            <translation>{location}: databaser av typen {kind} stöds inte av den här versionen av Lägesbild</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>{path} cannot be written: {error}</source>
            <translation>{path} kan inte skrivas: {error}</translation>
        </message>
        <message>
            <location filename="../../algorithms/period_comparison.py" />
            <source>How many incidents in period B against the earlier, reference period A, in total and per group: count_a, count_b, the days of each, change = b − a and change_pct = 100 (b − a)/a (always relative to the earlier period), the rate ratio (b/days_b)/(a/days_a) with its exact 95 % confidence interval (rr_low, rr_high), and p_value, the exact test of equal daily rates. Periods are whole local days; by default B runs from 1 January to yesterday, the last whole day in the store's time zone, and A over the same dates a year earlier. Overlapping or backward periods are refused.</source>
            <translation>Hur många händelser i period B jämfört med den tidigare referensperioden A, totalt och per grupp: count_a, count_b, dagarna i var och en, change = b − a och change_pct = 100 (b − a)/a (alltid i förhållande till den tidigare perioden), kvoten mellan dagliga antal (b/days_b)/(a/days_a) med sitt exakta 95 %-konfidensintervall (rr_low, rr_high), och p_value, det exakta testet av lika dagliga antal. Perioder är hela lokala dagar; som standard går B från 1 januari till i går, den senaste hela dagen i databasens tidszon, och A över samma datum ett år tidigare. Överlappande eller baklänges perioder avvisas.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>Since 1 January ({period}): {words}</source>
            <translation>Sedan 1 januari ({period}): {words}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{period}, including today so far</source>
            <translation>{period}, inklusive dagen hittills</translation>
        </message>
        <message>
            <source>Hot spots (Gi*)</source>
            <translation type="obsolete">Hotspots (Gi*)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_map.py" />
            <source>Incidents per {size} m square</source>
            <translation>Händelser per ruta om {size} m</translation>
        </message>
        <message>
            <source>Shared report: no incident descriptions, handling notes or single incidents. Counts below {n} are shown as "fewer than {n}"; a count marked "not shown" is withheld so that a small count cannot be worked out from a total. The map counts incidents in squares of {size} m and leaves a square with fewer than {n} blank; hot spots (Getis-Ord Gi* on the same squares over the whole town, 90 % confidence or more) are outlined in red.</source>
            <translation type="obsolete">Rapport för spridning: inga händelsebeskrivningar, hanteringsanteckningar eller enskilda händelser. Antal under {n} visas som "färre än {n}"; ett antal markerat "visas ej" är dolt så att ett litet antal inte kan räknas fram ur en summa. Kartan räknar händelser i rutor om {size} m och lämnar en ruta med färre än {n} tom; hotspots (Getis-Ord Gi* på samma rutor över hela orten, 90 % konfidens eller mer) är inringade i rött.</translation>
        </message>
        <message>
            <source>The situation report for the crime-prevention council: an A4 landscape PDF from the template resources/layouts/situation_report.qpt with a map of the period's incidents counted in squares (a square with fewer than MIN_COUNT left blank; no single incident is drawn) under their hot spots and the areas, a table of incidents per category with the change against the comparison period (its dates named), the time of week, the measures of the action plan, and an empty frame for the meeting's assessment and decisions. By default the period is the last 28 days up to yesterday, compared with the same dates last year. ATLAS_BY_AREA makes one page per district instead. The report is meant to be shared: no incident descriptions or handling notes, and every count below MIN_COUNT is shown as "fewer than", also where a total would reveal it. The PDF keeps its text as text (searchable and readable by a screen reader).</source>
            <translation type="obsolete">Lägesrapporten till det brottsförebyggande rådet: en PDF i A4 liggande från mallen resources/layouts/situation_report.qpt med en karta över periodens händelser räknade i rutor (en ruta med färre än MIN_COUNT lämnas tom; ingen enskild händelse ritas) under deras hotspots och områdena, en tabell över händelser per kategori med förändringen mot jämförelseperioden (med dess datum angivna), veckans tider, åtgärderna i åtgärdsplanen och en tom ruta för mötets bedömning och beslut. Som standard är perioden de senaste 28 dagarna till och med i går, jämförd med samma datum förra året. ATLAS_BY_AREA ger i stället en sida per stadsdel. Rapporten är gjord för att spridas: inga händelsebeskrivningar eller hanteringsanteckningar, och varje antal under MIN_COUNT visas som "färre än", även där en summa skulle avslöja det. PDF:en behåller sin text som text (sökbar och läsbar för en skärmläsare).</translation>
        </message>
        <message>
            <source>{confidence} % confidence or more</source>
            <translation type="obsolete">{confidence} % konfidens eller mer</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_style.py" />
            <source>{n} or more</source>
            <translation>{n} eller fler</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>{n} incidents were left out: their time in {field} could not be read (for example {value!r})</source>
            <translation>{n} händelser utelämnades: deras tid i {field} kunde inte läsas (till exempel {value!r})</translation>
        </message>
        <message>
            <location filename="../../algorithms/inputs.py" />
            <source>{n} incidents were left out: they have no time in {field}</source>
            <translation>{n} händelser utelämnades: de saknar tid i {field}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>, because the comparison area had {ratio} times the target's incidents; choose a comparison area nearer the target's size</source>
            <translation>, eftersom jämförelseområdet hade {ratio} gånger så många händelser som målområdet; välj ett jämförelseområde närmare målområdets storlek</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Append the verdict to the measure's follow-up in the store (earlier text kept)</source>
            <translation>Lägg till bedömningen i åtgärdens uppföljning i databasen (tidigare text behålls)</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Appended to the follow-up of measure {fid} in {store}</source>
            <translation>Tillagt i uppföljningen av åtgärd {fid} i {store}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Around the target (WDQ {wdq}): {spread}.</source>
            <translation>Runt målområdet (WDQ {wdq}): {spread}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Before: {b_start} to {b_end} ({b_days} days); after: {a_start} to {a_end} ({a_days} days)</source>
            <translation>Före: {b_start} till {b_end} ({b_days} dagar); efter: {a_start} till {a_end} ({a_days} dagar)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Caution: the target was already falling faster than the comparison area before the measure (from the first half of the before period to the second: target {target}, comparison area {control}); part of the change may be a trend that began earlier.</source>
            <translation>Varning: målområdet minskade redan före åtgärden snabbare än jämförelseområdet (från första till andra halvan av perioden före: målområdet {target}, jämförelseområdet {control}); en del av förändringen kan vara en trend som började tidigare.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Comparison (control) area (default: the rest of the districts around the target)</source>
            <translation>Jämförelseområde (kontrollområde) (standard: resten av stadsdelarna runt målområdet)</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Comparison area: {what}: {area} km² ({area_ratio} times the target's area), {cb} incidents before the measure against the target's {rb}</source>
            <translation>Jämförelseområde: {what}: {area} km² ({area_ratio} gånger målområdets yta), {cb} händelser före åtgärden mot målområdets {rb}</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Did incidents fall in the area of a measure, relative to a comparison area, and did they move to the surrounding area (or did the benefit spread there)? Counts the incidents before and after in the target (rb, ra), in a buffer around it (db, da), in the comparison (control) area (cb, ca) and optionally in a buffer around the control (dcb, dca). The default comparison area is the rest of the store's districts that contain the target, beyond the target and its buffer; without districts, the rest of the incidents' extent (the log gives its size). Computes Farrington's relative effect size (res: above 1, the target did better than the comparison area, with its 95 % interval res_low, res_high), the Weighted Displacement Quotient of Bowers and Johnson (sm, bdm, wdq, the total net effect tne) and the Weighted Displacement Difference test of Wheeler and Ratcliffe (wdd with its standard error, z, p and 95 % interval), and checks whether the target was already falling faster than the comparison area before the measure (pretrend). The verdict says in words what the RES and the WDD mean together. By default the periods are equally long before and after the measure's start_date; periods of unequal length are weighted by days. Only with WRITE_RESULT, and when TARGET is one measure of a store, is the verdict appended with today's date to the measure's follow-up; the earlier text is kept.</source>
            <translation>Minskade händelserna i en åtgärds område jämfört med ett jämförelseområde, och flyttade de till omgivningen (eller spred sig nyttan dit)? Räknar händelserna före och efter i målområdet (rb, ra), i en buffert runt det (db, da), i jämförelseområdet (kontrollområdet) (cb, ca) och valfritt i en buffert runt kontrollområdet (dcb, dca). Som standard är jämförelseområdet resten av de stadsdelar i databasen som innehåller målområdet, utanför målområdet och dess buffert; utan stadsdelar resten av händelsernas utbredning (loggen anger dess storlek). Beräknar Farringtons relativa effektstorlek (res: över 1 klarade sig målområdet bättre än jämförelseområdet, med dess 95 %-intervall res_low, res_high), Bowers och Johnsons viktade förflyttningskvot (sm, bdm, wdq, den totala nettoeffekten tne) och Wheeler och Ratcliffes test av viktad förflyttningsdifferens (wdd med standardfel, z, p och 95 %-intervall), och kontrollerar om målområdet redan före åtgärden minskade snabbare än jämförelseområdet (pretrend). Bedömningen (verdict) säger i ord vad RES och WDD betyder tillsammans. Som standard är perioderna lika långa före och efter åtgärdens start_date; olika långa perioder vägs efter antal dagar. Bara med WRITE_RESULT, och när TARGET är en åtgärd i en databas, läggs bedömningen med dagens datum till i åtgärdens uppföljning; den tidigare texten behålls.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Give the lengths of both periods (days_before, days_after), or neither</source>
            <translation>Ange längden på båda perioderna (days_before, days_after), eller ingen</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Incidents in the target area {target} while the comparison area {control}</source>
            <translation>Händelserna i målområdet {target} medan jämförelseområdets {control}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Incidents in the target area: {rb} before, {ra} after; in the comparison area: {cb} before, {ca} after</source>
            <translation>Händelser i målområdet: {rb} före, {ra} efter; i jämförelseområdet: {cb} före, {ca} efter</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Incidents per day in the target area {target} while the comparison area {control}</source>
            <translation>Händelserna per dag i målområdet {target} medan jämförelseområdets {control}</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>Pre-trend, the before period in two halves ({days1} and {days2} days): target {rb1} and {rb2}, comparison area {cb1} and {cb2}; ratio {ratio} (below 1: the target was already falling faster)</source>
            <translation>Trend före åtgärden, perioden före i två halvor ({days1} och {days2} dagar): målområdet {rb1} och {rb2}, jämförelseområdet {cb1} och {cb2}; kvot {ratio} (under 1: målområdet minskade redan snabbare)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Relative effect size (RES) {res} (95 % interval {low} to {high}).</source>
            <translation>Relativ effektstorlek (RES) {res} (95 % intervall {low} till {high}).</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Relative effect size (RES): none, as a count is 0.</source>
            <translation>Relativ effektstorlek (RES): ingen, eftersom ett antal är 0.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The comparison area had {ratio} times the target's incidents before the measure. The WDD compares absolute changes and reads best with a comparison of about the target's size; the RES compares relative changes, whatever the sizes.</source>
            <translation>Jämförelseområdet hade {ratio} gånger så många händelser som målområdet före åtgärden. WDD jämför absoluta förändringar och fungerar bäst med ett jämförelseområde av ungefär målområdets storlek; RES jämför relativa förändringar, oavsett storlek.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>The periods differ in length: changes are compared per day, and in the WDD each count before is weighted by {a_days}/{b_days}</source>
            <translation>Perioderna är olika långa: förändringar jämförs per dag, och i WDD vägs varje antal före med {a_days}/{b_days}</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>The rest of the districts around the target had no incidents in one of the periods: the comparison area is the rest of the incidents' extent instead</source>
            <translation>Resten av stadsdelarna runt målområdet hade inga händelser under en av perioderna: jämförelseområdet är i stället resten av händelsernas utbredning</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>The target or the comparison area had no incidents in one of the periods: the relative effect size (RES) cannot be computed.</source>
            <translation>Målområdet eller jämförelseområdet hade inga händelser under en av perioderna: den relativa effektstorleken (RES) kan inte beräknas.</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>WRITE_RESULT: the verdict is written only when TARGET is one measure of a store's measures layer; nothing was written</source>
            <translation>WRITE_RESULT: bedömningen skrivs bara när TARGET är en åtgärd i en databas lager measures; ingenting skrevs</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>Weighted displacement difference (WDD): {wdd} incidents (95 % interval {low} to {high}, {p}).</source>
            <translation>Viktad förflyttningsdifferens (WDD): {wdd} händelser (95 % intervall {low} till {high}, {p}).</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a reduction larger than the comparison's</source>
            <translation>en minskning större än jämförelseområdets</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a reduction where the comparison area had none</source>
            <translation>en minskning där jämförelseområdet inte minskade</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a rise larger than the comparison's</source>
            <translation>en ökning större än jämförelseområdets</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a rise where the comparison area had none</source>
            <translation>en ökning där jämförelseområdet inte ökade</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a smaller reduction than the comparison's</source>
            <translation>en mindre minskning än jämförelseområdets</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>a smaller rise than the comparison's</source>
            <translation>en mindre ökning än jämförelseområdets</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>fell by {pct} %</source>
            <translation>minskade med {pct} %</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>no clear difference from the comparison area (neither the relative effect nor the difference in counts is significant at the 95 % level)</source>
            <translation>ingen tydlig skillnad mot jämförelseområdet (varken den relativa effekten eller skillnaden i antal är signifikant på 95 %-nivån)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>no clear result: the relative effect (RES) and the difference in counts (WDD) point in different directions</source>
            <translation>inget tydligt resultat: den relativa effekten (RES) och skillnaden i antal (WDD) pekar åt olika håll</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>no net reduction: the target's fall relative to the comparison area was outweighed by more incidents in the surrounding area (displacement)</source>
            <translation>ingen minskning totalt: målområdets minskning jämfört med jämförelseområdet uppvägdes av fler händelser i omgivningen (förflyttning)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>probably {outcome} (only the difference in counts, WDD, is significant at the 95 % level)</source>
            <translation>troligen {outcome} (bara skillnaden i antal, WDD, är signifikant på 95 %-nivån)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>probably {outcome} (only the relative effect, RES, is significant at the 95 % level)</source>
            <translation>troligen {outcome} (bara den relativa effekten, RES, är signifikant på 95 %-nivån)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>rose by {pct} %</source>
            <translation>ökade med {pct} %</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>stayed level</source>
            <translation>var oförändrade</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the comparison area given (CONTROL) beyond the target and its buffer</source>
            <translation>det angivna jämförelseområdet (CONTROL) utanför målområdet och dess buffert</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>the effect cannot be judged, as the target or the comparison area had no incidents in one of the periods</source>
            <translation>effekten kan inte bedömas, eftersom målområdet eller jämförelseområdet inte hade några händelser under en av perioderna</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the follow-up of measure {fid} would grow beyond {limit} characters: nothing was written, and the earlier text is unchanged</source>
            <translation>uppföljningen av åtgärd {fid} skulle bli längre än {limit} tecken: ingenting skrevs, och den tidigare texten är oförändrad</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the rest of the district {names} beyond the target and its buffer</source>
            <translation>resten av stadsdelen {names} utanför målområdet och dess buffert</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the rest of the districts {names} beyond the target and its buffer</source>
            <translation>resten av stadsdelarna {names} utanför målområdet och dess buffert</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the rest of the incidents' extent beyond the target and its buffer</source>
            <translation>resten av händelsernas utbredning utanför målområdet och dess buffert</translation>
        </message>
        <message>
            <location filename="../../algorithms/measure_followup.py" />
            <source>the rest of the incidents' extent beyond the target and its buffer (no district of the store leaves a comparison area around the target)</source>
            <translation>resten av händelsernas utbredning utanför målområdet och dess buffert (ingen stadsdel i databasen lämnar ett jämförelseområde runt målområdet)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>{facts}: {conclusion}.</source>
            <translation>{facts}: {conclusion}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/followup.py" />
            <source>{outcome}, 95 % confidence</source>
            <translation>{outcome}, 95 % säkerhet</translation>
        </message>
        <message>
            <location filename="../../core/store/location.py" />
            <source>a PostgreSQL store needs a database: give dbname or a service</source>
            <translation>en PostgreSQL-databas behöver en databas: ange dbname eller en tjänst (service)</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>a PostgreSQL store needs the psycopg2 module (Debian: python3-psycopg2), which is not installed</source>
            <translation>en PostgreSQL-databas behöver modulen psycopg2 (Debian: python3-psycopg2), som inte är installerad</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>cannot connect to {location}: {reason}</source>
            <translation>kan inte ansluta till {location}: {reason}</translation>
        </message>
        <message>
            <location filename="../../core/store/location.py" />
            <source>the schema name {name} is not usable: lower-case letters, digits and _ only</source>
            <translation>schemanamnet {name} kan inte användas: bara små bokstäver, siffror och _</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>{location} holds no Lägesbild store</source>
            <translation>{location} innehåller ingen Lägesbild-databas</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>{location}: PostGIS is not installed in the database and could not be ({reason}); ask the database's administrator to run CREATE EXTENSION postgis</source>
            <translation>{location}: PostGIS är inte installerat i databasen och kunde inte installeras ({reason}); be databasens administratör köra CREATE EXTENSION postgis</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>{location}: the schema {schema} exists already: a new store is never written over one</source>
            <translation>{location}: schemat {schema} finns redan: en ny databas skriver aldrig över ett befintligt</translation>
        </message>
        <message>
            <location filename="../../algorithms/common.py" />
            <source>give the store: a GeoPackage file or a PostgreSQL connection</source>
            <translation>ange databasen: en GeoPackage-fil eller en PostgreSQL-anslutning</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>a GeoPackage store has no logins or roles: whoever may write the file may write the store; use a PostgreSQL store for roles per organisation</source>
            <translation>en GeoPackage-databas har inga inloggningar eller roller: den som får skriva filen får skriva i databasen; använd en PostgreSQL-databas för roller per organisation</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>not a role: {role} (reporter, coordinator or reader)</source>
            <translation>ingen roll: {role} (reporter, coordinator eller reader)</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>there is no database login {login}: ask the database's administrator to create it (CREATE ROLE … LOGIN)</source>
            <translation>det finns ingen databasinloggning {login}: be databasens administratör skapa den (CREATE ROLE … LOGIN)</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>your login may not make this change in the store: its role and organisation do not allow it; nothing was written</source>
            <translation>din inloggning får inte göra den här ändringen i databasen: dess roll och organisation tillåter det inte; ingenting skrevs</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>your organisation may not change this incident (reported by {org}, status {status}): a reporter changes only its own organisation's new reports; nothing was written</source>
            <translation>din organisation får inte ändra den här händelsen (rapporterad av {org}, status {status}): en rapportör ändrar bara sin egen organisations nya rapporter; ingenting skrevs</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>Both the weekday ({weekday_p}) and the hour of day ({hour_p}) matter</source>
            <translation>Både veckodagen ({weekday_p}) och timmen på dygnet ({hour_p}) spelar roll</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>Neither the weekday ({weekday_p}) nor the hour of day ({hour_p}) departs from an even spread at the 5 % level: no time of the week stands out.</source>
            <translation>Varken veckodagen ({weekday_p}) eller timmen på dygnet ({hour_p}) avviker från en jämn fördelning på 5 %-nivån: ingen tid i veckan sticker ut.</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>On which weekdays and at which hours do incidents happen? A 7 × 24 table of weights by weekday (1 = Monday … 7 = Sunday) and local hour (0–23) in the time zone, all 168 rows. METHOD start counts each incident 1 at the hour of its time field; aoristic spreads an incident known only to have happened between occurred_from and occurred_to over that interval, in proportion to the real time in each local clock hour (across daylight-saving changes; an interval of 7 days or more spreads over the whole week). The weights sum to the number of incidents used.

WEEKDAY_P: does the weekday matter? The p-value of the weekday totals against an even spread over the 7 days. HOUR_P: does the hour of day matter? The p-value of the hour totals against an even (uniform) spread over the 24 hours, which real incidents seldom follow, so with many incidents HOUR_P is usually small. With start times both are Pearson's chi-square goodness-of-fit tests (6 and 23 degrees of freedom); with aoristic weights, which have no chi-square distribution, they are Monte Carlo tests: {draws} draws with a fixed seed, each turning every incident by a random whole number of days (hours), so the smallest possible p is 0.001. A p-value below 0.05 counts as mattering, and the busiest windows are named accordingly: four-hour windows of the week ("Friday and Saturday 22–02") when both matter, the busiest four hours of the day on every day ("evenings 20–00 on every day") when only the hour matters, the busiest days when only the weekday matters, and none, saying so, when neither does. The log and the HTML output (a heat table of the week) give that sentence.</source>
            <translation>Vilka veckodagar och timmar inträffar händelserna? En tabell 7 × 24 med vikter per veckodag (1 = måndag … 7 = söndag) och lokal timme (0–23) i tidszonen, alla 168 rader. METHOD start räknar varje händelse som 1 i timmen för dess tidsfält; aoristisk fördelar en händelse som bara är känd att ha skett mellan occurred_from och occurred_to över det intervallet, i proportion till den verkliga tiden i varje lokal klocktimme (även över sommartidsomställningar; ett intervall på 7 dagar eller mer fördelas över hela veckan). Vikterna summerar till antalet använda händelser.

WEEKDAY_P: spelar veckodagen roll? p-värdet för summorna per veckodag mot en jämn fördelning över de 7 dagarna. HOUR_P: spelar timmen på dygnet roll? p-värdet för summorna per timme mot en jämn (likformig) fördelning över dygnets 24 timmar, som verkliga händelser sällan följer, så med många händelser är HOUR_P oftast litet. Med starttider är båda Pearsons chi-två-test av anpassning (6 och 23 frihetsgrader); med aoristiska vikter, som inte är chi-två-fördelade, är de Monte Carlo-test: {draws} dragningar med fast frö, där varje dragning vrider varje händelse ett slumpat helt antal dagar (timmar), så det minsta möjliga p är 0,001. Ett p-värde under 0,05 räknas som att det spelar roll, och de mest belastade tidsfönstren namnges därefter: veckans fyratimmarsfönster ("fredag och lördag 22–02") när båda spelar roll, dygnets mest belastade fyra timmar alla dagar ("kvällar 20–00 alla dagar") när bara timmen spelar roll, de mest belastade dagarna när bara veckodagen spelar roll, och inget, med en mening som säger det, när ingen av dem gör det. Loggen och HTML-utdata (en värmetabell över veckan) ger den meningen.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>The hour of day matters ({hour_p}), the weekday does not ({weekday_p})</source>
            <translation>Timmen på dygnet spelar roll ({hour_p}), veckodagen gör det inte ({weekday_p})</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>The weekday matters ({weekday_p}), the hour of day does not ({hour_p})</source>
            <translation>Veckodagen spelar roll ({weekday_p}), timmen på dygnet gör det inte ({hour_p})</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timeprofile.py" />
            <source>a window is 1 to {size} hours wide, not {width}</source>
            <translation>ett tidsfönster är 1 till {size} timmar brett, inte {width}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>afternoons {hours}</source>
            <translation>eftermiddagar {hours}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>evenings {hours}</source>
            <translation>kvällar {hours}</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>hour of day</source>
            <translation>timme på dygnet</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>mornings {hours}</source>
            <translation>förmiddagar {hours}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>nights {hours}</source>
            <translation>nätter {hours}</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>p-value: does the hour of day matter</source>
            <translation>p-värde: spelar timmen på dygnet roll</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>p-value: does the weekday matter</source>
            <translation>p-värde: spelar veckodagen roll</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>the time-of-week tests were cancelled</source>
            <translation>testerna av veckoprofilen avbröts</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>weekday</source>
            <translation>veckodag</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>{days}, at any hour</source>
            <translation>{days}, oavsett timme</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>{name}: Pearson's chi-square {statistic:.2f} on {df} degrees of freedom, p = {p:.4g}</source>
            <translation>{name}: Pearsons chi-två {statistic:.2f} med {df} frihetsgrader, p = {p:.4g}</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>{name}: Pearson's statistic {statistic:.2f}, Monte Carlo test with {draws} draws, p = {p:.4g}</source>
            <translation>{name}: Pearsons statistika {statistic:.2f}, Monte Carlo-test med {draws} dragningar, p = {p:.4g}</translation>
        </message>
        <message>
            <location filename="../../algorithms/timeprofile.py" />
            <source>{n} incidents, {method}, time zone {zone}.</source>
            <translation>{n} händelser, {method}, tidszon {zone}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>{tests}: busiest {named}.</source>
            <translation>{tests}: mest belastat {named}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>{tests}; no window has {n} or more incidents.</source>
            <translation>{tests}; inget tidsfönster har {n} eller fler händelser.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/timepattern.py" />
            <source>{windows} on every day</source>
            <translation>{windows} alla dagar</translation>
        </message>
        <message>
            <source>A GeoPackage store (Open store…), or a shared store on PostgreSQL typed as a connection, such as service=trygghet schema=lagesbild or postgresql://user@host/database?schema=lagesbild; the password comes from PGPASSWORD, ~/.pgpass or the service file, never from here</source>
            <translation type="obsolete">En GeoPackage-databas (Öppna databas…), eller en delad databas i PostgreSQL skriven som en anslutning, till exempel service=trygghet schema=lagesbild eller postgresql://användare@värd/databas?schema=lagesbild; lösenordet hämtas från PGPASSWORD, ~/.pgpass eller tjänstefilen, aldrig härifrån</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Store file, or PostgreSQL connection</source>
            <translation>Databasfil, eller PostgreSQL-anslutning</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_style.py" />
            <source>A {size} m square that, with the squares around it, had clearly more incidents than the town as a whole ({confidence} % confidence)</source>
            <translation>En ruta på {size} m som tillsammans med rutorna runt omkring hade klart fler händelser än orten som helhet ({confidence} % konfidens)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Also analyse each category (fields of the output)</source>
            <translation>Analysera även varje kategori (fält i utdata)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Automatic (Optimized Hot Spot Analysis rules, band at most {cells} cells)</source>
            <translation>Automatisk (reglerna i Optimized Hot Spot Analysis, avståndsband högst {cells} celler)</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <location filename="../../algorithms/hotspots.py" />
            <source>Cell size (metres, 0 = by the scale)</source>
            <translation>Cellstorlek (meter, 0 = enligt skalan)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Cell size {size} m: {rule}</source>
            <translation>Cellstorlek {size} m: {rule}</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <location filename="../../algorithms/hotspots.py" />
            <source>Distance band (metres, 0 = by the scale)</source>
            <translation>Avståndsband (meter, 0 = enligt skalan)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Distance band {band} m: {rule}</source>
            <translation>Avståndsband {band} m: {rule}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_map.py" />
            <source>Hot spots</source>
            <translation>Hotspots</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Hot spots at 99 % confidence: {hot} cells, {share} of the study area</source>
            <translation>Hotspots med 99 % konfidens: {hot} celler, {share} av studieområdet</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Number of places to list</source>
            <translation>Antal platser att lista</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Places: cells of {size} m, neighbours the cells around</source>
            <translation>Platser: celler om {size} m, grannar är cellerna runt omkring</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Scale</source>
            <translation>Skala</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Shared report: no incident descriptions, handling notes or single incidents. Counts below {n} are shown as "fewer than {n}"; a count marked "not shown" is withheld so that a small count cannot be worked out from a total. The map counts incidents in squares of {size} m and leaves a square with fewer than {n} blank; hot spots (Getis-Ord Gi* on squares of 100 m, each with the squares around it, 99 % confidence) are outlined in red.</source>
            <translation>Rapport för spridning: inga händelsebeskrivningar, hanteringsanteckningar eller enskilda händelser. Antal under {n} visas som "färre än {n}"; ett antal markerat "visas ej" är dolt så att ett litet antal inte kan räknas fram ur en summa. Kartan räknar händelser i rutor om {size} m och lämnar en ruta med färre än {n} tom; hotspots (Getis-Ord Gi* på rutor om 100 m, var och en med rutorna runt omkring, 99 % konfidens) är inringade i rött.</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <location filename="../../algorithms/hotspots.py" />
            <source>Study area (polygons; default: the incidents' convex hull)</source>
            <translation>Studieområde (polygoner; standard: händelsernas konvexa hölje)</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Top places</source>
            <translation>Topplatser</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>Which places have more incidents than the rest of the area, beyond chance? Counts the incidents into a square or hexagon grid over the study area (the BOUNDARY, or else the incidents' convex hull widened by 3 cells) and computes the Getis-Ord Gi* statistic of every cell over its neighbours within the distance band. Each cell gets its count, gi_z (how many standard deviations its neighbourhood lies above or below the mean), gi_p (two-sided p-value) and gi_bin: +3/+2/+1 a hot spot at 99/95/90 % confidence, −1/−2/−3 a cold spot, 0 not significant, after the Benjamini–Hochberg false discovery rate correction. By default the scale is that of places: cells of 100 m and as neighbours the cells around each cell (cell size × √2). The automatic scale chooses them as ArcGIS's Optimized Hot Spot Analysis does, with the band at most 3 cells. A cell size or band of 0 follows the scale; the log says which rule chose what. OUTPUT_TOP lists the TOP_N places with the highest z, each with its count, share of all incidents, district and PAI (share of incidents / share of area); a place whose neighbourhood overlaps a higher one's is left out as part of it. GROUP_BY_CATEGORY adds each category's analysis, on the same cells, as fields of OUTPUT. For a hexagon grid the cell size is the distance between neighbouring cell centres (the width across flats).</source>
            <translation>Vilka platser har fler händelser än resten av området, mer än slumpen förklarar? Räknar händelserna i ett rutnät av kvadrater eller hexagoner över studieområdet (BOUNDARY, annars händelsernas konvexa hölje utvidgat med 3 celler) och beräknar Getis-Ord Gi* för varje cell över dess grannar inom avståndsbandet. Varje cell får sitt antal, gi_z (hur många standardavvikelser dess grannskap ligger över eller under medelvärdet), gi_p (tvåsidigt p-värde) och gi_bin: +3/+2/+1 en hotspot med 99/95/90 % konfidens, −1/−2/−3 en coldspot, 0 inte signifikant, efter korrigering för falsk upptäcktsfrekvens enligt Benjamini–Hochberg. Som standard är skalan platsernas: celler om 100 m och som grannar cellerna runt varje cell (cellstorlek × √2). Den automatiska skalan väljer dem som ArcGIS Optimized Hot Spot Analysis gör, med avståndsbandet högst 3 celler. En cellstorlek eller ett avståndsband på 0 följer skalan; loggen säger vilken regel som valde vad. OUTPUT_TOP listar de TOP_N platser som har högst z, var och en med sitt antal, sin andel av alla händelser, sin stadsdel och PAI (andel av händelserna / andel av ytan); en plats vars grannskap överlappar en högre plats grannskap utelämnas som en del av den. GROUP_BY_CATEGORY lägger till varje kategoris analys, på samma celler, som fält i OUTPUT. För hexagoner är cellstorleken avståndet mellan grannars mittpunkter (bredden mellan två motstående sidor).</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the cell size must be 0 (chosen by the scale's rule) or a positive distance in metres, not {value}</source>
            <translation>cellstorleken måste vara 0 (vald enligt skalans regel) eller ett positivt avstånd i meter, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/scale.py" />
            <source>the cells around each cell (queen contiguity, cell size × √2)</source>
            <translation>cellerna runt varje cell (queen-grannskap, cellstorlek × √2)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the cells over the extent given</source>
            <translation>cellerna över den angivna utbredningen</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the cells that meet the boundary</source>
            <translation>cellerna som möter avgränsningen</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the cells that meet the incidents' convex hull, widened by {cells} cells</source>
            <translation>cellerna som möter händelsernas konvexa hölje, utvidgat med {cells} celler</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/scale.py" />
            <source>the default at the scale of places</source>
            <translation>standardvärdet för platsernas skala</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the distance band must be 0 (chosen by the scale's rule) or a positive distance in metres, not {value}</source>
            <translation>avståndsbandet måste vara 0 (valt enligt skalans regel) eller ett positivt avstånd i meter, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>the mean distance between neighbouring incidents (as ArcGIS's Optimized Hot Spot Analysis)</source>
            <translation>medelavståndet mellan närliggande händelser (som i ArcGIS Optimized Hot Spot Analysis)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/scale.py" />
            <source>the smallest round size from {default} m that keeps the study area within {cells} cells</source>
            <translation>den minsta jämna storleken från {default} m som håller studieområdet inom {cells} celler</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/hotspots.py" />
            <source>unknown scale {scale}: choose places or automatic</source>
            <translation>okänd skala {scale}: välj places eller automatic</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>{category}: no analysis, {error}</source>
            <translation>{category}: ingen analys, {error}</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>{n} incidents in {cells} cells ({area} km²): {area_rule}</source>
            <translation>{n} händelser i {cells} celler ({area} km²): {area_rule}</translation>
        </message>
        <message>
            <location filename="../../algorithms/hotspots.py" />
            <source>{rank}. {x:.0f}, {y:.0f}{district}: {count} incidents ({share} of all), z {z}, p {p}, PAI {pai}, {label}</source>
            <translation>{rank}. {x:.0f}, {y:.0f}{district}: {count} händelser ({share} av alla), z {z}, p {p}, PAI {pai}, {label}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/scale.py" />
            <source>{rule} gave {band} m, capped at {cells} cells</source>
            <translation>{rule} gav {band} m, begränsat till {cells} celler</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>A saved style was not copied: {style}</source>
            <translation>En sparad stil kopierades inte: {style}</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>Copies a Lägesbild store into a new store: a GeoPackage into a PostgreSQL database, a PostgreSQL store into a GeoPackage, or between two of the same kind. Each store is a GeoPackage file or a PostgreSQL connection (postgresql://…?schema=NAME, or service=NAME schema=NAME). The new store gets the input's CRS, time zone and extent, and every incident with the same id, version and times, every area, measure and organisation, the whole history of changes as it was, and the styles saved with the store's layers. The copy is one transaction: if anything fails, no output is left. An existing output is never written over.</source>
            <translation>Kopierar en Lägesbild-databas till en ny databas: ett GeoPackage till en PostgreSQL-databas, en PostgreSQL-databas till ett GeoPackage, eller mellan två av samma slag. Varje databas är en GeoPackage-fil eller en PostgreSQL-anslutning (postgresql://…?schema=NAMN, eller service=NAMN schema=NAMN). Den nya databasen får indatabasens referenssystem, tidszon och utbredning, och varje händelse med samma id, version och tider, varje område, åtgärd och organisation, hela ändringshistoriken som den var, och de stilar som sparats med databasens lager. Kopieringen är en transaktion: om något misslyckas blir ingen utdata kvar. En befintlig utdata skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>Copy store</source>
            <translation>Kopiera databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>Copying {source} into {target}</source>
            <translation>Kopierar {source} till {target}</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>New store (a GeoPackage file or a PostgreSQL connection)</source>
            <translation>Ny databas (en GeoPackage-fil eller en PostgreSQL-anslutning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>Store to copy</source>
            <translation>Databas att kopiera</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>Styles copied</source>
            <translation>Kopierade stilar</translation>
        </message>
        <message>
            <location filename="../../core/store/copy.py" />
            <source>a store cannot be copied onto itself: {location}</source>
            <translation>en databas kan inte kopieras till sig själv: {location}</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>{count} saved styles copied</source>
            <translation>{count} sparade stilar kopierades</translation>
        </message>
        <message>
            <location filename="../../core/store/copy.py" />
            <source>{location} exists already: a copy is never written over a store or a file, and nothing was changed</source>
            <translation>{location} finns redan: en kopia skrivs aldrig över en databas eller en fil, och ingenting ändrades</translation>
        </message>
        <message>
            <location filename="../../core/store/copy_styles.py" />
            <source>{style}: not well-formed XML for PostgreSQL</source>
            <translation>{style}: inte välformad XML för PostgreSQL</translation>
        </message>
        <message>
            <location filename="../../core/store/copy_styles.py" />
            <source>{style}: public.layer_styles does not exist and could not be created</source>
            <translation>{style}: public.layer_styles finns inte och kunde inte skapas</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>{table}: {count} rows</source>
            <translation>{table}: {count} rader</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Coordinator</source>
            <translation>Samordnare</translation>
        </message>
        <message>
            <source>Creates a new, empty Lägesbild store: a GeoPackage, or a schema of a PostgreSQL database with PostGIS (STORE as a connection such as service=NAME schema=NAME; then also its roles), with the incidents, areas and measures layers, the category and organisation code lists, and the incident history. The CRS (default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are read (default Europe/Stockholm) are fixed when the store is created. The extent bounds where incidents may be placed (default: the CRS's area of use). An existing file is never overwritten.</source>
            <translation type="obsolete">Skapar en ny, tom Lägesbild-databas: ett GeoPackage, eller ett schema i en PostgreSQL-databas med PostGIS (STORE som en anslutning, till exempel service=NAMN schema=NAMN; då även dess roller), med lagren för händelser, områden och åtgärder, kodlistorna för kategorier och organisationer samt händelsernas historik. Referenssystemet (standard SWEREF 99 TM, EPSG:3006) och tidszonen som dagar, veckodagar och timmar läses i (standard Europe/Stockholm) bestäms när databasen skapas. Utbredningen avgränsar var händelser får placeras (standard: referenssystemets användningsområde). En befintlig fil skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Database login</source>
            <translation>Databasinloggning</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Grant access to a shared store</source>
            <translation>Ge åtkomst till en delad databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Login</source>
            <translation>Inloggning</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Makes an existing database login a reporter, coordinator or reader of a store on PostgreSQL, for one of the store's organisations. What each role may do is enforced by the database: a reporter reads every organisation's incidents and adds or changes only its own organisation's new reports; a coordinator handles, closes and deletes incidents and keeps the areas and the action plan; a reader sees the map without free text. The edit's organisation is always the login's. A new role for a login takes its old one back. The login itself (and its password) is made by the database's administrator (CREATE ROLE name LOGIN).</source>
            <translation>Gör en befintlig databasinloggning till rapportör, samordnare eller läsare i en databas i PostgreSQL, för en av databasens organisationer. Vad varje roll får göra upprätthålls av databasen: en rapportör läser alla organisationers händelser och lägger till eller ändrar bara sin egen organisations nya rapporter; en samordnare hanterar, avslutar och tar bort händelser och sköter områdena och åtgärdsplanen; en läsare ser kartan utan fritext. Ändringens organisation är alltid inloggningens. En ny roll för en inloggning tar tillbaka den gamla. Själva inloggningen (och dess lösenord) skapas av databasens administratör (CREATE ROLE namn LOGIN).</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Organisation (its code)</source>
            <translation>Organisation (dess kod)</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Reader</source>
            <translation>Läsare</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Reporter</source>
            <translation>Rapportör</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Role</source>
            <translation>Roll</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>Store (a PostgreSQL connection)</source>
            <translation>Databas (en PostgreSQL-anslutning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>{login} is now a {role} for {organisation} in {store}</source>
            <translation>{login} är nu {role} för {organisation} i {store}</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/postgis/__init__.py" />
            <source>{login} is one of the store's own roles, not a person's login</source>
            <translation>{login} är en av databasens egna roller, inte en persons inloggning</translation>
        </message>
        <message>
            <location filename="../../algorithms/grant_access.py" />
            <source>{organisation}: {problem}</source>
            <translation>{organisation}: {problem}</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Not saved: remove the personal data first.</source>
            <translation>Inte sparad: ta först bort personuppgifterna.</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Remove personal data ({found}). The situation picture is about places, never persons.</source>
            <translation>Ta bort personuppgifter ({found}). Lägesbilden handlar om platser, aldrig om personer.</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>Remove personal data?</source>
            <translation>Ta bort personuppgifter?</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>The following personal data will be removed before saving, each replaced by […]:</source>
            <translation>Följande personuppgifter tas bort innan du sparar, var och en ersatt med […]:</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>The situation picture is about places, never persons. Remove it and save?</source>
            <translation>Lägesbilden handlar om platser, aldrig om personer. Ta bort dem och spara?</translation>
        </message>
        <message>
            <location filename="../../core/domain/personal_data.py" />
            <source>holds personal data ({kinds}); the situation picture is about places, never persons: remove it</source>
            <translation>innehåller personuppgifter ({kinds}); lägesbilden handlar om platser, aldrig om personer: ta bort dem</translation>
        </message>
        <message>
            <location filename="../../core/domain/personal_data.py" />
            <source>person's name</source>
            <translation>namn på en person</translation>
        </message>
        <message>
            <location filename="../../core/store/writes.py" />
            <source>the personal data could not be removed from the incident's history: this store does not let its history be changed; nothing was written</source>
            <translation>personuppgifterna kunde inte tas bort ur händelsens historik: den här databasen tillåter inte att historiken ändras; inget sparades</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>{field}: {kinds}</source>
            <translation>{field}: {kinds}</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form_fields.py" />
            <source>{field}: “{text}” ({kind})</source>
            <translation>{field}: ”{text}” ({kind})</translation>
        </message>
        <message>
            <source>Creates a new, empty Lägesbild store: a GeoPackage, or a schema of a PostgreSQL database with PostGIS (STORE as a connection such as service=NAME schema=NAME; then also its roles), with the incidents, areas and measures layers, the category and organisation code lists, and the incident history. The CRS (default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are read (default Europe/Stockholm) are fixed when the store is created. The extent bounds where incidents may be placed (default: the CRS's area of use). The store carries the standard incident form and symbology as its incidents layer's default style, so that plain QGIS or QField opens it with the same form; LANGUAGE is the language of that form's labels (default: this QGIS's). An existing file is never overwritten.</source>
            <translation type="obsolete">Skapar en ny, tom Lägesbild-databas: ett GeoPackage, eller ett schema i en PostgreSQL-databas med PostGIS (STORE som en anslutning, till exempel service=NAMN schema=NAMN; då även dess roller), med lagren för händelser, områden och åtgärder, kodlistorna för kategorier och organisationer samt händelsernas historik. Referenssystemet (standard SWEREF 99 TM, EPSG:3006) och tidszonen som dagar, veckodagar och timmar läses i (standard Europe/Stockholm) bestäms när databasen skapas. Utbredningen avgränsar var händelser får placeras (standard: referenssystemets användningsområde). Databasen bär standardformuläret för händelser och deras symboler som händelselagrets standardstil, så att vanlig QGIS eller QField öppnar den med samma formulär; LANGUAGE är språket i formulärets etiketter (standard: denna QGIS språk). En befintlig fil skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>English</source>
            <translation>Engelska</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Language of the form in plain QGIS</source>
            <translation>Formulärets språk i vanlig QGIS</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Swedish</source>
            <translation>Svenska</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <source>The new store was given the standard form</source>
            <translation>Den nya databasen fick standardformuläret</translation>
        </message>
        <message>
            <location filename="../../ui/incident_form.py" />
            <source>The standard form could not be saved in the store: {error}</source>
            <translation>Standardformuläret kunde inte sparas i databasen: {error}</translation>
        </message>
        <message>
            <location filename="../../algorithms/copy_store.py" />
            <location filename="../../algorithms/demo_data.py" />
            <source>The store has no standard form: {error}</source>
            <translation>Databasen har inget standardformulär: {error}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>The store was created without its standard form: {error}</source>
            <translation>Databasen skapades utan sitt standardformulär: {error}</translation>
        </message>
        <message>
            <location filename="../../core/store/default_style.py" />
            <source>the standard form could not be saved in the database: public.layer_styles does not exist and this login may not create it (ask the database's administrator)</source>
            <translation>standardformuläret kunde inte sparas i databasen: public.layer_styles finns inte och denna inloggning får inte skapa den (fråga databasens administratör)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>CRS of the x and y columns (when the mapping does not name one)</source>
            <translation>Koordinatsystem för kolumnerna x och y (när mappningen inte anger något)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Columns not imported: {columns}</source>
            <translation>Kolumner som inte importeras: {columns}</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Excel (.xlsx)</source>
            <translation>Excel (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>Import incidents</source>
            <translation>Importera händelser</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Imports incidents into a store from a CSV file (comma or semicolon, UTF-8 or Windows-1252, Swedish decimal commas and dates), an Excel workbook (.xlsx), a GeoJSON or other vector file, a layer (its id or source), or a file saved from the police's open events. Columns named like the store's fields fill them, and x and y give the place in the store's CRS; a mapping file (JSON, see the README) names other columns, coordinates in another CRS and which texts are which categories. Every row is checked with the store's own rules. All or nothing (the default): one bad row and nothing is written. Skip bad rows: the good rows are written. Rows imported before (the same source and id) are skipped and counted as duplicates; summaries in the police's feed are skipped and counted. The rejected rows table lists each row not written with its line in the file (the header is line 1), the field and the reason, beside the row's own columns, so it can be fixed and imported again.</source>
            <translation>Importerar händelser till en databas från en CSV-fil (komma eller semikolon, UTF-8 eller Windows-1252, svenska decimalkomman och datum), en Excel-arbetsbok (.xlsx), en GeoJSON- eller annan vektorfil, ett lager (dess id eller källa) eller en fil sparad från polisens öppna händelser. Kolumner som heter som databasens fält fyller dem, och x och y ger platsen i databasens koordinatsystem; en mappningsfil (JSON, se README) anger andra kolumner, koordinater i ett annat koordinatsystem och vilka texter som är vilka kategorier. Varje rad kontrolleras med databasens egna regler. Allt eller inget (standard): en felaktig rad och ingenting skrivs. Hoppa över felaktiga rader: de korrekta raderna skrivs. Rader som importerats tidigare (samma källa och id) hoppas över och räknas som dubbletter; sammanfattningar i polisens flöde hoppas över och räknas. Tabellen med avvisade rader visar varje rad som inte skrevs med dess rad i filen (rubrikraden är rad 1), fältet och orsaken, bredvid radens egna kolumner, så att den kan rättas och importeras igen.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Incidents imported</source>
            <translation>Importerade händelser</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Incidents to import (a file, or a layer's id or source)</source>
            <translation>Händelser att importera (en fil, eller ett lagers id eller källa)</translation>
        </message>
        <message>
            <location filename="../../algorithms/precision.py" />
            <source>Include incidents placed only at a municipality's or county's centre</source>
            <translation>Ta med händelser som bara är placerade i en kommuns eller ett läns mittpunkt</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Line {line}: {reason}</source>
            <translation>Rad {line}: {reason}</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>Mapping (*.json)</source>
            <translation>Mappning (*.json)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Mapping file (JSON)</source>
            <translation>Mappningsfil (JSON)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Read as {encoding}, columns separated by «{delimiter}»</source>
            <translation>Läst som {encoding}, kolumner åtskilda med «{delimiter}»</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Recognise</source>
            <translation>Känn igen</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Rejected rows</source>
            <translation>Avvisade rader</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Rows imported before</source>
            <translation>Rader importerade tidigare</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Rows rejected</source>
            <translation>Avvisade rader</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>Skip the bad rows</source>
            <translation>Hoppa över felaktiga rader</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Summaries skipped</source>
            <translation>Överhoppade sammanfattningar</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>The police's open events (JSON)</source>
            <translation>Polisens öppna händelser (JSON)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>Vector file or layer</source>
            <translation>Vektorfil eller lager</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>When a row is bad</source>
            <translation>När en rad är felaktig</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <location filename="../../ui/import_dialog.py" />
            <source>Write nothing (all or nothing)</source>
            <translation>Skriv ingenting (allt eller inget)</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>a mapping is a JSON object</source>
            <translation>en mappning är ett JSON-objekt</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>a vector file</source>
            <translation>en vektorfil</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>an Excel workbook (.xlsx)</source>
            <translation>en Excel-arbetsbok (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>cannot be read as a date and time: {value}</source>
            <translation>kan inte läsas som datum och tid: {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>cannot be read as a number: {value}</source>
            <translation>kan inte läsas som ett tal: {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>categories: give each text and its codes</source>
            <translation>categories: ange varje text och dess koder</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>categories: {text} must give a category code, or a list of a category and a subcategory code</source>
            <translation>categories: {text} ska ange en kategorikod, eller en lista med en kategori- och en underkategorikod</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>categories: {text} names an unknown category: {code}</source>
            <translation>categories: {text} anger en okänd kategori: {code}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>categories: {text}: {sub} is not a subcategory of {category}</source>
            <translation>categories: {text}: {sub} är inte en underkategori till {category}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>coordinates: give the columns x and y (or lon and lat) and a crs</source>
            <translation>coordinates: ange kolumnerna x och y (eller lon och lat) och ett crs</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>defaults: give values for fields of an incident</source>
            <translation>defaults: ange värden för fält i en händelse</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>fields: give each column's name and the field it fills, as text</source>
            <translation>fields: ange varje kolumns namn och fältet den fyller, som text</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>fields: not fields of an incident: {names}</source>
            <translation>fields: inte fält i en händelse: {names}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>has more cells than the header has columns</source>
            <translation>har fler celler än rubrikraden har kolumner</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>must be one of {values}, not {value}</source>
            <translation>ska vara en av {values}, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>must be yes or no, not {value}</source>
            <translation>ska vara ja eller nej, inte {value}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>no file {path}</source>
            <translation>ingen fil {path}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>source: give a name as text</source>
            <translation>source: ange ett namn som text</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>the coordinates cannot be turned into the store's CRS</source>
            <translation>koordinaterna kan inte räknas om till databasens koordinatsystem</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>the mapping file cannot be read: {error}</source>
            <translation>mappningsfilen kan inte läsas: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>the mapping file is not valid JSON: {error}</source>
            <translation>mappningsfilen är inte giltig JSON: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>the mapping names an unknown CRS: {crs}</source>
            <translation>mappningen anger ett okänt koordinatsystem: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store/import_keys.py" />
            <source>the same row as line {line}</source>
            <translation>samma rad som rad {line}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>unknown keys in the mapping: {keys}</source>
            <translation>okända nycklar i mappningen: {keys}</translation>
        </message>
        <message>
            <location filename="../../core/store/import_keys.py" />
            <source>was imported before; it is in the store already</source>
            <translation>importerades tidigare; den finns redan i databasen</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/convert.py" />
            <source>{column} cannot be read as a number: {value}</source>
            <translation>{column} kan inte läsas som ett tal: {value}</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>{count} rows have problems: nothing was written. Fix them (see the rejected rows) or choose to skip the bad rows.</source>
            <translation>{count} rader har fel: ingenting skrevs. Rätta dem (se de avvisade raderna) eller välj att hoppa över felaktiga rader.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>{count} rows read from {name}</source>
            <translation>{count} rader lästa från {name}</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>{imported} incidents imported, {duplicates} rows imported before, {rejected} rows rejected, {summaries} summaries skipped</source>
            <translation>{imported} händelser importerade, {duplicates} rader importerade tidigare, {rejected} rader avvisade, {summaries} sammanfattningar överhoppade</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_incidents.py" />
            <source>{input} is neither a file nor a vector layer</source>
            <translation>{input} är varken en fil eller ett vektorlager</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/csvfile.py" />
            <source>{name} cannot be read as CSV after line {line}: {error}</source>
            <translation>{name} kan inte läsas som CSV efter rad {line}: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/csvfile.py" />
            <source>{name} cannot be read as CSV: {error}</source>
            <translation>{name} kan inte läsas som CSV: {error}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>{name} cannot be read as {what}</source>
            <translation>{name} kan inte läsas som {what}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>{name} has no layer {layer}</source>
            <translation>{name} har inget lager {layer}</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/csvfile.py" />
            <source>{name} is empty</source>
            <translation>{name} är tom</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/readers.py" />
            <source>{name} is not a file of the police's open events (a JSON list of events with id, datetime, name, type and location)</source>
            <translation>{name} är ingen fil med polisens öppna händelser (en JSON-lista med händelser med id, datetime, name, type och location)</translation>
        </message>
        <message>
            <location filename="../../algorithms/precision.py" />
            <source>{n} incidents placed only at a municipality's or county's centre are included</source>
            <translation>{n} händelser som bara är placerade i en kommuns eller ett läns mittpunkt är med</translation>
        </message>
        <message>
            <location filename="../../algorithms/precision.py" />
            <source>{n} incidents placed only at a municipality's or county's centre were left out (INCLUDE_LOW_PRECISION includes them)</source>
            <translation>{n} händelser som bara är placerade i en kommuns eller ett läns mittpunkt lämnades utanför (INCLUDE_LOW_PRECISION tar med dem)</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>A GeoPackage store (Open store…), or a shared store on PostgreSQL typed as a connection, such as service=trygghet schema=lagesbild or postgresql://user@host/database?schema=lagesbild, or one of QGIS's saved connections (Server…); the password comes from QGIS's authentication database (authcfg=…), PGPASSWORD, ~/.pgpass or the service file, never from here</source>
            <translation>En databas i GeoPackage (Öppna databas…), eller en delad databas i PostgreSQL skriven som en anslutning, till exempel service=trygghet schema=lagesbild eller postgresql://användare@värd/databas?schema=lagesbild, eller en av QGIS sparade anslutningar (Server…); lösenordet kommer från QGIS autentiseringsdatabas (authcfg=…), PGPASSWORD, ~/.pgpass eller servicefilen, aldrig härifrån</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>A shared store on PostgreSQL, in one of the connections saved in QGIS (Data Source Manager); the password comes from QGIS's authentication database or libpq, never from the plugin</source>
            <translation>En delad databas i PostgreSQL, i en av de anslutningar som sparats i QGIS (Datakällshanteraren); lösenordet kommer från QGIS autentiseringsdatabas eller libpq, aldrig från insticksprogrammet</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>No saved PostgreSQL connection: add one in QGIS's Data Source Manager</source>
            <translation>Ingen sparad PostgreSQL-anslutning: lägg till en i QGIS Datakällshanterare</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>Server…</source>
            <translation>Server…</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>Store on {name}</source>
            <translation>Databas på {name}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/layers.py" />
            <source>The map cannot show this filter: the layer {layer} refused it, so it still shows the earlier filter. The numbers below are right.</source>
            <translation>Kartan kan inte visa det här filtret: lagret {layer} vägrade det, så det visar fortfarande det tidigare filtret. Siffrorna nedan stämmer.</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>The store's schema</source>
            <translation>Databasens schema</translation>
        </message>
        <message>
            <location filename="../../core/store/qgis_connections.py" />
            <source>there is no saved PostgreSQL connection named {name} in QGIS</source>
            <translation>det finns ingen sparad PostgreSQL-anslutning med namnet {name} i QGIS</translation>
        </message>
        <message>
            <location filename="../../core/store/copy.py" />
            <source>{location} appeared while the copy was made: a copy is never written over a file, and nothing was changed</source>
            <translation>{location} dök upp medan kopian gjordes: en kopia skrivs aldrig över en fil, och ingenting ändrades</translation>
        </message>
        <message>
            <location filename="../../core/store/qgis_connections.py" />
            <source>{location}: the QGIS authentication configuration {authcfg} could not be read (is it there, and is QGIS's master password entered?)</source>
            <translation>{location}: QGIS autentiseringskonfiguration {authcfg} kunde inte läsas (finns den, och är QGIS huvudlösenord angivet?)</translation>
        </message>
        <message>
            <location filename="../../core/store/qgis_connections.py" />
            <source>{location}: the QGIS authentication configuration {authcfg} is of kind {method}; a store needs a Basic one (user name and password)</source>
            <translation>{location}: QGIS autentiseringskonfiguration {authcfg} är av typen {method}; en databas behöver en av typen Basic (användarnamn och lösenord)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>1 day</source>
            <translation>1 dag</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>At the same place, within {days}, it is {ratio} times the expected.</source>
            <translation>På samma plats, inom {days}, är den {ratio} gånger den förväntade.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Consecutive cold spot</source>
            <translation>Sammanhängande coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Consecutive hot spot</source>
            <translation>Sammanhängande hotspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Diminishing cold spot</source>
            <translation>Avtagande coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Diminishing hot spot</source>
            <translation>Avtagande hotspot</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Distance</source>
            <translation>Avstånd</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Distance band edges (metres, from 0)</source>
            <translation>Avståndsbandens gränser (meter, från 0)</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Does one incident raise the risk of another nearby soon after? Every pair of incidents falls in a distance band and a time band. DISTANCE_BANDS are edges in metres (0,100,200 gives the bands same location, 0–100 m without the same location, 100–200 m, and 200 m or more); TIME_BANDS are edges in days (0,7,14 gives 0–6 days, 7–13 days and 14 days or more). A band includes its lower edge and excludes its upper one; days are whole calendar days apart in the time zone. For every distance band and time band the output gives the observed pairs, the expected pairs if time and place were unrelated (pairs in the distance band × pairs in the time band / all pairs, the mean over all permutations of the times among the places), the Knox ratio (observed / expected) and the p-value of a Monte Carlo test with PERMUTATIONS permutations of the times among the places ((1 + permutations with at least as many pairs) / (PERMUTATIONS + 1)). The same SEED gives the same p-values; the other numbers do not depend on it. The log and the HTML output name the near-repeat window: the largest block of bands next to the incident in which every band has a ratio above 1 at p &lt; 0.05. The bands of the Near Repeat Calculator are labelled one unit off: its "8 to 14 days" is 7–13 days here.</source>
            <translation>Ökar en händelse risken för en till i närheten strax efter? Varje par av händelser hamnar i ett avståndsband och ett tidsband. DISTANCE_BANDS är gränser i meter (0,100,200 ger banden samma plats, 0–100 m utom samma plats, 100–200 m och 200 m eller mer); TIME_BANDS är gränser i dagar (0,7,14 ger 0–6 dagar, 7–13 dagar och 14 dagar eller fler). Ett band innehåller sin nedre gräns men inte sin övre; dagar räknas som hela kalenderdagar isär i tidszonen. För varje avståndsband och tidsband ger utdata de observerade paren, de förväntade paren om tid och plats vore oberoende (par i avståndsbandet × par i tidsbandet / alla par, medelvärdet över alla permutationer av tiderna mellan platserna), Knox-kvoten (observerade / förväntade) och p-värdet i ett Monte Carlo-test med PERMUTATIONS permutationer av tiderna mellan platserna ((1 + permutationer med minst lika många par) / (PERMUTATIONS + 1)). Samma SEED ger samma p-värden; de andra talen beror inte på det. Loggen och HTML-utdata namnger närupprepningsfönstret: det största blocket av band närmast händelsen där varje band har en kvot över 1 vid p &lt; 0,05. Near Repeat Calculators band är märkta en enhet fel: dess "8 to 14 days" är 7–13 dagar här.</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Earlier steps that count as neighbours</source>
            <translation>Tidigare steg som räknas som grannar</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Emerging hot spots</source>
            <translation>Framväxande hotspots</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Emerging hot spots (space-time trends)</source>
            <translation>Framväxande hotspots (trender i rum och tid)</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Euclidean (straight line)</source>
            <translation>Euklidiskt (fågelvägen)</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Historical cold spot</source>
            <translation>Historisk coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Historical hot spot</source>
            <translation>Historisk hotspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Intensifying cold spot</source>
            <translation>Förstärkt coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Intensifying hot spot</source>
            <translation>Förstärkt hotspot</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Is a place getting worse? Counts the incidents of every grid cell in every TIME_STEP (week, month or quarter of local dates), computes Getis-Ord Gi* for every cell and step over its neighbours within the distance band in that step and the TIME_NEIGHBOURS steps before it, marks each step's hot and cold spots at 90 % confidence after the Benjamini–Hochberg correction, tests the trend of each cell's z-scores (and of its counts) with Mann–Kendall, and gives each cell one pattern: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or historical hot (or cold) spot, or no pattern, by the rules of ArcGIS Pro's Emerging Hot Spot Analysis (90 % of the steps, the final step, trend p &lt; 0.05; the README states each rule). Grid, cell size, band and study area as in the hotspot algorithm. OUTPUT: the cells with pattern, label, trend_z and trend_p (Mann–Kendall of the counts), share_hot_steps, steps_hot and count_total. OUTPUT_CUBE: one row per cell and step with its count, gi_z and gi_bin.</source>
            <translation>Blir en plats sämre? Räknar händelserna i varje rutnätscell i varje TIME_STEP (vecka, månad eller kvartal av lokala datum), beräknar Getis-Ord Gi* för varje cell och steg över dess grannar inom avståndsbandet i samma steg och de TIME_NEIGHBOURS stegen före, markerar varje stegs hotspots och coldspots med 90 % konfidens efter Benjamini–Hochberg-korrektionen, testar trenden i varje cells z-värden (och i dess antal) med Mann–Kendall och ger varje cell ett mönster: ny, sammanhängande, förstärkt, ihållande, avtagande, sporadisk, växlande eller historisk hotspot (eller coldspot), eller inget mönster, enligt reglerna i ArcGIS Pros Emerging Hot Spot Analysis (90 % av stegen, sista steget, trend p &lt; 0,05; README anger varje regel). Rutnät, cellstorlek, band och studieområde som i hotspot-algoritmen. OUTPUT: cellerna med pattern, label, trend_z och trend_p (Mann–Kendall för antalen), share_hot_steps, steps_hot och count_total. OUTPUT_CUBE: en rad per cell och steg med dess antal, gi_z och gi_bin.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>Knox ratio (observed pairs / expected pairs) of {n} incidents ({pairs} pairs), {metric} distance, {permutations} permutations of the times among the places. Dark red: p &lt; 0.01, light red: p &lt; 0.05. A distance band includes its lower edge and excludes its upper one; the band from 0 excludes the same location. Days are whole calendar days apart.</source>
            <translation>Knox-kvot (observerade par / förväntade par) för {n} händelser ({pairs} par), avstånd {metric}, {permutations} permutationer av tiderna mellan platserna. Mörkröd: p &lt; 0,01, ljusröd: p &lt; 0,05. Ett avståndsband innehåller sin nedre gräns men inte sin övre; bandet från 0 innehåller inte samma plats. Dagar räknas som hela kalenderdagar isär.</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Knox table</source>
            <translation>Knox-tabell</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Knox table (HTML)</source>
            <translation>Knox-tabell (HTML)</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Manhattan (along a grid)</source>
            <translation>Manhattan (längs ett rutnät)</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Month</source>
            <translation>Månad</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Near repeats (Knox test)</source>
            <translation>Närupprepningar (Knox-test)</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Near repeats: {source}</source>
            <translation>Närupprepningar: {source}</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Near-repeat window: Knox ratio</source>
            <translation>Närupprepningsfönster: Knox-kvot</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Near-repeat window: days</source>
            <translation>Närupprepningsfönster: dagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Near-repeat window: metres</source>
            <translation>Närupprepningsfönster: meter</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>New cold spot</source>
            <translation>Ny coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>New hot spot</source>
            <translation>Ny hotspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>No near-repeat pattern: no band near in space and time has significantly more pairs of incidents than expected (p &lt; 0.05).</source>
            <translation>Inget mönster av närupprepningar: inget band nära i rum och tid har signifikant fler par av händelser än förväntat (p &lt; 0,05).</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>No pattern</source>
            <translation>Inget mönster</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Oscillating cold spot</source>
            <translation>Växlande coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Oscillating hot spot</source>
            <translation>Växlande hotspot</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Permutations</source>
            <translation>Permutationer</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Persistent cold spot</source>
            <translation>Ihållande coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Persistent hot spot</source>
            <translation>Ihållande hotspot</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Quarter</source>
            <translation>Kvartal</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>Same location</source>
            <translation>Samma plats</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Space-time cube</source>
            <translation>Kub i rum och tid</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Sporadic cold spot</source>
            <translation>Sporadisk coldspot</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>Sporadic hot spot</source>
            <translation>Sporadisk hotspot</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>Time band edges (days, from 0)</source>
            <translation>Tidsbandens gränser (dagar, från 0)</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Time step</source>
            <translation>Tidssteg</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Week</source>
            <translation>Vecka</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>Whole steps only, the first beginning {first} and the last {last}; incidents outside them are left out.</source>
            <translation>Endast hela steg, det första med början {first} och det sista {last}; händelser utanför dem lämnas utanför.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>Within {distance} m and {days} of an incident, the risk of another is {ratio} times the expected.</source>
            <translation>Inom {distance} m och {days} från en händelse är risken för ännu en {ratio} gånger den förväntade.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>an emerging hot spot analysis needs at least 2 time steps: choose a longer period or a shorter step</source>
            <translation>en analys av framväxande hotspots behöver minst 2 tidssteg: välj en längre period eller ett kortare steg</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>distance band edges</source>
            <translation>avståndsbandens gränser</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>every cell has the same count in every step, so nothing stands out: choose smaller cells, longer steps or more incidents</source>
            <translation>varje cell har samma antal i varje steg, så inget sticker ut: välj mindre celler, längre steg eller fler händelser</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>give at least 1 permutation, not {n}</source>
            <translation>ange minst 1 permutation, inte {n}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>no incident has a time: nothing to analyse</source>
            <translation>ingen händelse har en tid: inget att analysera</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>the near-repeat analysis needs at least two incidents with a time, not {n}</source>
            <translation>analysen av närupprepningar behöver minst två händelser med en tid, inte {n}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>the near-repeat analysis was cancelled</source>
            <translation>analysen av närupprepningar avbröts</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>the number of earlier steps that count as neighbours cannot be negative</source>
            <translation>antalet tidigare steg som räknas som grannar kan inte vara negativt</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>the {what} must be numbers separated by commas, such as 0,7,14, not {text!r}</source>
            <translation>{what} måste vara tal åtskilda med kommatecken, till exempel 0,7,14, inte {text!r}</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>the {what} must start at 0 and grow, with at least two numbers, such as 0,7,14; not {text!r}</source>
            <translation>{what} måste börja på 0 och växa, med minst två tal, till exempel 0,7,14; inte {text!r}</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>time band edges</source>
            <translation>tidsbandens gränser</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox.py" />
            <source>unknown distance metric {metric!r}: use euclidean or manhattan</source>
            <translation>okänt avståndsmått {metric!r}: använd euclidean eller manhattan</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/emerging.py" />
            <source>unknown time step {step!r}: use week, month or quarter</source>
            <translation>okänt tidssteg {step!r}: använd week, month eller quarter</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{days} days</source>
            <translation>{days} dagar</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{first} days</source>
            <translation>{first} dagar</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{first} days or more</source>
            <translation>{first} dagar eller fler</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{first}–{last} days</source>
            <translation>{first}–{last} dagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>{label}: {n} cells</source>
            <translation>{label}: {n} celler</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{low} m or more</source>
            <translation>{low} m eller mer</translation>
        </message>
        <message>
            <location filename="../../algorithms/emerging_hotspots.py" />
            <source>{n} incidents in {cells} cells of {size} m over {steps} steps ({step}); distance band {band} m.</source>
            <translation>{n} händelser i {cells} celler om {size} m under {steps} steg ({step}); avståndsband {band} m.</translation>
        </message>
        <message>
            <location filename="../../algorithms/near_repeat.py" />
            <source>{n} incidents with a time; days counted in {zone}.</source>
            <translation>{n} händelser med en tid; dagarna räknas i {zone}.</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>{observed} of {expected} expected, {p}</source>
            <translation>{observed} mot {expected} förväntade, {p}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>No EXTENT given: incidents may lie anywhere in the CRS's area of use</source>
            <translation>Ingen EXTENT angiven: händelser får ligga var som helst inom referenssystemets användningsområde</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/bounds.py" />
            <source>a cell size of {size:g} m over an area of {width:,.0f} × {height:,.0f} m gives {cells} cells and would need about {memory} of memory; at most {limit} cells are analysed: choose a cell size of at least {smallest:,.0f} m</source>
            <translation>en cellstorlek på {size:g} m över ett område på {width:,.0f} × {height:,.0f} m ger {cells} celler och skulle kräva omkring {memory} minne; högst {limit} celler analyseras: välj en cellstorlek på minst {smallest:,.0f} m</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>a date or number given is too large to compute with ({reason}): check the period (years up to 9998) and the sizes given</source>
            <translation>ett angivet datum eller tal är för stort att räkna med ({reason}): kontrollera perioden (år till och med 9998) och de angivna storlekarna</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/bounds.py" />
            <source>a distance band of {band:,.0f} m is wider than the whole area analysed ({diagonal:,.0f} m from corner to corner): every cell would be a neighbour of every other and no hot or cold spot could be found; choose a band smaller than {diagonal:,.0f} m, or 0 to have it chosen</source>
            <translation>ett avståndsband på {band:,.0f} m är bredare än hela det analyserade området ({diagonal:,.0f} m från hörn till hörn): varje cell skulle vara granne med alla andra och ingen het eller kall fläck kunde hittas; välj ett band mindre än {diagonal:,.0f} m, eller 0 för att låta det väljas</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/bounds.py" />
            <source>a distance band of {band:,.0f} m with cells of {size:g} m would need about {memory} of memory, more than the {limit} an analysis may use: choose a smaller band or a larger cell size</source>
            <translation>ett avståndsband på {band:,.0f} m med celler på {size:g} m skulle kräva omkring {memory} minne, mer än de {limit} en analys får använda: välj ett mindre band eller en större cellstorlek</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>holds an invisible control character (such as NUL, often left by copying from another program); remove it and save again</source>
            <translation>innehåller ett osynligt styrtecken (till exempel NUL, ofta kvar efter kopiering från ett annat program); ta bort det och spara igen</translation>
        </message>
        <message>
            <location filename="../../core/domain/validation.py" />
            <source>must be a finite number, not {value}</source>
            <translation>måste vara ett ändligt tal, inte {value}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>the EXTENT {extent!r} is empty or cannot be read: give the area incidents may lie in as xmin,xmax,ymin,ymax [EPSG:3006], or leave EXTENT out for the CRS's whole area of use</source>
            <translation>EXTENT {extent!r} är tom eller kan inte läsas: ange området där händelser får ligga som xmin,xmax,ymin,ymax [EPSG:3006], eller utelämna EXTENT för referenssystemets hela användningsområde</translation>
        </message>
        <message>
            <location filename="../../algorithms/common.py" />
            <source>the TIME_FIELD {name} holds no dates and times: choose one of {fields}</source>
            <translation>TIME_FIELD {name} innehåller inga datum och tider: välj ett av {fields}</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>the analysis needs more memory than this computer has: choose a larger cell size, a smaller distance band or a smaller area</source>
            <translation>analysen behöver mer minne än den här datorn har: välj en större cellstorlek, ett mindre avståndsband eller ett mindre område</translation>
        </message>
        <message>
            <location filename="../../algorithms/common.py" />
            <source>the day {day} lies outside the days that can be analysed ({low} to {high}): check PERIOD_START and PERIOD_END</source>
            <translation>dagen {day} ligger utanför de dagar som kan analyseras ({low} till {high}): kontrollera PERIOD_START och PERIOD_END</translation>
        </message>
        <message>
            <location filename="../../algorithms/common.py" />
            <source>the layer's date fields</source>
            <translation>lagrets datumfält</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/connection.py" />
            <source>the store is busy: another program has been writing to it for {seconds} s; try again, or close the other program's edit session</source>
            <translation>databasen är upptagen: ett annat program har skrivit till den i {seconds} s; försök igen, eller avsluta redigeringen i det andra programmet</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/connection.py" />
            <source>the store {path} is damaged and cannot be read ({reason}); nothing was changed: restore the file from a backup, or check it with lagesbild:verifystore</source>
            <translation>databasen {path} är skadad och kan inte läsas ({reason}); inget ändrades: återställ filen från en säkerhetskopia, eller kontrollera den med lagesbild:verifystore</translation>
        </message>
        <message>
            <location filename="../../core/store/backends/gpkg/__init__.py" />
            <source>{path} is not a GeoPackage, or is damaged ({reason})</source>
            <translation>{path} är inte en GeoPackage, eller är skadad ({reason})</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source> Run again with REPAIR=true to restore missing or altered triggers.</source>
            <translation> Kör igen med REPAIR=true för att återställa saknade eller ändrade triggrar.</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>Checks that a store is whole: the file itself (a GeoPackage's integrity check), its schema version, its audit triggers (present, enabled and as this version of the plugin makes them) and the history's hash chain (no history row changed, removed or moved after it was sealed). History rows written by other programs are sealed into the chain. The report lists every problem in words and ends with the last sealed row's number and hash: note them outside the store, and a later rewrite of the whole chain shows. With Repair, missing or altered triggers are restored and the repair is recorded in the history; a break in the chain is evidence and is never repaired. The algorithm fails (a non-zero exit from qgis_process) while any problem remains.</source>
            <translation>Kontrollerar att en databas är hel: själva filen (en GeoPackages integritetskontroll), dess schemaversion, dess granskningstriggrar (att de finns, är påslagna och ser ut som denna version av tillägget gör dem) och historikens hashkedja (ingen historikrad ändrad, borttagen eller flyttad efter att den förseglats). Historikrader som andra program skrivit förseglas in i kedjan. Rapporten räknar upp varje problem i ord och slutar med den senast förseglade radens nummer och hash: anteckna dem utanför databasen, så syns det om hela kedjan senare skrivs om. Med Reparera återställs saknade eller ändrade triggrar och reparationen skrivs in i historiken; ett brott i kedjan är ett bevis och repareras aldrig. Algoritmen misslyckas (qgis_process avslutas med en felkod) så länge något problem finns kvar.</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>History rows sealed now</source>
            <translation>Historikrader förseglade nu</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>History rows sealed now: {count}</source>
            <translation>Historikrader förseglade nu: {count}</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>Last sealed history row: number {seq}, hash {hash} (note it outside the store to detect a rewritten chain later)</source>
            <translation>Senast förseglade historikrad: nummer {seq}, hash {hash} (anteckna den utanför databasen för att senare kunna upptäcka en omskriven kedja)</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>Problems</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>Problems repaired</source>
            <translation>Reparerade problem</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>Problems: {count}</source>
            <translation>Problem: {count}</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>Repair: restore missing or altered triggers</source>
            <translation>Reparera: återställ saknade eller ändrade triggrar</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>Repaired: {count}</source>
            <translation>Reparerat: {count}</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>Verify store</source>
            <translation>Kontrollera databas</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>history row {fid} ({field} of incident {uuid})</source>
            <translation>historikrad {fid} ({field} för händelse {uuid})</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>history rows sealed as numbers {first} to {last} are missing: they were deleted</source>
            <translation>historikrader förseglade som nummer {first} till {last} saknas: de har tagits bort</translation>
        </message>
        <message>
            <source>the file is damaged (SQLite's integrity check: {lines}); restore it from a backup</source>
            <translation type="obsolete">filen är skadad (SQLites integritetskontroll: {lines}); återställ den från en säkerhetskopia</translation>
        </message>
        <message>
            <source>the file is damaged ({error}); restore it from a backup</source>
            <translation type="obsolete">filen är skadad ({error}); återställ den från en säkerhetskopia</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>the store has schema version {version}, this plugin's is {current}: open it once with the plugin to migrate it, then verify it again</source>
            <translation>databasen har schemaversion {version}, tilläggets är {current}: öppna den en gång med tillägget så att den uppgraderas, och kontrollera den sedan igen</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>the store's record of its last seal ({recorded}) does not name the last sealed history row ({last}): sealed rows at the end were deleted, or the record was changed</source>
            <translation>databasens anteckning om sin senaste försegling ({recorded}) pekar inte ut den senast förseglade historikraden ({last}): förseglade rader i slutet har tagits bort, eller anteckningen har ändrats</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>the trigger {name} is missing</source>
            <translation>triggern {name} saknas</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>the trigger {name} is not one of this version's</source>
            <translation>triggern {name} hör inte till denna version</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>the trigger {name} was altered or disabled</source>
            <translation>triggern {name} har ändrats eller stängts av</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{count} history rows have a hash but no seal number: their seal was removed</source>
            <translation>{count} historikrader har en hash men inget förseglingsnummer: deras försegling har tagits bort</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{count} unsealed history rows are older than sealed ones: their seal was removed</source>
            <translation>{count} oförseglade historikrader är äldre än förseglade: deras försegling har tagits bort</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{row} has lost its text seal</source>
            <translation>{row} har förlorat sin textförsegling</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{row} repeats seal number {seq}: a row was copied or renumbered</source>
            <translation>{row} upprepar förseglingsnummer {seq}: en rad har kopierats eller numrerats om</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{row}, sealed as number {seq}, does not fit the hash chain: it was changed, or a row before it was removed or moved</source>
            <translation>{row}, förseglad som nummer {seq}, passar inte i hashkedjan: den har ändrats, eller en rad före den har tagits bort eller flyttats</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{row}: its text was changed after it was sealed</source>
            <translation>{row}: dess text har ändrats efter förseglingen</translation>
        </message>
        <message>
            <location filename="../../core/store/chain.py" />
            <source>{row}: its text was written again after it was blanked</source>
            <translation>{row}: dess text har skrivits in igen efter att den tömts</translation>
        </message>
        <message>
            <location filename="../../algorithms/verify_store.py" />
            <source>{store} is not whole: {count} problems. {problems}{hint}</source>
            <translation>{store} är inte hel: {count} problem. {problems}{hint}</translation>
        </message>
        <message>
            <location filename="../../core/store/verify.py" />
            <source>{store}: the store's audit triggers are missing or altered ({names}), so changes would escape its history; it is not opened for writing. Check and repair it with the Processing algorithm lagesbild:verifystore with REPAIR=true (it restores the triggers and records the repair in the history)</source>
            <translation>{store}: databasens granskningstriggrar saknas eller har ändrats ({names}), så ändringar skulle hamna utanför historiken; den öppnas inte för skrivning. Kontrollera och reparera den med Processing-algoritmen lagesbild:verifystore med REPAIR=true (den återställer triggrarna och skriver in reparationen i historiken)</translation>
        </message>
        <message>
            <location filename="../../core/store/lifecycle.py" />
            <source>the history's new rows could not be sealed yet: {error}</source>
            <translation>historikens nya rader kunde inte förseglas ännu: {error}</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Areas of the kind</source>
            <translation>Områden av slaget</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>Blanked now.</source>
            <translation>Tömda nu.</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>Blanks the free texts (place name, description, handling note) of incidents that were closed more than the store's retention period ago (the store's setting retention_months, 24 months unless changed; MONTHS overrides it for this run), in the incidents and in every history row that holds them. Categories, places, times and counts stay for the statistics. An incident was closed when its status last became closed in the history (else at its last update). The history keeps one retention row per incident saying what was blanked, and its hash chain stays whole. With Dry run (the default) it only reports what would be blanked and writes nothing. On PostgreSQL only the store's owner may run it for real.</source>
            <translation>Tömmer fritexterna (platsnamn, beskrivning, handläggningsanteckning) i händelser som stängdes för längre sedan än databasens gallringstid (databasens inställning retention_months, 24 månader om den inte ändrats; MONTHS gäller i stället för den här körningen), i händelserna och i varje historikrad som innehåller dem. Kategorier, platser, tider och antal står kvar för statistiken. En händelse stängdes när dess status senast blev stängd i historiken (annars vid dess senaste ändring). Historiken får en gallringsrad per händelse som säger vad som tömdes, och dess hashkedja förblir hel. Med Provkörning (standard) rapporteras bara vad som skulle tömmas och inget skrivs. I PostgreSQL får bara databasens ägare köra den på riktigt.</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Cell size (metres, for grid cells)</source>
            <translation>Cellstorlek (meter, för rutnätsceller)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Counts of the store's incidents in a period per zone (the store's areas, or square grid cells) and per category, for open data or the municipality's web site: one row per zone and category (zone, category, count, suppressed), each zone's total (category = total), each category's total (zone = total) and the grand total. An incident inside two overlapping areas counts in both (choose districts to count each once). Nothing else leaves the store: no free text, no organisation, no time, no incident's point. Every count from 1 to MIN_COUNT − 1 is suppressed (count empty, suppressed true) and so is every further count needed so that no suppressed count can be worked out from the totals beside it; zeros are published. Incidents placed only at a municipality's or county's centre lie in no zone and are left out (counted in the log). The rule is written beside the output, in a text file named like it with .about.txt added, and in a GeoPackage's layer description.</source>
            <translation>Antal händelser i databasen under en period per zon (databasens områden eller kvadratiska rutnätsceller) och per kategori, för öppna data eller kommunens webbplats: en rad per zon och kategori (zone, category, count, suppressed), varje zons summa (category = total), varje kategoris summa (zone = total) och totalsumman. En händelse inom två överlappande områden räknas i båda (välj stadsdelar för att räkna var och en en gång). Inget annat lämnar databasen: ingen fritext, ingen organisation, ingen tid, ingen händelses punkt. Varje antal från 1 till MIN_COUNT − 1 döljs (count tomt, suppressed sant), och likaså varje ytterligare antal som behövs för att inget dolt antal ska kunna räknas ut ur summorna bredvid; nollor publiceras. Händelser som bara är placerade i en kommuns eller ett läns mittpunkt ligger i ingen zon och utelämnas (antalet står i loggen). Regeln skrivs bredvid resultatet, i en textfil med samma namn och .about.txt tillagt, och i ett GeoPackage-lagers beskrivning.</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Counts suppressed</source>
            <translation>Dolda antal</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Districts</source>
            <translation>Stadsdelar</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>Dry run: nothing was written.</source>
            <translation>Provkörning: inget skrevs.</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>Dry run: report only, write nothing</source>
            <translation>Provkörning: rapportera bara, skriv inget</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Focus areas</source>
            <translation>Fokusområden</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>History rows holding their texts</source>
            <translation>Historikrader som innehåller deras texter</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>History rows holding these texts: {count}</source>
            <translation>Historikrader som innehåller dessa texter: {count}</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>Incidents blanked (or to blank)</source>
            <translation>Händelser som tömts (eller ska tömmas)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Incidents left out (no zone)</source>
            <translation>Utelämnade händelser (ingen zon)</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Incidents per zone and category from {start} to {end} (whole days in the store's time zone).</source>
            <translation>Händelser per zon och kategori från {start} till {end} (hela dygn i databasens tidszon).</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>Incidents: {count}</source>
            <translation>Händelser: {count}</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Left out: {count} incidents placed only at a municipality's or county's centre (they lie in no zone).</source>
            <translation>Utelämnade: {count} händelser som bara är placerade i en kommuns eller ett läns mittpunkt (de ligger i ingen zon).</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Publish counts (small counts suppressed)</source>
            <translation>Publicera antal (små antal dolda)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Published counts</source>
            <translation>Publicerade antal</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>Retention period in months (empty: the store's setting)</source>
            <translation>Gallringstid i månader (tomt: databasens inställning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/retention.py" />
            <source>Retention: blank old free texts</source>
            <translation>Gallring: töm gamla fritexter</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>Retention: free texts of incidents closed before {cutoff} (more than {months} months ago)</source>
            <translation>Gallring: fritexter i händelser stängda före {cutoff} (för mer än {months} månader sedan)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Smallest count published (smaller ones are suppressed)</source>
            <translation>Minsta antal som publiceras (mindre döljs)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Square grid cells</source>
            <translation>Kvadratiska rutnätsceller</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Suppression: every count from 1 to {below} is suppressed (count empty, suppressed = true), totals too; zeros are published. Then further counts are suppressed so that no suppressed count can be worked out from the row, column and grand totals published beside it: every row and column with a suppressed count has at least two, whose sum is at least {least} where the row's or column's total is published, and none is the only link between other suppressed counts. Every suppressed count could be at least one higher or lower with every published number unchanged.</source>
            <translation>Döljande: varje antal från 1 till {below} döljs (count tomt, suppressed = true), summor också; nollor publiceras. Därefter döljs ytterligare antal så att inget dolt antal kan räknas ut ur rad-, kolumn- och totalsummorna som publiceras bredvid: varje rad och kolumn med ett dolt antal har minst två, vars summa är minst {least} där radens eller kolumnens summa publiceras, och inget är den enda länken mellan andra dolda antal. Varje dolt antal skulle kunna vara minst ett högre eller lägre utan att något publicerat tal ändras.</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Suppression: none (the smallest count to publish is 1).</source>
            <translation>Döljande: inget (minsta antal som publiceras är 1).</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>The rule and what was left out (text)</source>
            <translation>Regeln och vad som utelämnades (text)</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>The store's areas</source>
            <translation>Databasens områden</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Totals: category = 'total' is a zone's total, zone = 'total' a category's total; they are the sums of the zones' rows.</source>
            <translation>Summor: category = 'total' är en zons summa, zone = 'total' en kategoris summa; de är summorna av zonernas rader.</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>Zones</source>
            <translation>Zoner</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Zones: square cells of {size:g} m anchored at the CRS's origin, named by size and south-west corner; cells without incidents are not listed.</source>
            <translation>Zoner: kvadratiska celler på {size:g} m förankrade i koordinatsystemets origo, namngivna efter storlek och sydvästra hörn; celler utan händelser listas inte.</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>Zones: the store's areas; {outside} incidents of the period lie in no area; {several} lie in more than one and count in each.</source>
            <translation>Zoner: databasens områden; {outside} händelser under perioden ligger i inget område; {several} ligger i flera och räknas i vart och ett.</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>give the period: PERIOD_START and PERIOD_END</source>
            <translation>ange perioden: PERIOD_START och PERIOD_END</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>group by area or by grid cell, not {name}</source>
            <translation>gruppera efter område eller rutnätscell, inte {name}</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>incidents hold categories that are not in the store's code list: {codes}</source>
            <translation>händelser har kategorier som inte finns i databasens kodlista: {codes}</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>only the store's owner may apply the retention rule: blanking texts in the history is the owner's alone; nothing was written</source>
            <translation>bara databasens ägare får tillämpa gallringsregeln: att tömma texter i historiken får bara ägaren göra; inget skrevs</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>the area {name} is named twice: its first area (by fid) is counted, as the store's area filter does</source>
            <translation>området {name} finns två gånger: dess första område (efter fid) räknas, som databasens områdesfilter gör</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>the cell size must be at least {least} metres, not {size}</source>
            <translation>cellstorleken måste vara minst {least} meter, inte {size}</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>the cell size {size} is too small for these coordinates</source>
            <translation>cellstorleken {size} är för liten för dessa koordinater</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>the retention period must be a whole number of months from 1 to {most}, not {months}</source>
            <translation>gallringstiden måste vara ett helt antal månader från 1 till {most}, inte {months}</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>the smallest count to publish must be at least 1, not {count}</source>
            <translation>minsta antal som publiceras måste vara minst 1, inte {count}</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>the store did not let every history row be blanked; nothing was written</source>
            <translation>databasen lät inte alla historikrader tömmas; inget skrevs</translation>
        </message>
        <message>
            <location filename="../../core/store/publish.py" />
            <source>the store has no areas of the kind chosen: add them, choose another kind, or group by grid cell</source>
            <translation>databasen har inga områden av det valda slaget: lägg till dem, välj ett annat slag eller gruppera efter rutnätscell</translation>
        </message>
        <message>
            <location filename="../../algorithms/publish_aggregates.py" />
            <source>{count} incidents placed only at a municipality's or county's centre were left out: they lie in no zone</source>
            <translation>{count} händelser som bara är placerade i en kommuns eller ett läns mittpunkt utelämnades: de ligger i ingen zon</translation>
        </message>
        <message>
            <location filename="../../core/store/retention.py" />
            <source>{field}: {count} texts</source>
            <translation>{field}: {count} texter</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>A map under the incidents, to see streets and places: OpenStreetMap or Lantmäteriet's topographic map (open data, needs the internet)</source>
            <translation>En karta under händelserna, för att se gator och platser: OpenStreetMap eller Lantmäteriets topografiska karta (öppna data, kräver internet)</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>About Lägesbild</source>
            <translation>Om Lägesbild</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>About Lägesbild: which version is running</source>
            <translation>Om Lägesbild: vilken version som körs</translation>
        </message>
        <message>
            <location filename="../../ui/dock_base.py" />
            <source>Add background map</source>
            <translation>Lägg till bakgrundskarta</translation>
        </message>
        <message>
            <location filename="../../core/presentation/styling.py" />
            <source>Closed: hollow, grey</source>
            <translation>Avslutad: ihålig, grå</translation>
        </message>
        <message>
            <location filename="../../core/presentation/background.py" />
            <source>Lantmäteriet topographic map</source>
            <translation>Lantmäteriets topografiska karta</translation>
        </message>
        <message>
            <location filename="../../core/presentation/styling.py" />
            <source>Older than {days} days: faded</source>
            <translation>Äldre än {days} dagar: blekt</translation>
        </message>
        <message>
            <location filename="../../core/presentation/background.py" />
            <source>OpenStreetMap</source>
            <translation>OpenStreetMap</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Situation picture: open a store, load its layers, filter them, and make the report</source>
            <translation>Lägesbild: öppna en databas, läs in dess lager, filtrera dem och gör rapporten</translation>
        </message>
        <message>
            <location filename="../../core/presentation/background.py" />
            <source>The background map {name} could not be opened: is this computer online? The incidents are not affected.</source>
            <translation>Bakgrundskartan {name} kunde inte öppnas: är datorn ansluten till internet? Händelserna påverkas inte.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/background.py" />
            <source>© Lantmäteriet, CC BY 4.0</source>
            <translation>© Lantmäteriet, CC BY 4.0</translation>
        </message>
        <message>
            <location filename="../../core/presentation/background.py" />
            <source>© OpenStreetMap contributors</source>
            <translation>© OpenStreetMaps bidragsgivare</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Background map (raster, MBTiles or GeoPackage tiles)</source>
            <translation>Bakgrundskarta (raster, MBTiles eller GeoPackage-tiles)</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Brings a field copy made by 'Field project for QField' back into its store. New incidents go in with their id, checked by the store's rules (personal data in a text is refused) and recorded as the reporting organisation's. An edit made in the field to an incident that has not changed in the store since the copy was made is applied; if the incident changed in the store meanwhile, the edit is not applied and is listed in the conflicts table (the incident, the field, both values and both times), so that a coordinator can decide. Rows the store refuses (a category typed outside the form, a point outside the store's extent) are listed there with the reason. Photos come along: for a GeoPackage store they are copied into the DCIM folder beside it. Merging the same copy again adds nothing.</source>
            <translation>För tillbaka en fältkopia gjord med 'Fältprojekt för QField' till sin databas. Nya händelser läggs in med sitt id, kontrolleras enligt databasens regler (personuppgifter i en text avvisas) och registreras som den rapporterande organisationens. En ändring som gjorts i fält av en händelse som inte ändrats i databasen sedan kopian gjordes genomförs; har händelsen ändrats i databasen under tiden genomförs ändringen inte utan listas i konflikttabellen (händelsen, fältet, båda värdena och båda tidpunkterna), så att en samordnare kan avgöra. Rader som databasen avvisar (en kategori som skrivits utanför formuläret, en punkt utanför databasens utbredning) listas där med skälet. Foton följer med: för en GeoPackage-databas kopieras de till mappen DCIM bredvid den. Att slå ihop samma kopia igen lägger inte till något.</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Conflicts and refused rows</source>
            <translation>Konflikter och avvisade rader</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Edit the PostgreSQL store directly (no field copy)</source>
            <translation>Redigera PostgreSQL-databasen direkt (ingen fältkopia)</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <location filename="../../algorithms/merge_field.py" />
            <source>Field copy</source>
            <translation>Fältkopia</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Field copy: {incidents} incidents ({blanked} without another organisation's texts), {areas} areas, {measures} active measures</source>
            <translation>Fältkopia: {incidents} händelser ({blanked} utan en annan organisations texter), {areas} områden, {measures} pågående åtgärder</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Field project</source>
            <translation>Fältprojekt</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Field project for QField</source>
            <translation>Fältprojekt för QField</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Field project written: {path}</source>
            <translation>Fältprojektet har skrivits: {path}</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Folder for the field project</source>
            <translation>Mapp för fältprojektet</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Incidents added</source>
            <translation>Tillagda händelser</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Incidents in the field copy</source>
            <translation>Händelser i fältkopian</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Incidents of the last days</source>
            <translation>Händelser från de senaste dagarna</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Incidents refused</source>
            <translation>Avvisade händelser</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Incidents updated</source>
            <translation>Uppdaterade händelser</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Incidents with edits not applied</source>
            <translation>Händelser med ändringar som inte genomförts</translation>
        </message>
        <message>
            <location filename="../../core/presentation/field_project.py" />
            <source>Lägesbild: reporting in the field ({organisation})</source>
            <translation>Lägesbild: rapportering i fält ({organisation})</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Maps (*.tif *.tiff *.mbtiles *.gpkg);;All files (*)</source>
            <translation>Kartor (*.tif *.tiff *.mbtiles *.gpkg);;Alla filer (*)</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Merge field copy</source>
            <translation>Slå ihop fältkopia</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>ONLINE needs a PostgreSQL store: a GeoPackage goes to the field as a copy</source>
            <translation>ONLINE kräver en PostgreSQL-databas: en GeoPackage tas med i fält som kopia</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Only incidents in this area (name)</source>
            <translation>Bara händelser i detta område (namn)</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>Photos brought back</source>
            <translation>Foton som förts tillbaka</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Reporters' organisation (code)</source>
            <translation>Rapportörernas organisation (kod)</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>Writes a QGIS project (lagesbild_field.qgz, relative paths) that QField opens on a phone, for the reporters of one organisation, into a new folder. Beside it goes a field copy of the store (lagesbild_field.gpkg) with what a reporter needs: the incidents of the last DAYS days (only those in AREA when given), without the description, handling note and police report reference of other organisations; the areas, the active measures and the code tables; and a DCIM folder for photos. The project carries the standard form (the organisation is filled in and cannot be changed, the time of the report is the default) and the background map when given (copied into the folder). With ONLINE (a PostgreSQL store) no copy is made: the project edits the server directly, and each reporter logs in with a login given the reporter role. Bring the field copy back with 'Merge field copy'.</source>
            <translation>Skriver ett QGIS-projekt (lagesbild_field.qgz, relativa sökvägar) som QField öppnar i en telefon, för en organisations rapportörer, i en ny mapp. Bredvid det läggs en fältkopia av databasen (lagesbild_field.gpkg) med det en rapportör behöver: händelserna från de senaste DAYS dagarna (bara de i AREA om det anges), utan andra organisationers beskrivning, handläggningsanteckning och diarienummer hos polisen; områdena, de pågående åtgärderna och kodtabellerna; och en mapp DCIM för foton. Projektet har standardformuläret (organisationen är ifylld och kan inte ändras, rapporttiden är förvald) och bakgrundskartan om den anges (kopierad till mappen). Med ONLINE (en PostgreSQL-databas) görs ingen kopia: projektet redigerar servern direkt, och varje rapportör loggar in med en inloggning som fått rollen rapportör. För tillbaka fältkopian med 'Slå ihop fältkopia'.</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>another organisation's text: it was not in the field copy and is changed only in the store</source>
            <translation>en annan organisations text: den fanns inte i fältkopian och ändras bara i databasen</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>changed in the store since the field copy was made: not applied</source>
            <translation>ändrad i databasen sedan fältkopian gjordes: inte genomförd</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>changed in the store while merging: not applied</source>
            <translation>ändrad i databasen under sammanslagningen: inte genomförd</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>deleted in the store since the field copy was made</source>
            <translation>borttagen ur databasen sedan fältkopian gjordes</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>refused: {reason}</source>
            <translation>avvisad: {reason}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/field_project.py" />
            <source>the background map {path} is not a raster, MBTiles or GeoPackage tile layer that QGIS can open</source>
            <translation>bakgrundskartan {path} är inget raster, MBTiles- eller GeoPackage-tilelager som QGIS kan öppna</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>the field copy's DCIM folder</source>
            <translation>fältkopians mapp DCIM</translation>
        </message>
        <message>
            <location filename="../../core/presentation/field_project.py" />
            <source>the layer {table} of {store} cannot be opened</source>
            <translation>lagret {table} i {store} kan inte öppnas</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>the photo is not in the field copy's {folder} folder</source>
            <translation>fotot finns inte i fältkopians mapp {folder}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/field_project.py" />
            <source>the project cannot be written to {path}: {error}</source>
            <translation>projektet kan inte skrivas till {path}: {error}</translation>
        </message>
        <message>
            <location filename="../../core/store/field_copy.py" />
            <source>the store has no organisation {code}</source>
            <translation>databasen har ingen organisation {code}</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>there is no background map at {path}</source>
            <translation>det finns ingen bakgrundskarta på {path}</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>there is no field copy at {path}</source>
            <translation>det finns ingen fältkopia på {path}</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>unknown organisation {code}: choose one of {codes}</source>
            <translation>okänd organisation {code}: välj en av {codes}</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>{added} new incidents added, {updated} updated, {passed} merged before</source>
            <translation>{added} nya händelser tillagda, {updated} uppdaterade, {passed} sammanslagna tidigare</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>{count} incidents changed in the store since the field copy was made: their field edits were not applied (see the conflicts table)</source>
            <translation>{count} händelser har ändrats i databasen sedan fältkopian gjordes: deras ändringar från fält genomfördes inte (se konflikttabellen)</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>{count} incidents refused by the store's rules (see the conflicts table)</source>
            <translation>{count} händelser avvisades av databasens regler (se konflikttabellen)</translation>
        </message>
        <message>
            <location filename="../../algorithms/merge_field.py" />
            <source>{count} photos brought back into {folder}</source>
            <translation>{count} foton förda tillbaka till {folder}</translation>
        </message>
        <message>
            <location filename="../../algorithms/field_project.py" />
            <source>{path} exists already: choose a new folder</source>
            <translation>{path} finns redan: välj en ny mapp</translation>
        </message>
        <message>
            <location filename="../../core/store/merge.py" />
            <source>{path} is a store, not a field copy made by lagesbild:fieldproject</source>
            <translation>{path} är en databas, inte en fältkopia gjord med lagesbild:fieldproject</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Creates a new, empty Lägesbild store: a GeoPackage, or a schema of a PostgreSQL database with PostGIS (STORE as a connection such as service=NAME schema=NAME; then also its roles), with the incidents, areas and measures layers, the category and organisation code lists, and the incident history. The CRS (default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are read (default Europe/Stockholm) are fixed when the store is created. The extent bounds where incidents may be placed (default: the CRS's area of use). The store carries the standard incident form and symbology as its incidents layer's default style, so that plain QGIS or QField opens it with the same form; LANGUAGE is the language of that form's labels (default: this QGIS's). MUNICIPALITY and LOGO (SVG, PNG or JPEG, kept inside the store) head its situation reports. An existing file is never overwritten.</source>
            <translation>Skapar en ny, tom Lägesbild-databas: ett GeoPackage, eller ett schema i en PostgreSQL-databas med PostGIS (STORE som en anslutning, till exempel service=NAMN schema=NAMN; då även dess roller), med lagren för händelser, områden och åtgärder, kodlistorna för kategorier och organisationer samt händelsernas historik. Referenssystemet (standard SWEREF 99 TM, EPSG:3006) och tidszonen som dagar, veckodagar och timmar läses i (standard Europe/Stockholm) bestäms när databasen skapas. Utbredningen avgränsar var händelser får placeras (standard: referenssystemets användningsområde). Databasen bär standardformuläret för händelser och deras symboler som händelselagrets standardstil, så att vanlig QGIS eller QField öppnar den med samma formulär; LANGUAGE är språket i formulärets etiketter (standard: denna QGIS språk). MUNICIPALITY och LOGO (SVG, PNG eller JPEG, sparad i databasen) står överst i dess lägesrapporter. En befintlig fil skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <location filename="../../algorithms/situation_report.py" />
            <source>Images (*.svg *.png *.jpg *.jpeg)</source>
            <translation>Bilder (*.svg *.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Logo on the reports (SVG, PNG or JPEG)</source>
            <translation>Logotyp på rapporterna (SVG, PNG eller JPEG)</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Logo, SVG, PNG or JPEG (default: the store's setting)</source>
            <translation>Logotyp, SVG, PNG eller JPEG (standard: databasens inställning)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report.py" />
            <source>Measures in the action plan (continued)</source>
            <translation>Åtgärder i åtgärdsplanen (fortsättning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>Municipality (default: the store's setting)</source>
            <translation>Kommun (standard: databasens inställning)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Municipality, on the reports</source>
            <translation>Kommun, på rapporterna</translation>
        </message>
        <message>
            <location filename="../../algorithms/situation_report.py" />
            <source>The situation report for the crime-prevention council: an A4 landscape PDF from the template resources/layouts/situation_report.qpt with a map of the period's incidents counted in squares (a square with fewer than MIN_COUNT left blank; no single incident is drawn) under their hot spots and the areas, a table of incidents per category with the change against the comparison period (its dates named), the time of week, the measures of the action plan, and an empty frame for the meeting's assessment and decisions. By default the period is the last 28 days up to yesterday, compared with the same dates last year. ATLAS_BY_AREA makes one page per district instead. The report is meant to be shared: no incident descriptions or handling notes, and every count below MIN_COUNT is shown as "fewer than", also where a total would reveal it. The PDF keeps its text as text (searchable and readable by a screen reader). The municipality's name and logo are the store's settings (set when the store is created, or by lagesbild:createstore's MUNICIPALITY and LOGO); MUNICIPALITY and LOGO here change them for this report only.</source>
            <translation> Kommunens namn och logotyp är databasens inställningar (satta när databasen skapas, eller med lagesbild:createstores MUNICIPALITY och LOGO); MUNICIPALITY och LOGO här ändrar dem bara för denna rapport.</translation>
        </message>
        <message>
            <location filename="../../core/store/report_identity.py" />
            <source>the logo must be an SVG, PNG or JPEG file, not {name}</source>
            <translation>logotypen måste vara en SVG-, PNG- eller JPEG-fil, inte {name}</translation>
        </message>
        <message>
            <location filename="../../core/store/report_identity.py" />
            <source>the logo {name} is larger than 1 MB: save a smaller one</source>
            <translation>logotypen {name} är större än 1 MB: spara en mindre</translation>
        </message>
        <message>
            <location filename="../../core/store/report_identity.py" />
            <source>there is no logo file {path}</source>
            <translation>logotypfilen {path} finns inte</translation>
        </message>
        <message>
            <location filename="../../core/domain/analysis/knox_report.py" />
            <source>Within {distance} m and {days} of an incident of {subject}, the risk of another is {ratio} times the expected.</source>
            <translation>Inom {distance} m och {days} från en händelse av typen {subject} är risken för ännu en {ratio} gånger den förväntade.</translation>
        </message>
        <message>
            <location filename="../../ui/situation_dock.py" />
            <source>Filter the map's incidents as chosen (the numbers follow by themselves)</source>
            <translation>Filtrera kartans händelser som valt (siffrorna följer med av sig själva)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <location filename="../../ui/charts.py" />
            <source>Incidents per category</source>
            <translation>Händelser per kategori</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <source>Incidents {unit}, against the previous period ({base})</source>
            <translation>Händelser {unit}, jämfört med föregående period ({base})</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <source>Incidents {unit}; no data for the previous period ({base})</source>
            <translation>Händelser {unit}; inga data för föregående period ({base})</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>No comparison with {name}: {reason}</source>
            <translation>Ingen jämförelse med {name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/charts.py" />
            <source>Previous period</source>
            <translation>Föregående period</translation>
        </message>
        <message>
            <location filename="../../ui/charts.py" />
            <source>Previous period: no data</source>
            <translation>Föregående period: inga data</translation>
        </message>
        <message>
            <location filename="../../ui/situation_live.py" />
            <source>The map still shows the filter as last applied: Apply filter to show these.</source>
            <translation>Kartan visar fortfarande det senast tillämpade filtret: tryck Tillämpa filter för att visa dessa.</translation>
        </message>
        <message>
            <location filename="../../ui/charts.py" />
            <source>This period</source>
            <translation>Denna period</translation>
        </message>
        <message>
            <location filename="../../ui/charts.py" />
            <source>Trend of the filtered incidents</source>
            <translation>Trend för de filtrerade händelserna</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>no data for {period}</source>
            <translation>inga data för {period}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <source>per day</source>
            <translation>per dag</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <source>per week</source>
            <translation>per vecka</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{after} against {before} in {base}: too few for a percentage</source>
            <translation>{after} mot {before} under {base}: för få för en procentsats</translation>
        </message>
        <message>
            <location filename="../../core/presentation/summary.py" />
            <source>{incidents} in the store; CRS {crs}, time zone {zone}</source>
            <translation>{incidents} i databasen; koordinatsystem {crs}, tidszon {zone}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>{incidents}, {period}</source>
            <translation>{incidents}, {period}</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{n} incident</source>
            <translation>{n} händelse</translation>
        </message>
        <message>
            <location filename="../../core/domain/wording.py" />
            <source>{n} incidents</source>
            <translation>{n} händelser</translation>
        </message>
        <message>
            <location filename="../../core/presentation/charts_data.py" />
            <source>{period}: {count} against {base}</source>
            <translation>{period}: {count} mot {base}</translation>
        </message>
        <message>
            <location filename="../../core/store/importing.py" />
            <source>holds a value of a kind the store cannot take</source>
            <translation>innehåller ett värde av ett slag som databasen inte kan ta emot</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>the store changed during the load: nothing was written</source>
            <translation>databasen ändrades under inläsningen: ingenting skrevs</translation>
        </message>
        <message>
            <location filename="../../core/store/bulk.py" />
            <source>unknown location precision</source>
            <translation>okänd lägesnoggrannhet</translation>
        </message>
        <message>
            <location filename="../../core/presentation/precision_style.py" />
            <source>Place approximate: dotted ring</source>
            <translation>Ungefärlig plats: prickad ring</translation>
        </message>
        <message>
            <location filename="../../core/presentation/precision_style.py" />
            <source>Place only known to the municipality or county: dashed ring</source>
            <translation>Platsen bara känd till kommun eller län: streckad ring</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>{n} of them are placed only at a municipality or county centre and are left out of hot spots and density</source>
            <translation>{n} av dem är bara placerade i en kommuns eller ett läns mittpunkt och lämnas utanför hotspots och täthet</translation>
        </message>
        <message>
            <location filename="../../core/presentation/situation.py" />
            <source>{n} of them is placed only at a municipality or county centre and is left out of hot spots and density</source>
            <translation>{n} av dem är bara placerad i en kommuns eller ett läns mittpunkt och lämnas utanför hotspots och täthet</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>Fewer than {n} of the incidents are placed only at a municipality or county centre: counted in the table, not on the map.</source>
            <translation>Färre än {n} av händelserna är bara placerade i en kommuns eller ett läns mittpunkt: räknade i tabellen, inte på kartan.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/report_contents.py" />
            <source>{n} of the incidents are placed only at a municipality or county centre: counted in the table, not on the map.</source>
            <translation>{n} av händelserna är bara placerade i en kommuns eller ett läns mittpunkt: räknade i tabellen, inte på kartan.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>CSV, Excel, GeoJSON or a file of the police's open events</source>
            <translation>CSV, Excel, GeoJSON eller en fil med polisens öppna händelser</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Cancel import</source>
            <translation>Avbryt importen</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>Check</source>
            <translation>Kontroll</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>Choose a source, check the mapping and press Preview: nothing is written until you press Import.</source>
            <translation>Välj en källa, granska mappningen och tryck på Förhandsgranska: inget skrivs förrän du trycker på Importera.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Choose file…</source>
            <translation>Välj fil…</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Column in the source</source>
            <translation>Kolumn i källan</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Coordinates in</source>
            <translation>Koordinater i</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>Duplicate</source>
            <translation>Dubblett</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Each text of the column «{column}» and the category it stands for (case and spaces are ignored).</source>
            <translation>Varje text i kolumnen «{column}» och den kategori den står för (stora och små bokstäver och mellanslag spelar ingen roll).</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Easting or longitude (x)</source>
            <translation>Östlig koordinat eller longitud (x)</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Fields</source>
            <translation>Fält</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>File</source>
            <translation>Fil</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>First value</source>
            <translation>Första värdet</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Import</source>
            <translation>Importera</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Import incidents from a file or a layer, with a preview of every row first</source>
            <translation>Importera händelser från en fil eller ett lager, med en förhandsgranskning av varje rad först</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Import incidents…</source>
            <translation>Importera händelser…</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Incidents to import</source>
            <translation>Händelser att importera</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../ui/import_results.py" />
            <source>Line</source>
            <translation>Rad</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Load a mapping</source>
            <translation>Läs in en mappning</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Load mapping…</source>
            <translation>Läs in mappning…</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Lägesbild field</source>
            <translation>Fält i Lägesbild</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Mapping loaded from {path}.</source>
            <translation>Mappningen lästes in från {path}.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Mapping saved in {path}.</source>
            <translation>Mappningen sparades i {path}.</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>No column is mapped to the category: choose one under Fields.</source>
            <translation>Ingen kolumn är mappad till kategorin: välj en under Fält.</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>No problems found.</source>
            <translation>Inga problem hittades.</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Northing or latitude (y)</source>
            <translation>Nordlig koordinat eller latitud (y)</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>Nothing was written: {n} row has problems. Fix it (see the problems) or choose to skip bad rows.</source>
            <translation>Inget skrevs: {n} rad har problem. Rätta den (se problemen) eller välj att hoppa över felaktiga rader.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>Nothing was written: {n} rows have problems. Fix them (see the problems) or choose to skip bad rows.</source>
            <translation>Inget skrevs: {n} rader har problem. Rätta dem (se problemen) eller välj att hoppa över felaktiga rader.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../ui/import_results.py" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>Point (x, y)</source>
            <translation>Punkt (x, y)</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Preview</source>
            <translation>Förhandsgranska</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Preview and problems</source>
            <translation>Förhandsgranskning och problem</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Read as {encoding}, columns separated by «{delimiter}».</source>
            <translation>Läst som {encoding}, kolumner åtskilda med «{delimiter}».</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Rows</source>
            <translation>Rader</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>Rows that would not be written: {count}</source>
            <translation>Rader som inte skulle skrivas: {count}</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>SWEREF 99 TM (EPSG:3006): x = easting, y = northing</source>
            <translation>SWEREF 99 TM (EPSG:3006): x = östlig, y = nordlig</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Save mapping…</source>
            <translation>Spara mappning…</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Save rejected rows…</source>
            <translation>Spara avvisade rader…</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Save the mapping</source>
            <translation>Spara mappningen</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Save the rejected rows</source>
            <translation>Spara de avvisade raderna</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>Text in the source</source>
            <translation>Text i källan</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>The file cannot be written: {error}</source>
            <translation>Filen kan inte skrivas: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/import_results.py" />
            <source>The mapping or the choice for bad rows changed: press Preview to check the rows again before importing.</source>
            <translation>Mappningen eller valet för felaktiga rader har ändrats: tryck på Förhandsgranska för att kontrollera raderna igen innan du importerar.</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>The place comes from the source's own points (its geometry).</source>
            <translation>Platsen tas från källans egna punkter (dess geometri).</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>The place comes from two columns: choose them and the coordinate system they are written in.</source>
            <translation>Platsen tas från två kolumner: välj dem och koordinatsystemet de är skrivna i.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>The rows not written, with their line and problem, as a CSV file to fix and import again</source>
            <translation>Raderna som inte skrevs, med rad och problem, som en CSV-fil att rätta och importera igen</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>The store's CRS ({crs}): x = easting, y = northing</source>
            <translation>Databasens koordinatsystem ({crs}): x = östlig, y = nordlig</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Two columns fill the same field: {fields}. Choose «not imported» for one of them.</source>
            <translation>Två kolumner fyller samma fält: {fields}. Välj «importeras inte» för en av dem.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>WGS 84 (EPSG:4326): x = longitude, y = latitude (not lat, lon)</source>
            <translation>WGS 84 (EPSG:4326): x = longitud, y = latitud (inte lat, lon)</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>Writes into the store what the preview shows</source>
            <translation>Skriver det som förhandsgranskningen visar till databasen</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../ui/import_results.py" />
            <source>duplicate</source>
            <translation>dubblett</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>or a layer</source>
            <translation>eller ett lager</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>problem</source>
            <translation>problem</translation>
        </message>
        <message>
            <location filename="../../core/domain/importing/mapping.py" />
            <source>the mapping file cannot be written: {error}</source>
            <translation>mappningsfilen kan inte skrivas: {error}</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>{count} incidents imported.</source>
            <translation>{count} händelser importerade.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>{count} rejected rows saved in {path}: fix them there and import the file again.</source>
            <translation>{count} avvisade rader sparade i {path}: rätta dem där och importera filen igen.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} incident imported.</source>
            <translation>{n} händelse importerad.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} incident would be imported.</source>
            <translation>{n} händelse skulle importeras.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} incidents imported.</source>
            <translation>{n} händelser importerade.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} incidents would be imported.</source>
            <translation>{n} händelser skulle importeras.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row has problems: as it is, nothing would be written. Fix it (the mapping or the file) or choose to skip bad rows.</source>
            <translation>{n} rad har problem: som det är nu skulle inget skrivas. Rätta den (mappningen eller filen) eller välj att hoppa över felaktiga rader.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row is in the store already or repeats an earlier line: skipped.</source>
            <translation>{n} rad finns redan i databasen eller upprepar en tidigare rad: hoppas över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row read.</source>
            <translation>{n} rad läst.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row rejected.</source>
            <translation>{n} rad avvisad.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row was in the store already or repeated an earlier line: skipped.</source>
            <translation>{n} rad fanns redan i databasen eller upprepade en tidigare rad: hoppades över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} row with problems would be left out.</source>
            <translation>{n} rad med problem skulle utelämnas.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows are in the store already or repeat an earlier line: skipped.</source>
            <translation>{n} rader finns redan i databasen eller upprepar en tidigare rad: hoppas över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows have problems: as it is, nothing would be written. Fix them (the mapping or the file) or choose to skip bad rows.</source>
            <translation>{n} rader har problem: som det är nu skulle inget skrivas. Rätta dem (mappningen eller filen) eller välj att hoppa över felaktiga rader.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows read.</source>
            <translation>{n} rader lästa.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows rejected.</source>
            <translation>{n} rader avvisade.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows were in the store already or repeated an earlier line: skipped.</source>
            <translation>{n} rader fanns redan i databasen eller upprepade en tidigare rad: hoppades över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} rows with problems would be left out.</source>
            <translation>{n} rader med problem skulle utelämnas.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} summaries of the police's feed are skipped.</source>
            <translation>{n} sammanfattningar i polisens flöde hoppas över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} summaries of the police's feed skipped.</source>
            <translation>{n} sammanfattningar i polisens flöde hoppades över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} summary of the police's feed is skipped.</source>
            <translation>{n} sammanfattning i polisens flöde hoppas över.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>{n} summary of the police's feed skipped.</source>
            <translation>{n} sammanfattning i polisens flöde hoppades över.</translation>
        </message>
        <message>
            <location filename="../../ui/import_dialog.py" />
            <source>{rows} rows and {columns} columns read from {name}.</source>
            <translation>{rows} rader och {columns} kolumner lästa från {name}.</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <location filename="../../ui/import_mapping.py" />
            <source>— none —</source>
            <translation>— ingen —</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>— not imported —</source>
            <translation>— importeras inte —</translation>
        </message>
        <message>
            <location filename="../../core/presentation/import_preview.py" />
            <source>— not mapped —</source>
            <translation>— inte mappad —</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>— the place (x) —</source>
            <translation>— platsen (x) —</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" />
            <source>— the place (y) —</source>
            <translation>— platsen (y) —</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../core/i18n.py" />
            <source>en</source>
            <translation>sv</translation>
        </message>
    </context>
    <context>
        <name>IncidentFormDock</name>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Choose store…</source>
            <translation>Välj databas…</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Click an incident on the map to review and handle it</source>
            <translation>Klicka på en händelse i kartan för att granska och handlägga den</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Click on the map</source>
            <translation>Klicka i kartan</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Cost (SEK)</source>
            <translation>Kostnad (kr)</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Description</source>
            <translation>Beskrivning</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Estimated cost in SEK</source>
            <translation>Uppskattad kostnad i kronor</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Field</source>
            <translation>Fält</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>From</source>
            <translation>Från</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>From 22:00 the previous evening to 06:00 this morning</source>
            <translation>Från kl. 22.00 kvällen innan till kl. 06.00 i morse</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Handling</source>
            <translation>Handläggning</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Handling note</source>
            <translation>Handläggningsanteckning</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Handling organisation</source>
            <translation>Handläggande organisation</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Happened during the night</source>
            <translation>Hände under natten</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>History</source>
            <translation>Historik</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>New report</source>
            <translation>Ny rapport</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>No place yet</source>
            <translation>Ingen plats än</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>No store chosen</source>
            <translation>Ingen databas vald</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Occurred from</source>
            <translation>Inträffade från</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Occurred to</source>
            <translation>Inträffade till</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Pick an incident</source>
            <translation>Välj en händelse</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Place</source>
            <translation>Plats</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Place name</source>
            <translation>Platsnamn</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Police</source>
            <translation>Polis</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Report incident</source>
            <translation>Rapportera händelse</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Report reference, e.g. 5000-K123456-25</source>
            <translation>Diarienummer, t.ex. 5000-K123456-25</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Reported to the police</source>
            <translation>Polisanmäld</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Save</source>
            <translation>Spara</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Subcategory</source>
            <translation>Underkategori</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>To</source>
            <translation>Till</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Use the map centre</source>
            <translation>Använd kartans mitt</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>What happened? Describe places and things, never persons.</source>
            <translation>Vad hände? Beskriv platser och saker, aldrig personer.</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>When</source>
            <translation>När</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>Your organisation</source>
            <translation>Din organisation</translation>
        </message>
        <message>
            <location filename="../../resources/ui/incident_form.ui" />
            <source>e.g. Storgatan 12, the school yard</source>
            <translation>t.ex. Storgatan 12, skolgården</translation>
        </message>
    </context>
</TS>
