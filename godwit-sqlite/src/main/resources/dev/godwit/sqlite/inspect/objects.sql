-- Every table, view, index and trigger with its CREATE statement (SQLite keeps the text as written). SQLite's
-- internal objects (sqlite_sequence, sqlite_stat1, autoindexes, whose sql is NULL) are left out.
SELECT type, name, tbl_name, sql
FROM sqlite_master
WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' AND sql IS NOT NULL
ORDER BY name
