package com.example.notes;

import dev.godwit.Godwit;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.TableMigrationSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A small service that ships no migration files. Its base schema is a list of migrations in code; schema changes
 * made while it runs (say, by an admin endpoint) are rows in the {@code godwit_migrations} table, applied by the same
 * {@code migrate()} call, exactly once, under Godwit's lock.
 */
public final class NotesService {

    private static final String URL = "jdbc:sqlite:build/notes.db";

    public static void main(String[] args) throws Exception {
        TableMigrationSource runtime = new TableMigrationSource();
        Godwit godwit = Godwit.configure()
                .url(URL)
                .migrations(
                        Migration.sql("20261101000000_notes",
                                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
                                "DROP TABLE notes"),
                        Migration.script("20261102000000_note_authors", """
                                -- godwit:depends 20261101000000_notes
                                -- godwit:up
                                ALTER TABLE notes ADD COLUMN author TEXT;
                                -- godwit:down
                                ALTER TABLE notes DROP COLUMN author;
                                """))
                .source(runtime)
                .noSnapshot()
                .load();

        report("start-up: the migrations in code", godwit.migrate());

        // At run time the service decides it needs a tag column: it stores the migration in the table...
        try (Connection c = DriverManager.getConnection(URL)) {
            runtime.add(c, "20261123120000_note_tags", "ALTER TABLE notes ADD COLUMN tag TEXT",
                    "ALTER TABLE notes DROP COLUMN tag", "20261102000000_note_authors");
        }
        // ...and applies it with the same call; a second call (another replica) finds nothing to do.
        report("run time: the migration stored in godwit_migrations", godwit.migrate());
        report("again", godwit.migrate());

        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body, author, tag) VALUES ('hello', 'ada', 'demo')");
            try (ResultSet rs = s.executeQuery("SELECT group_concat(name, ', ') FROM pragma_table_info('notes')")) {
                rs.next();
                System.out.println("notes has the columns: " + rs.getString(1));
            }
            System.out.println("== the history (godwit_history)");
            try (ResultSet rs = s.executeQuery("SELECT seq, id, script FROM godwit_history ORDER BY seq")) {
                while (rs.next()) {
                    System.out.println("   " + rs.getInt(1) + "  " + rs.getString(2) + "  from " + rs.getString(3));
                }
            }
        }
    }

    private static void report(String step, MigrateResult result) {
        System.out.println("== " + step);
        if (result.applied().isEmpty()) {
            System.out.println("   nothing to do (" + result.upToDate() + " already applied)");
        }
        result.applied().forEach(run -> System.out.println("   applied " + run.id() + " (" + run.durationMs()
                + " ms)"));
    }
}
