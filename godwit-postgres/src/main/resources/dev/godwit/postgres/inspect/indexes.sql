-- Indexes of tables and materialized views that do not implement a primary key, unique or exclusion constraint,
-- and are not a partition's share of a partitioned index (that one is created with its parent).
-- One row per key or INCLUDE column (position 1..), in index order; the index's own fields are on position 1.
-- Key parts: the column name, or null and the expression; options bit 1 = DESC, bit 2 = NULLS FIRST.
--
-- pg_get_indexdef costs about 20 us an index (it looks up the index, its table, access method, every column,
-- operator class and collation one syscache entry at a time), the largest share of reading a big schema. A plain
-- index (btree, only columns, each with the default operator class and collation of its column, no predicate,
-- storage options or NULLS NOT DISTINCT, not partitioned) is printed the same way by PostgresIndexReader from the
-- quoted names below, so definition is only asked of pg_get_indexdef for the others.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       x.indexrelid::pg_catalog.int8 AS index_oid,
       i.relname AS index_name,
       x.indisunique AS is_unique,
       am.amname AS method,
       x.indnkeyatts AS key_count,
       k.position,
       a.attname AS column_name,
       pg_catalog.quote_ident(a.attname) AS column_quoted,
       CASE WHEN k.position <= x.indnkeyatts THEN x.indoption[k.position - 1]::int END AS key_option,
       CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(x.indexrelid, k.position::int, true) END
           AS key_expression,
       CASE WHEN k.position = 1 THEN pg_catalog.quote_ident(i.relname) END AS index_quoted,
       CASE WHEN k.position = 1 THEN pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
           END AS table_quoted,
       CASE WHEN k.position = 1 THEN pg_catalog.pg_get_expr(x.indpred, x.indrelid, true) END AS predicate,
       CASE WHEN k.position = 1 AND NOT pg_catalog.bool_and(
                 am.amname = 'btree' AND i.relkind = 'i' AND i.reloptions IS NULL AND x.indpred IS NULL
                 AND a.attnum IS NOT NULL
                 -- An INCLUDE column has no operator class, collation or ordering.
                 AND (k.position > x.indnkeyatts
                      OR ((x.indcollation[k.position - 1] = 0 OR x.indcollation[k.position - 1] = a.attcollation)
                          AND oc.opcdefault
                          -- varchar has no btree class of its own: its default is text_ops (GetDefaultOpClass).
                          AND (oc.opcintype = a.atttypid
                               OR (a.atttypid = 'pg_catalog.varchar'::pg_catalog.regtype
                                   AND oc.opcintype = 'pg_catalog.text'::pg_catalog.regtype
                                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass v WHERE v.opcdefault
                                       AND v.opcintype = 'pg_catalog.varchar'::pg_catalog.regtype)))))
                 -- PostgreSQL 15+ pg_index.indnullsnotdistinct, read so that the query also runs on 14.
                 AND NOT (x.indisunique AND k.position = 1
                          AND COALESCE((pg_catalog.to_jsonb(x) ->> 'indnullsnotdistinct')::boolean, false))
             ) OVER (PARTITION BY x.indexrelid)
            THEN pg_catalog.pg_get_indexdef(x.indexrelid) END AS definition
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, position)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = x.indclass[k.position - 1]
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT i.relispartition
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                  WHERE co.conrelid = x.indrelid AND co.conindid = x.indexrelid AND co.contype IN ('p', 'u', 'x'))
  -- Members of extensions, found from pg_extension through the pg_depend reference index rather than by a scan
  -- of all of pg_depend for deptype 'e'.
  AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_extension ext
                    JOIN pg_catalog.pg_depend e ON e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                         AND e.refobjid = ext.oid
                    WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.deptype = 'e')
ORDER BY x.indexrelid, k.position
