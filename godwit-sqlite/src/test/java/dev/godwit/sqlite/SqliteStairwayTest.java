package dev.godwit.sqlite;

import dev.godwit.testkit.Database;
import dev.godwit.testkit.SqliteTestDatabase;
import dev.godwit.testkit.StairwayContract;
import dev.godwit.testkit.TestDatabase;

class SqliteStairwayTest extends StairwayContract {

    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    protected Database kind() {
        return Database.SQLITE;
    }
}
