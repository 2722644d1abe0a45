/**
 * The SQLite dialect: statement splitting with trigger bodies, locking by {@code BEGIN IMMEDIATE}, history DDL.
 * Depends on godwit-core only.
 */
package dev.godwit.sqlite;
