package dev.godwit.postgres;

import dev.godwit.testkit.Database;
import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.testkit.StairwayContract;
import dev.godwit.testkit.TestDatabase;

class PostgresStairwayTest extends StairwayContract {

    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Database kind() {
        return Database.POSTGRES;
    }
}
