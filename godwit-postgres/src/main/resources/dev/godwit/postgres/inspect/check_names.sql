-- The operators and functions the CHECK expressions read as trees use, for PostgresCheckDeparser to name: binary
-- operators of pg_catalog, and plain functions of pg_catalog that the server finds by name and argument types alone
-- (neither they nor another function of that name have defaulted or variadic parameters). Any other operator or
-- function is not returned, and its check is left to pg_get_constraintdef.
-- Parameter 1: int8[] of operator and function oids (oids are unique across the catalogs).
WITH wanted AS (SELECT DISTINCT w::pg_catalog.oid AS oid FROM pg_catalog.unnest(?::pg_catalog.int8[]) w)
SELECT 'o' AS kind,
       o.oid::pg_catalog.int8 AS oid,
       o.oprname::text AS name,
       ARRAY[o.oprleft::pg_catalog.int8, o.oprright::pg_catalog.int8] AS arg_types
FROM pg_catalog.pg_operator o
JOIN wanted w ON w.oid = o.oid
WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
  AND o.oprkind = 'b'
UNION ALL
SELECT 'f',
       p.oid::pg_catalog.int8,
       p.proname::text,
       p.proargtypes::pg_catalog.oid[]::pg_catalog.int8[]
FROM pg_catalog.pg_proc p
JOIN wanted w ON w.oid = p.oid
WHERE p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace
  AND p.prokind = 'f'
  AND NOT p.proretset
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc same
                  WHERE same.proname = p.proname AND same.pronamespace = p.pronamespace
                    AND (same.pronargdefaults > 0 OR same.provariadic <> 0))
