-- Every column of every base table, in declared order. COLUMN_DEFAULT is an SQL expression on MariaDB 10.2.7+
-- ('text' quoted, NULL spelled out) and a bare value on MySQL (EXTRA says DEFAULT_GENERATED for an expression).
SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name,
       c.COLUMN_DEFAULT AS column_default, c.IS_NULLABLE = 'YES' AS nullable, c.DATA_TYPE AS data_type,
       c.CHARACTER_MAXIMUM_LENGTH AS max_length, c.NUMERIC_PRECISION AS numeric_precision,
       c.NUMERIC_SCALE AS numeric_scale, c.DATETIME_PRECISION AS datetime_precision,
       c.COLLATION_NAME AS collation_name, c.COLUMN_TYPE AS column_type, c.EXTRA AS extra,
       c.COLUMN_COMMENT AS column_comment, c.GENERATION_EXPRESSION AS generation_expression
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA IN ({schemas})
  AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION
