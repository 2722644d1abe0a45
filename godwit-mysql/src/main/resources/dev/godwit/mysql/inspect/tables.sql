-- Every base table with its engine, default collation, options and comment.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, ENGINE AS engine, TABLE_COLLATION AS collation_name,
       CREATE_OPTIONS AS create_options, TABLE_COMMENT AS table_comment
FROM information_schema.TABLES
WHERE TABLE_SCHEMA IN ({schemas})
  AND TABLE_TYPE = 'BASE TABLE'
ORDER BY TABLE_SCHEMA, TABLE_NAME
