-- Row-level security: every table that has it enabled or forced or has a policy, one row per policy (a null
-- policy when there is none), each policy as the CREATE POLICY statement that makes it.
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       p.polname AS policy_name,
       CASE WHEN p.oid IS NOT NULL THEN
         'CREATE POLICY ' || pg_catalog.quote_ident(p.polname) || ' ON ' || pg_catalog.quote_ident(n.nspname) || '.'
         || pg_catalog.quote_ident(c.relname)
         || ' AS ' || CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END
         || ' FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
         || ' TO ' || CASE WHEN p.polroles = '{0}' THEN 'PUBLIC'
                           ELSE (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(r.rolname), ', '
                                                              ORDER BY r.rolname)
                                 FROM pg_catalog.pg_roles r WHERE r.oid = ANY (p.polroles)) END
         || COALESCE(' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')', '')
         || COALESCE(' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')
       END AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_policy p ON p.polrelid = c.oid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND (c.relrowsecurity OR c.relforcerowsecurity OR p.oid IS NOT NULL)
