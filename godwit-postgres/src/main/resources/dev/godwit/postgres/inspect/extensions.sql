-- Extensions installed into one of the selected schemas.
-- Parameter 1: text[] of schema names.
SELECT x.extname AS extension_name,
       n.nspname AS schema_name,
       x.extversion AS version
FROM pg_catalog.pg_extension x
JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
WHERE n.nspname = ANY (?)
ORDER BY x.extname
