/**
 * The PostgreSQL dialect: psql-compatible statement splitting, the session advisory lock, history DDL, bulk catalog
 * reading ({@link dev.godwit.postgres.PostgresInspector}, SQL in {@code inspect/*.sql}), and
 * server error messages with detail and hint. Depends on godwit-core and the PostgreSQL JDBC driver only.
 */
package dev.godwit.postgres;
