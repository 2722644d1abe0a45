-- Tables and partitioned tables, one row each; their columns come from columns.sql, which repeats none of this on
-- each of its rows. Objects that belong to an extension are left out.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.oid::pg_catalog.int8 AS table_oid,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
       pn.nspname AS parent_schema,
       pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       td.description AS table_comment,
       -- The parents of a table that INHERITS (not a partition), in declared order; null when it has none.
       CASE WHEN NOT c.relispartition
            THEN (SELECT pg_catalog.string_agg(ih.inhparent::pg_catalog.regclass::text, ', ' ORDER BY ih.inhseqno)
                  FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = c.oid) END AS inherits
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
-- Comments joined rather than fetched with obj_description, which looks up one row per call.
LEFT JOIN pg_catalog.pg_description td ON td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND td.objoid = c.oid AND td.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  -- Members of extensions, found from pg_extension through the pg_depend reference index rather than by a scan
  -- of all of pg_depend for deptype 'e'.
  AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_extension ext
                    JOIN pg_catalog.pg_depend e ON e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                         AND e.refobjid = ext.oid
                    WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.deptype = 'e')
