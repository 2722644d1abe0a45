package dev.godwit.migrate;

import java.util.List;

/**
 * In-memory migration sources:
 * <pre>{@code
 * Migrations.of(Migration.sql("20261101093000_users", "CREATE TABLE users (id int);", "DROP TABLE users;"),
 *               Migration.script("20261102093000_email", "-- godwit:up\nALTER TABLE ...\n-- godwit:down\n..."),
 *               Migration.repeatable("R__user_view", "CREATE OR REPLACE VIEW ..."))
 * }</pre>
 */
public final class Migrations {

    private Migrations() {
    }

    /** A source holding exactly these migrations. */
    public static MigrationSource of(Migration... migrations) {
        return of(List.of(migrations));
    }

    /** A source holding exactly these migrations. */
    public static MigrationSource of(List<Migration> migrations) {
        List<Migration> copy = List.copyOf(migrations);
        return () -> copy;
    }
}
