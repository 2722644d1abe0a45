-- Every routine parameter in order (a function's return type, position 0, comes from routines.sql).
SELECT SPECIFIC_SCHEMA AS schema_name, SPECIFIC_NAME AS routine_name, ROUTINE_TYPE AS routine_type,
       PARAMETER_MODE AS mode, PARAMETER_NAME AS parameter_name, DTD_IDENTIFIER AS data_type
FROM information_schema.PARAMETERS
WHERE SPECIFIC_SCHEMA IN ({schemas})
  AND ORDINAL_POSITION > 0
ORDER BY SPECIFIC_SCHEMA, SPECIFIC_NAME, ORDINAL_POSITION
