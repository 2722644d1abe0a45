-- Views and materialized views with the tables and views their rewrite rule reads (pg_depend on pg_rewrite),
-- as two arrays in the same order.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS view_name,
       c.relkind = 'm' AS materialized,
       pg_catalog.pg_get_viewdef(c.oid) AS definition,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  AND d.objoid = c.oid AND d.objsubid = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 ORDER BY a.attnum) AS commented_columns,
       ARRAY(SELECT d.description FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  AND d.objoid = c.oid AND d.objsubid = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 ORDER BY a.attnum) AS column_comments,
       COALESCE(dep.schemas, '{}') AS depends_on_schemas,
       COALESCE(dep.names, '{}') AS depends_on_names
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
    SELECT pg_catalog.array_agg(d.nspname ORDER BY d.nspname, d.relname) AS schemas,
           pg_catalog.array_agg(d.relname ORDER BY d.nspname, d.relname) AS names
    FROM (SELECT DISTINCT dn.nspname, dc.relname
          FROM pg_catalog.pg_rewrite r
          JOIN pg_catalog.pg_depend rd ON rd.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
               AND rd.objid = r.oid AND rd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
               AND rd.refobjid <> c.oid
          JOIN pg_catalog.pg_class dc ON dc.oid = rd.refobjid
          JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
          WHERE r.ev_class = c.oid) d
) dep ON true
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname
