-- User triggers on tables and views (not the internal ones behind foreign keys, nor a partition's clone of its parent's
-- trigger), as pg_get_triggerdef prints them.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind::text AS relation_kind,
       tg.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(tg.oid) AS definition
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND tg.tgparentid = 0
  AND c.relkind IN ('r', 'p', 'v')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, tg.tgname
