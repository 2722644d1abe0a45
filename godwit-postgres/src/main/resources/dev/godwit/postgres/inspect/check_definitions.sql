-- The CHECK constraints whose expression PostgresCheckDeparser does not print, printed by the server.
-- Parameter 1: int8[] of constraint oids.
SELECT co.oid::pg_catalog.int8 AS constraint_oid,
       pg_catalog.pg_get_constraintdef(co.oid) AS definition
FROM pg_catalog.pg_constraint co
WHERE co.oid = ANY (?::pg_catalog.oid[])
