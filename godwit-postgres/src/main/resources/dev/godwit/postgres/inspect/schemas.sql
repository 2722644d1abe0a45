-- The selected schemas and their comments. An empty list selects current_schema(). The last two columns are the
-- session's search_path and TimeZone, which the inspector restores after reading with an empty path and UTC.
-- Parameter 1: text[] of schema names, e.g. '{public}'.
SELECT n.nspname AS schema_name,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
       pg_catalog.current_setting('search_path') AS search_path,
       pg_catalog.current_setting('TimeZone') AS time_zone
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY (COALESCE(NULLIF(?::text[], '{}'), ARRAY[pg_catalog.current_schema()]::text[]))
ORDER BY n.nspname
