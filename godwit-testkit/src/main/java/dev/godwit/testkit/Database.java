package dev.godwit.testkit;

/** The kinds of database {@link GodwitTest} can make for a test. */
public enum Database {
    /** A SQLite file in a temporary directory of its own ({@link SqliteTestDatabase}). */
    SQLITE,
    /** A database of its own on the test PostgreSQL server ({@link PostgresServer}). */
    POSTGRES,
    /** A database of its own on the test MariaDB or MySQL server ({@link MysqlServer}). */
    MYSQL,
    /** A database of its own on the server at {@link GodwitTest#url()}. */
    URL
}
