-- A Lägesbild store of schema version 1, written by hand: before incidents had
-- police_report_ref and estimated_cost_sek, and organisations had active.
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
  description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
INSERT INTO gpkg_spatial_ref_sys VALUES ('SWEREF99 TM', 3006, 'EPSG', 3006,
  'PROJCS["SWEREF99 TM",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",15],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3006"]]',
  NULL);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT
  (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER);
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  PRIMARY KEY (table_name, column_name));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL, UNIQUE (table_name, column_name, extension_name));

CREATE TABLE categories (code TEXT(48) NOT NULL PRIMARY KEY, parent TEXT(32), label_sv TEXT(100) NOT NULL,
  label_en TEXT(100) NOT NULL, colour TEXT(7), icon TEXT(100), sort_order INTEGER NOT NULL);
INSERT INTO categories VALUES ('vandalism', NULL, 'Skadegörelse', 'Vandalism', '#ff0000', 'vandalism.svg', 1);
INSERT INTO categories VALUES ('fire', NULL, 'Brand', 'Fire', '#ff8800', 'fire.svg', 2);
INSERT INTO categories VALUES ('fire_car', 'fire', 'Bilbrand', 'Car fire', '#ff8800', 'fire.svg', 3);
CREATE TABLE organisations (code TEXT(32) NOT NULL PRIMARY KEY, name_sv TEXT(100) NOT NULL,
  name_en TEXT(100) NOT NULL);
INSERT INTO organisations VALUES ('police', 'Polisen', 'The police');
INSERT INTO organisations VALUES ('housing', 'Bostadsbolaget', 'The housing company');

CREATE TABLE incidents (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT,
  uuid TEXT(36) NOT NULL UNIQUE, category TEXT(32) NOT NULL, subcategory TEXT(48),
  occurred_from DATETIME NOT NULL, occurred_to DATETIME, reported_at DATETIME NOT NULL,
  place_name TEXT(200), description TEXT(2000), reporting_org TEXT(32) NOT NULL,
  police_reported BOOLEAN NOT NULL DEFAULT 0, status TEXT(16) NOT NULL DEFAULT 'new',
  handling_org TEXT(32), handling_note TEXT(2000), created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, updated_by_org TEXT(32), version INTEGER NOT NULL DEFAULT 1);
INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('incidents', 'features', 'incidents', 181896, 6090340, 1086312, 7689478, 3006);
INSERT INTO gpkg_geometry_columns VALUES ('incidents', 'geom', 'POINT', 3006, 0, 0);
CREATE TABLE incident_history (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, incident_uuid TEXT(36) NOT NULL,
  changed_at DATETIME NOT NULL, changed_by_org TEXT(32), field TEXT(32) NOT NULL, old_value TEXT, new_value TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('incident_history', 'attributes', 'incident_history');
CREATE TABLE areas (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, name TEXT(100) NOT NULL,
  kind TEXT(32) NOT NULL DEFAULT 'district');
INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('areas', 'features', 'areas', 3006);
INSERT INTO gpkg_geometry_columns VALUES ('areas', 'geom', 'MULTIPOLYGON', 3006, 0, 0);
CREATE TABLE measures (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, title TEXT(200) NOT NULL,
  kind TEXT(16) NOT NULL, responsible_org TEXT(32), start_date DATE NOT NULL, end_date DATE,
  status TEXT(16) NOT NULL DEFAULT 'planned', expected_effect TEXT(2000), followup_date DATE,
  followup_result TEXT(2000));
INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('measures', 'features', 'measures', 3006);
INSERT INTO gpkg_geometry_columns VALUES ('measures', 'geom', 'MULTIPOLYGON', 3006, 0, 0);

-- version 1 audited the status only
CREATE TRIGGER lagesbild_history_status AFTER UPDATE OF status ON incidents WHEN OLD.status IS NOT NEW.status
BEGIN INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, new_value)
  VALUES (NEW.uuid, strftime('%Y-%m-%dT%H:%M:%fZ','now'), NEW.updated_by_org, 'status', OLD.status, NEW.status); END;

CREATE TABLE lagesbild_meta (key TEXT(64) NOT NULL PRIMARY KEY, value TEXT);
INSERT INTO lagesbild_meta VALUES ('application', 'lagesbild');
INSERT INTO lagesbild_meta VALUES ('schema_version', '1');
INSERT INTO lagesbild_meta VALUES ('crs', 'EPSG:3006');
INSERT INTO lagesbild_meta VALUES ('srs_id', '3006');
INSERT INTO lagesbild_meta VALUES ('time_zone', 'Europe/Stockholm');
INSERT INTO lagesbild_meta VALUES ('extent', '181896.0,6090340.0,1086312.0,7689478.0');

-- two incidents reported under version 1 (points at E 620000 N 6650000, GeoPackage blobs)
INSERT INTO incidents (geom, uuid, category, subcategory, occurred_from, reported_at, reporting_org, status,
  created_at, updated_at, updated_by_org)
  VALUES (X'47500001be0b0000010100000000000000c0eb224100000000245e5941',
  '11111111-1111-4111-8111-111111111111', 'vandalism', NULL, '2024-05-01T20:00:00.000Z',
  '2024-05-02T07:00:00.000Z', 'housing', 'closed', '2024-05-02T07:00:00.000Z', '2024-05-02T07:00:00.000Z', 'housing');
INSERT INTO incidents (geom, uuid, category, subcategory, occurred_from, reported_at, reporting_org, status,
  created_at, updated_at, updated_by_org)
  VALUES (X'47500001be0b0000010100000000000000c0eb224100000000245e5941',
  '22222222-2222-4222-8222-222222222222', 'fire', 'fire_car', '2024-06-01T23:30:00.000Z',
  '2024-06-02T07:00:00.000Z', 'police', 'new', '2024-06-02T07:00:00.000Z', '2024-06-02T07:00:00.000Z', 'police');
