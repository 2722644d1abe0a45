/**
 * The MySQL 8 / MariaDB 10.6+ dialect: statement splitting as the mysql client does it (DELIMITER, {@code #}
 * comments, stored-program bodies), the {@code GET_LOCK} named lock, history DDL, bulk {@code information_schema}
 * reading ({@link dev.godwit.mysql.MysqlInspector}, SQL in {@code inspect/*.sql}) and the DDL writer. Depends on
 * godwit-core and MariaDB Connector/J only.
 */
package dev.godwit.mysql;
