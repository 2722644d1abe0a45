-- The selected databases that exist. {schemas} stands for one ? per database name (by hand: 'app', 'app_audit').
SELECT SCHEMA_NAME AS schema_name
FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME IN ({schemas})
ORDER BY SCHEMA_NAME
