-- Sequences, with the column that owns one (serial, OWNED BY: a pg_depend row of deptype 'a' on a column).
-- Identity columns' sequences (deptype 'i') belong to their column and are left out.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS sequence_name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       own_n.nspname AS owner_schema,
       own_c.relname AS owner_table,
       own_a.attname AS owner_column,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend od ON od.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND od.objid = c.oid
      AND od.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND od.refobjsubid > 0 AND od.deptype = 'a'
LEFT JOIN pg_catalog.pg_class own_c ON own_c.oid = od.refobjid
LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own_c.relnamespace
LEFT JOIN pg_catalog.pg_attribute own_a ON own_a.attrelid = od.refobjid AND own_a.attnum = od.refobjsubid
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid
                    AND e.deptype IN ('e', 'i'))
ORDER BY n.nspname, c.relname
