-- The binary operators of pg_catalog that the CHECK expressions read as trees use (PostgresCheckDeparser names
-- them; an operator elsewhere is left to pg_get_constraintdef).
-- Parameter 1: int8[] of operator oids.
SELECT o.oid::pg_catalog.int8 AS operator_oid,
       o.oprname AS operator_name,
       o.oprleft::pg_catalog.int8 AS left_type,
       o.oprright::pg_catalog.int8 AS right_type
FROM pg_catalog.pg_operator o
WHERE o.oid = ANY (?::pg_catalog.oid[])
  AND o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
  AND o.oprkind = 'b'
