package dev.godwit.sqlite.javamigrations;

import dev.godwit.migrate.JavaMigration;
import java.sql.Statement;

/** Found by package scanning in the test classes directory. */
public class V20261101000005__Seed_from_classes implements JavaMigration {

    @Override
    public void up(Context context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.execute("CREATE TABLE seeds (id int)");
            s.execute("INSERT INTO seeds VALUES (1)");
        }
    }
}
