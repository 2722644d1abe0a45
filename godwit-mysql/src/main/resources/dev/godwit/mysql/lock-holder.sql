-- Who holds a named lock (GET_LOCK): IS_USED_LOCK gives the holder's connection id, the process list the rest.
-- ? is the lock name. The holder row is missing when this user may not see other users' connections (PROCESS).
SELECT p.ID, p.USER, p.HOST, p.DB, p.TIME
FROM information_schema.PROCESSLIST p
WHERE p.ID = IS_USED_LOCK(?)
