-- The shadow tables of virtual tables (the storage of their module), which come back with the virtual table.
-- pragma_table_list: SQLite 3.37+.
SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'
