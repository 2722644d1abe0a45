-- Domains with their base type, default, collation and CHECK constraints (names and definitions, in name order).
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       t.typname AS domain_name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type_raw,
       pg_catalog.format_type(CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END,
                              NULL) AS type_name,
       CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END AS type_oid,
       t.typtypmod AS type_modifier,
       CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN GREATEST(t.typndims, 1) ELSE 0 END AS dimensions,
       t.typnotnull AS not_null,
       pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expression,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
       ARRAY(SELECT k.conname FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'
             ORDER BY k.conname) AS check_names,
       ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k
             WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) AS check_definitions,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'd'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY n.nspname, t.typname
