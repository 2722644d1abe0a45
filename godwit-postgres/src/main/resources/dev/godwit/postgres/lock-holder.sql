-- Who holds the migrator's advisory lock. A bigint key is stored as classid (high 32 bits) and objid (low 32 bits)
-- with objsubid = 1; ? is the key.
SELECT a.pid, a.application_name, a.usename, a.client_addr::text, a.backend_start
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory'
  AND l.granted
  AND l.objsubid = 1
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
