-- Indexes of tables and materialized views that do not implement a primary key, unique or exclusion constraint,
-- and are not a partition's share of a partitioned index (that one is created with its parent).
-- Key parts: the column name, or null and the expression; options bit 1 = DESC, bit 2 = NULLS FIRST.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       i.relname AS index_name,
       x.indisunique AS is_unique,
       am.amname AS method,
       ARRAY(SELECT a.attname FROM pg_catalog.generate_series(1, x.indnkeyatts) k
             LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]
             ORDER BY k) AS key_columns,
       ARRAY(SELECT CASE WHEN x.indkey[k - 1] = 0 THEN pg_catalog.pg_get_indexdef(x.indexrelid, k, true) END
             FROM pg_catalog.generate_series(1, x.indnkeyatts) k ORDER BY k) AS key_expressions,
       ARRAY(SELECT x.indoption[k - 1]::int FROM pg_catalog.generate_series(1, x.indnkeyatts) k
             ORDER BY k) AS key_options,
       ARRAY(SELECT a.attname FROM pg_catalog.generate_series(x.indnkeyatts + 1, x.indnatts) k
             JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]
             ORDER BY k) AS include_columns,
       pg_catalog.pg_get_expr(x.indpred, x.indrelid, true) AS predicate,
       pg_catalog.pg_get_indexdef(x.indexrelid) AS definition
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT i.relispartition
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                  WHERE co.conrelid = x.indrelid AND co.conindid = x.indexrelid AND co.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, i.relname
