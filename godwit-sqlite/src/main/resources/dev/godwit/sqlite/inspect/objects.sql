-- Every table, view, index and trigger with its CREATE statement (SQLite keeps the text as written), and what kind
-- of table it is (pragma_table_list, SQLite 3.37+: table, virtual, or shadow = the storage of a virtual table).
-- The pragma is read once into a materialized CTE: joined directly, SQLite would re-run it for every row.
WITH tl AS MATERIALIZED (SELECT name, type FROM pragma_table_list WHERE schema = 'main')
SELECT m.type, m.name, m.tbl_name, m.sql, tl.type AS table_kind
FROM sqlite_master m
LEFT JOIN tl ON tl.name = m.name AND m.type = 'table'
WHERE m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.sql IS NOT NULL
ORDER BY m.name
