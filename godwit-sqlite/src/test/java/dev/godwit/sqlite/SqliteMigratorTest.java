package dev.godwit.sqlite;

import dev.godwit.testkit.MigratorContract;
import dev.godwit.testkit.SqliteTestDatabase;
import dev.godwit.testkit.TestDatabase;

class SqliteMigratorTest extends MigratorContract {

    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create();
    }
}
