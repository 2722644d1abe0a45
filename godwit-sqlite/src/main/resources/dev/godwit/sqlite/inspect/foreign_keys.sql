-- Foreign keys of the tables named in ?1 (a JSON array), one row per column pair; "to" is NULL when the key names
-- the parent's primary key. Virtual tables are left out: their module may not be loaded here.
SELECT m.name AS table_name, fk.id, fk.seq, fk."table", fk."from", fk."to", fk.on_update, fk.on_delete
FROM sqlite_master m
JOIN pragma_foreign_key_list(m.name) fk
WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?1))
  AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
ORDER BY m.name, fk.id, fk.seq
