-- Primary keys, unique, foreign key, check and exclusion constraints of tables, in one pass over pg_constraint.
-- Constraints a partition inherits from its parent (conparentid, not conislocal) are the parent's and left out.
-- Columns come as attnum arrays, named by the reader from the columns of tables.sql: a correlated subquery per
-- constraint to name them cost more than the rest of the query. A foreign key to a table tables.sql does not read
-- (in another schema, or an extension's) gets its referenced column names here.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       co.conname AS constraint_name,
       co.contype::text AS kind,
       co.conrelid::pg_catalog.int8 AS table_oid,
       co.conkey::pg_catalog.int4[] AS column_numbers,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       co.confrelid::pg_catalog.int8 AS referenced_oid,
       co.confkey::pg_catalog.int4[] AS referenced_numbers,
       CASE WHEN co.contype = 'f' AND (fc.relnamespace <> c.relnamespace OR fc.relkind NOT IN ('r', 'p')
                                       OR fc.oid IN (SELECT e.objid FROM pg_catalog.pg_extension ext
                                                     JOIN pg_catalog.pg_depend e
                                                       ON e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                                                      AND e.refobjid = ext.oid
                                                     WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                                       AND e.deptype = 'e'))
            THEN ARRAY(SELECT a.attname FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum
                       ORDER BY k.ord) END AS referenced_columns,
       co.confupdtype::text AS on_update,
       co.confdeltype::text AS on_delete,
       co.confmatchtype::text AS match_type,
       co.condeferrable AS deferrable,
       co.condeferred AS deferred,
       -- Only checks and exclusions are kept as text; deparsing the others would cost as much again. A check comes
       -- as its expression tree, which PostgresCheckDeparser prints: pg_get_constraintdef opens the table of every
       -- CHECK it prints, and a fresh backend builds a relation cache entry for each (most of this query's time on
       -- thousands of tables). The checks it cannot print are asked of the server with check_definitions.sql.
       CASE WHEN co.contype = 'x' THEN pg_catalog.pg_get_constraintdef(co.oid) END AS definition,
       CASE WHEN co.contype = 'c' THEN co.conbin::text END AS check_tree,
       co.oid::pg_catalog.int8 AS constraint_oid,
       co.connoinherit AS no_inherit,
       co.convalidated AS validated,
       -- A comment on the index behind a primary key, unique or exclusion constraint (COMMENT ON INDEX), joined
       -- rather than fetched with obj_description, which looks up one row per call. The index has the
       -- constraint's name (PostgreSQL renames both together).
       ixd.description AS index_comment
FROM pg_catalog.pg_constraint co
LEFT JOIN pg_catalog.pg_description ixd ON co.contype IN ('p', 'u', 'x') AND co.conindid <> 0
      AND ixd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ixd.objoid = co.conindid AND ixd.objsubid = 0
JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
  AND co.conparentid = 0
  AND co.conislocal
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  -- Members of extensions, found from pg_extension through the pg_depend reference index rather than by a scan
  -- of all of pg_depend for deptype 'e', as an array computed once: the planner estimates "<> ALL (array)" as
  -- keeping almost every table, where it took NOT IN (subquery) to keep half and planned the joins for too few rows.
  AND c.oid <> ALL (ARRAY(SELECT e.objid FROM pg_catalog.pg_extension ext
                           JOIN pg_catalog.pg_depend e ON e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                                AND e.refobjid = ext.oid
                           WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.deptype = 'e'))
