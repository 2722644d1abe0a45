-- Key columns of every index of the tables named in ?1 (a JSON array): origin c = CREATE INDEX, u = UNIQUE
-- constraint, pk = primary key; cid -2 = expression. Virtual tables are left out: their module may not be loaded.
SELECT m.name AS table_name, il.name AS index_name, il."unique", il.origin, ii.name AS column_name, ii."desc"
FROM sqlite_master m
JOIN pragma_index_list(m.name) il
JOIN pragma_index_xinfo(il.name) ii
WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?1))
  AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND ii.key = 1
ORDER BY m.name, il.name, ii.seqno
