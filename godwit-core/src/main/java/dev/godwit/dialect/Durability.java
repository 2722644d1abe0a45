package dev.godwit.dialect;

/**
 * How durable one migration's commit must be on its own. A run of migrations commits them one by one; only the
 * last commit of the run needs to wait for the disk, because a database that flushes its log in order makes every
 * earlier commit durable with it.
 */
public enum Durability {
    /** The commit may return before the log reaches the disk; a later durable commit covers it. */
    DEFERRED,
    /** The commit returns only once it is on disk. */
    DURABLE
}
