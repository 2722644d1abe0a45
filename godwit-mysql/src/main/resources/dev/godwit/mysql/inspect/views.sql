-- Every view. VIEW_DEFINITION qualifies every name with its database; the inspector removes the view's own.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS view_name, VIEW_DEFINITION AS definition,
       CHECK_OPTION AS check_option, SECURITY_TYPE AS security_type
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN ({schemas})
ORDER BY TABLE_SCHEMA, TABLE_NAME
