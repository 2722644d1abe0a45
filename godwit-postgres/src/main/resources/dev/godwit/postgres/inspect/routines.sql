-- Functions, procedures and aggregates, told apart by their identity arguments. Functions and procedures are
-- kept as pg_get_functiondef prints them; pg_get_functiondef refuses aggregates, so an aggregate's CREATE AGGREGATE
-- is put together from pg_aggregate (state function and type, final and combine functions, initial value; the
-- moving-aggregate and sort-operator options are not written).
-- Parameter 1: text[] of schema names.
SELECT n.nspname AS schema_name,
       p.proname AS routine_name,
       CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END AS kind,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS signature,
       CASE WHEN p.prokind = 'a' THEN
           'CREATE AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
           || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') (SFUNC = '
           || ag.aggtransfn::pg_catalog.regproc::text
           || ', STYPE = ' || pg_catalog.format_type(ag.aggtranstype, NULL)
           || CASE WHEN ag.aggfinalfn <> 0 THEN ', FINALFUNC = ' || ag.aggfinalfn::pg_catalog.regproc::text ELSE '' END
           || CASE WHEN ag.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || ag.aggcombinefn::pg_catalog.regproc::text
                   ELSE '' END
           || CASE WHEN ag.agginitval IS NOT NULL THEN ', INITCOND = ' || pg_catalog.quote_literal(ag.agginitval)
                   ELSE '' END
           || CASE WHEN ag.aggkind = 'h' THEN ', HYPOTHETICAL' ELSE '' END
           || ')'
       ELSE pg_catalog.pg_get_functiondef(p.oid) END AS definition
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_aggregate ag ON ag.aggfnoid = p.oid
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY n.nspname, p.proname, 4
