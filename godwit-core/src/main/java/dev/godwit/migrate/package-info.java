/**
 * Versioned migrations: finding them ({@link dev.godwit.migrate.MigrationSource}), ordering them as a DAG, applying
 * them exactly once under a lock with a history row in the same transaction, rolling back, validating and repairing.
 * Imports {@code dialect}, {@code model} and {@code error}; never the facade or a JDBC driver.
 */
package dev.godwit.migrate;
