-- Every CHECK constraint (MySQL 8.0.16+). Check names are unique per database in MySQL; the table comes from
-- TABLE_CONSTRAINTS. ENFORCED = 'NO' is a NOT ENFORCED check.
SELECT tc.TABLE_SCHEMA AS schema_name, tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name,
       CONCAT(cc.CHECK_CLAUSE, IF(tc.ENFORCED = 'NO', ' NOT ENFORCED', '')) AS check_clause
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA IN ({schemas})
  AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME
