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
            <location filename="../../core/validation.py" />
            <source>a place on the map is required</source>
            <translation>en plats på kartan krävs</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>cannot be changed</source>
            <translation>kan inte ändras</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>cannot be negative</source>
            <translation>kan inte vara negativt</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>cannot group by {name}</source>
            <translation>kan inte gruppera efter {name}</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>column is missing</source>
            <translation>kolumnen saknas</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>columns differ in length</source>
            <translation>kolumnerna har olika längd</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>is before the incident happened</source>
            <translation>är före händelsen</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>is before the start date</source>
            <translation>är före startdatumet</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>is before the start of the incident</source>
            <translation>är före händelsens början</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>is longer than {limit} characters</source>
            <translation>är längre än {limit} tecken</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>is not a field of a measure</source>
            <translation>är inget fält i en åtgärd</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/store.py" />
            <source>is not a field of an incident</source>
            <translation>är inget fält i en händelse</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>is not a subcategory of its category</source>
            <translation>är ingen underkategori till sin kategori</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/store.py" />
            <location filename="../../core/validation.py" />
            <source>is required</source>
            <translation>krävs</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>is too long</source>
            <translation>är för lång</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>is {length} characters long; at most {limit} are allowed</source>
            <translation>är {length} tecken lång; högst {limit} tillåts</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>lies in the future</source>
            <translation>ligger i framtiden</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>must be a date</source>
            <translation>måste vara ett datum</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>must be a date and time</source>
            <translation>måste vara ett datum och en tid</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>must be a number</source>
            <translation>måste vara ett tal</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>must be text</source>
            <translation>måste vara text</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>must be yes or no</source>
            <translation>måste vara ja eller nej</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>no area named {name}</source>
            <translation>inget område heter {name}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>no incident {uuid}</source>
            <translation>ingen händelse {uuid}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>no measure {fid}</source>
            <translation>ingen åtgärd {fid}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>no such file: {path}</source>
            <translation>filen finns inte: {path}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>not a field of an incident: {name}</source>
            <translation>inget fält i en händelse: {name}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>not a time field: {name}</source>
            <translation>inget tidsfält: {name}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>row {row}: </source>
            <translation>rad {row}: </translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the CRS has no area of use: give the store an extent</source>
            <translation>referenssystemet har inget användningsområde: ange en utbredning för databasen</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the CRS must be projected, in metres, such as EPSG:3006: {crs}</source>
            <translation>referenssystemet måste vara projicerat, i meter, till exempel EPSG:3006: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the CRS must have an authority code, such as EPSG:3006: {crs}</source>
            <translation>referenssystemet måste ha en kod, till exempel EPSG:3006: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the extent is empty: {extent}</source>
            <translation>utbredningen är tom: {extent}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the folder {folder} does not exist</source>
            <translation>mappen {folder} finns inte</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the incident was changed by someone else after you loaded it (your version {expected}, now version {current}); reload it and make your change again</source>
            <translation>händelsen ändrades av någon annan efter att du öppnade den (din version {expected}, nu version {current}); läs in den igen och gör din ändring på nytt</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the organisation exists already</source>
            <translation>organisationen finns redan</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>the place lies outside the store's extent</source>
            <translation>platsen ligger utanför databasens utbredning</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <location filename="../../core/validation.py" />
            <source>the place must be a single point</source>
            <translation>platsen måste vara en enda punkt</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>the store could not be migrated, and was left as it was: {error}</source>
            <translation>databasen kunde inte uppgraderas och lämnades som den var: {error}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>unknown CRS: {crs}</source>
            <translation>okänt referenssystem: {crs}</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>unknown category</source>
            <translation>okänd kategori</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown category: {code}</source>
            <translation>okänd kategori: {code}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown kind of area: {code}</source>
            <translation>okänd typ av område: {code}</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>unknown organisation</source>
            <translation>okänd organisation</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown organisation: {code}</source>
            <translation>okänd organisation: {code}</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>unknown status</source>
            <translation>okänd status</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown status: {code}</source>
            <translation>okänd status: {code}</translation>
        </message>
        <message>
            <location filename="../../core/bulk.py" />
            <source>unknown subcategory</source>
            <translation>okänd underkategori</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown subcategory: {code}</source>
            <translation>okänd underkategori: {code}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>unknown value: {code}</source>
            <translation>okänt värde: {code}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{path} cannot be read: {error}</source>
            <translation>{path} kan inte läsas: {error}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{path} exists already: a new store is never written over a file</source>
            <translation>{path} finns redan: en ny databas skriver aldrig över en fil</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{path} is a GeoPackage but not a Lägesbild store</source>
            <translation>{path} är ett GeoPackage men ingen Lägesbild-databas</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{path} is not a GeoPackage</source>
            <translation>{path} är inget GeoPackage</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{path} was made by a newer Lägesbild (schema version {version}); this version reads up to schema version {supported}: update the plugin</source>
            <translation>{path} skapades av en nyare Lägesbild (schemaversion {version}); den här versionen läser upp till schemaversion {supported}: uppdatera insticksprogrammet</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
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
            <location filename="../../algorithms/create_store.py" />
            <source>Creates a new, empty Lägesbild store: a GeoPackage with the incidents, areas and measures layers, the category and organisation code lists, and the incident history. The CRS (default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are read (default Europe/Stockholm) are fixed when the store is created. The extent bounds where incidents may be placed (default: the CRS's area of use). An existing file is never overwritten.</source>
            <translation>Skapar en ny, tom Lägesbild-databas: ett GeoPackage med lagren för händelser, områden och åtgärder, kodlistorna för kategorier och organisationer samt händelsernas historik. Referenssystemet (standard SWEREF 99 TM, EPSG:3006) och tidszonen som dagar, veckodagar och timmar läses i (standard Europe/Stockholm) bestäms när databasen skapas. Utbredningen avgränsar var händelser får placeras (standard: referenssystemets användningsområde). En befintlig fil skrivs aldrig över.</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Extent</source>
            <translation>Utbredning</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
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
            <source>Store</source>
            <translation>Databas</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Time zone (IANA name)</source>
            <translation>Tidszon (IANA-namn)</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>cancelled: nothing was written</source>
            <translation>avbrutet: inget skrevs</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>By area, since 1 January:</source>
            <translation>Per område, sedan 1 januari:</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>By category, since 1 January against the same period last year:</source>
            <translation>Per kategori, sedan 1 januari jämfört med samma period i fjol:</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Demo data</source>
            <translation>Demodata</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Disorder over the last 13 weeks: most on {day}, most at {hour:02d}–{next:02d} local time</source>
            <translation>Ordningsstörningar de senaste 13 veckorna: flest på {day}, flest kl. {hour:02d}–{next:02d} lokal tid</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Fills a store with the fictional municipality Solvik, for trying the plugin out: five districts and three focus areas, a few measures, and two years of incidents up to yesterday with the patterns the analysis should find (vandalism near the school and the station, disorder on Friday and Saturday nights, seasons, a downward trend this year, and new lighting that lowered incidents in its area). STORE is an existing, empty store or a new file (then created with the defaults). The same SIZE, SEED and END_DATE always give the same data.</source>
            <translation>Fyller en databas med den påhittade kommunen Solvik, för att prova tillägget: fem stadsdelar och tre fokusområden, några åtgärder och två års händelser fram till i går med de mönster som analysen ska hitta (skadegörelse nära skolan och stationen, ordningsstörningar fredag- och lördagsnätter, årstider, en nedåtgående trend i år och ny belysning som minskade händelserna i sitt område). STORE är en befintlig, tom databas eller en ny fil (som då skapas med standardinställningarna). Samma SIZE, SEED och END_DATE ger alltid samma data.</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Friday</source>
            <translation>fredagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Generating {size} incidents (seed {seed}, up to {today})</source>
            <translation>Skapar {size} händelser (frö {seed}, fram till {today})</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Measures in the action plan:</source>
            <translation>Åtgärder i åtgärdsplanen:</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Monday</source>
            <translation>måndagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Number of incidents</source>
            <translation>Antal händelser</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Saturday</source>
            <translation>lördagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Seed</source>
            <translation>Frö</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Since 1 January ({start}–{end}): {words}</source>
            <translation>Sedan 1 januari ({start}–{end}): {words}</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Situation picture of {name}</source>
            <translation>Lägesbild för {name}</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Store (an empty store, or a new file)</source>
            <translation>Databas (en tom databas eller en ny fil)</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Sunday</source>
            <translation>söndagar</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Thursday</source>
            <translation>torsdagar</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>Today of the demo (default: today)</source>
            <translation>Demons dagens datum (standard: i dag)</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Tuesday</source>
            <translation>tisdagar</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>Wednesday</source>
            <translation>onsdagar</translation>
        </message>
        <message>
            <location filename="../../core/demo_store.py" />
            <source>demo data is in {crs}; this store is in {store_crs}</source>
            <translation>demodata är i {crs}; den här databasen är i {store_crs}</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>from</source>
            <translation>från</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>give the store's file</source>
            <translation>ange databasens fil</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>last year</source>
            <translation>i fjol</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>the same period last year ({start}–{end})</source>
            <translation>samma period i fjol ({start}–{end})</translation>
        </message>
        <message>
            <location filename="../../core/demo_store.py" />
            <source>the store already holds data: demo data goes only into an empty store</source>
            <translation>databasen innehåller redan data: demodata läggs bara i en tom databas</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>{after} against none {base}</source>
            <translation>{after} mot inga {base}</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>{change} % against {base}: {after} against {before}</source>
            <translation>{change} % jämfört med {base}: {after} mot {before}</translation>
        </message>
        <message>
            <location filename="../../core/summary.py" />
            <source>{count} incidents in the store; CRS {crs}, time zone {zone}</source>
            <translation>{count} händelser i databasen; koordinatsystem {crs}, tidszon {zone}</translation>
        </message>
        <message>
            <location filename="../../algorithms/demo_data.py" />
            <source>{path}: {count} incidents, {areas} areas, {measures} measures</source>
            <translation>{path}: {count} händelser, {areas} områden, {measures} åtgärder</translation>
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
</TS>
