-- Columns of the tables named in ?1 (a JSON array), hidden (generated) ones included: hidden = 2 virtual, 3 stored.
-- Virtual tables are left out: their module may not be loaded here, and their CREATE text is kept whole.
SELECT m.name AS table_name, p.cid, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
FROM sqlite_master m
JOIN pragma_table_xinfo(m.name) p
WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?1))
  AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
ORDER BY m.name, p.cid
