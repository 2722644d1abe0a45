-- Every index part (the primary key's too), in key order. MariaDB has no functional index parts; IGNORED (10.6+)
-- is an index the optimizer does not use.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE = 0 AS is_unique,
       COLUMN_NAME AS column_name, NULL AS expression, SUB_PART AS sub_part, COLLATION AS collation,
       INDEX_TYPE AS index_type, INDEX_COMMENT AS index_comment, IGNORED = 'YES' AS hidden
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA IN ({schemas})
ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
