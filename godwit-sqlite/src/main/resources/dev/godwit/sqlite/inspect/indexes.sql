-- Key columns of every index: origin c = CREATE INDEX, u = UNIQUE constraint, pk = primary key; cid -2 = expression.
-- Virtual tables are left out: their module may not be loaded here, and their CREATE text is kept whole.
SELECT m.name AS table_name, il.name AS index_name, il."unique", il.origin, il.partial,
       ii.seqno, ii.cid, ii.name AS column_name, ii."desc", ii.coll
FROM sqlite_master m
JOIN pragma_index_list(m.name) il
JOIN pragma_index_xinfo(il.name) ii
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND ii.key = 1
ORDER BY m.name, il.name, ii.seqno
