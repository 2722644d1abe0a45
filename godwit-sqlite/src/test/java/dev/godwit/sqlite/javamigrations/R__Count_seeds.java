package dev.godwit.sqlite.javamigrations;

import dev.godwit.migrate.JavaMigration;
import java.sql.Statement;

/** A repeatable Java migration: runs after the versioned ones, again when its version is raised. */
public class R__Count_seeds implements JavaMigration {

    @Override
    public void up(Context context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS seed_count");
            s.execute("CREATE TABLE seed_count AS SELECT count(*) AS n FROM seeds");
        }
    }
}
