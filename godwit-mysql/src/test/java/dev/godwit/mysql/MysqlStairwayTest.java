package dev.godwit.mysql;

import dev.godwit.testkit.Database;
import dev.godwit.testkit.MysqlTestDatabase;
import dev.godwit.testkit.StairwayContract;
import dev.godwit.testkit.TestDatabase;

class MysqlStairwayTest extends StairwayContract {

    @Override
    protected TestDatabase newDatabase() {
        return MysqlTestDatabase.create();
    }

    @Override
    protected Database kind() {
        return Database.MYSQL;
    }
}
