-- Every stored procedure and function with its characteristics and body (MariaDB packages are not read).
SELECT ROUTINE_SCHEMA AS schema_name, ROUTINE_NAME AS routine_name, ROUTINE_TYPE AS routine_type,
       DTD_IDENTIFIER AS returns, ROUTINE_DEFINITION AS body, IS_DETERMINISTIC = 'YES' AS is_deterministic,
       SQL_DATA_ACCESS AS data_access, SECURITY_TYPE AS security_type, ROUTINE_COMMENT AS routine_comment
FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA IN ({schemas})
  AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION')
ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME
