-- Primary keys, unique, foreign key, check and exclusion constraints of tables, in one pass over pg_constraint.
-- Constraints a partition inherits from its parent (conparentid, not conislocal) are the parent's and left out.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       co.conname AS constraint_name,
       co.contype::text AS kind,
       ARRAY(SELECT a.attname FROM pg_catalog.unnest(co.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       ARRAY(SELECT a.attname FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS referenced_columns,
       co.confupdtype::text AS on_update,
       co.confdeltype::text AS on_delete,
       co.confmatchtype::text AS match_type,
       co.condeferrable AS deferrable,
       co.condeferred AS deferred,
       -- Only checks and exclusions are kept as text; deparsing the others would cost as much again.
       CASE WHEN co.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(co.oid) END AS definition
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
  AND co.conparentid = 0
  AND co.conislocal
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, co.conname
