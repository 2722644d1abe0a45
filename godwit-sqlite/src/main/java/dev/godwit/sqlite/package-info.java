/**
 * The SQLite dialect: statement splitting with trigger bodies, locking by {@code BEGIN IMMEDIATE}, history DDL,
 * the inspector, and plans of ALTERs and documented table rebuilds.
 * Depends on godwit-core only.
 */
package dev.godwit.sqlite;
