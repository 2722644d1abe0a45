-- The selected schemas and their comments. An empty list selects current_schema(); '{*}' every schema but the
-- system's (pg_catalog, information_schema, pg_toast and the temporary ones). The last two columns are the
-- session's search_path and TimeZone, which the inspector restores after reading with an empty path and UTC;
-- relations, the schema's tables, indexes, views and sequences, decides whether it is read on two connections.
-- Parameter 1: text[] of schema names, e.g. '{public}'.
SELECT n.nspname AS schema_name,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
       pg_catalog.current_setting('search_path') AS search_path,
       pg_catalog.current_setting('TimeZone') AS time_zone,
       (SELECT count(*) FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid) AS relations
FROM pg_catalog.pg_namespace n
CROSS JOIN (SELECT ?::text[] AS wanted) w
WHERE CASE WHEN w.wanted = '{*}' THEN n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
           ELSE n.nspname = ANY (COALESCE(NULLIF(w.wanted, '{}'), ARRAY[pg_catalog.current_schema()]::text[])) END
ORDER BY n.nspname
