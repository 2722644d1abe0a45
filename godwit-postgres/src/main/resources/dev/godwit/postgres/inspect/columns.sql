-- The columns of the tables tables.sql reads, one row each, keyed by the table's oid: the table's own fields are
-- not repeated on each row (50,000 columns make the width of every row count). The rows come in no particular
-- order: sorting 50,000 rows this wide spills to disk, and the reader puts columns in attnum order itself.
-- Parameter 1: text[] of schema names.
SELECT c.oid::pg_catalog.int8 AS table_oid,
       a.attnum,
       a.attname AS column_name,
       a.attnotnull AS not_null,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type_raw,
       pg_catalog.format_type(CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END,
                              NULL) AS type_name,
       CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END AS type_oid,
       a.atttypmod AS type_modifier,
       CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN GREATEST(a.attndims, 1) ELSE 0 END AS dimensions,
       -- A default cannot refer to a column, so it is deparsed without its table (relid 0): with the table,
       -- pg_get_expr opens the relation, and building 5,000 relcache entries in a fresh backend costs more than
       -- the rest of this query. A generated column's expression refers to columns and needs the table.
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS default_expression,
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       a.attidentity::text AS identity,
       pg_catalog.format_type(s.seqtypid, NULL) AS identity_type,
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
       cd.description AS column_comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description cd ON cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND cd.objoid = c.oid AND cd.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
-- An identity column's sequence depends on the column with deptype 'i'. The identity sequences are joined as one set
-- (pg_sequence and their pg_depend rows: one per sequence), which measured 8 % faster at 5,000 tables than joining
-- pg_depend's rows for all classes to the columns.
LEFT JOIN (SELECT sd.refobjid, sd.refobjsubid, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                  s.seqcache, s.seqcycle
           FROM pg_catalog.pg_sequence s
           JOIN pg_catalog.pg_depend sd ON sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                AND sd.objid = s.seqrelid AND sd.objsubid = 0 AND sd.deptype = 'i'
                AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass) s
      ON a.attidentity <> '' AND s.refobjid = c.oid AND s.refobjsubid = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  -- Members of extensions, found from pg_extension through the pg_depend reference index rather than by a scan
  -- of all of pg_depend for deptype 'e', as an array computed once: the planner estimates "<> ALL (array)" as
  -- keeping almost every table, where it took NOT IN (subquery) to keep half and planned the joins for too few rows.
  AND c.oid <> ALL (ARRAY(SELECT e.objid FROM pg_catalog.pg_extension ext
                           JOIN pg_catalog.pg_depend e ON e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                                AND e.refobjid = ext.oid
                           WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.deptype = 'e'))
