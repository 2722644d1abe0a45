package dev.godwit.testkit;

import dev.godwit.Godwit;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link GodwitTest} database: made, migrated to the newest migration, and dropped when JUnit closes the store
 * it is kept in (after the test method or class it was made for).
 */
final class FreshDatabase implements ExtensionContext.Store.CloseableResource {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final TestDatabase database;
    private final Godwit godwit;

    private FreshDatabase(TestDatabase database, Godwit godwit) {
        this.database = database;
        this.godwit = godwit;
    }

    /** Makes the database the annotation asks for and applies every migration to it. */
    static FreshDatabase create(GodwitTest settings) {
        TestDatabase database = make(settings);
        try {
            Godwit godwit = Godwit.configure()
                    .url(database.url())
                    .locations(settings.migrations())
                    .baseDirectory(Path.of(""))
                    // A test must not write a snapshot file into the project's migration directory.
                    .noSnapshot()
                    .localUser("godwit-test")
                    .load();
            godwit.migrate();
            return new FreshDatabase(database, godwit);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    private static TestDatabase make(GodwitTest settings) {
        return make(settings.database(), settings.url());
    }

    /** A new, empty database of this kind; {@code url} is read only for {@link Database#URL}. */
    static TestDatabase make(Database kind, String url) {
        return switch (kind) {
            case SQLITE -> SqliteTestDatabase.create();
            case POSTGRES -> PostgresTestDatabase.create();
            case MYSQL -> MysqlTestDatabase.create();
            case URL -> onServer(resolve(url));
        };
    }

    private static TestDatabase onServer(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return PostgresServer.at(url).createDatabase();
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MysqlServer.at(url).createDatabase();
        }
        throw new IllegalArgumentException("@GodwitTest(database = Database.URL) needs the URL of a PostgreSQL, "
                + "MariaDB or MySQL server (jdbc:postgresql://host:5432/postgres?user=..., "
                + "jdbc:mariadb://host:3306/?user=...), was '" + url + "'. For SQLite use Database.SQLITE.");
    }

    /** {@code ${NAME}} replaced by the system property NAME, else the environment variable; an error when unset. */
    static String resolve(String url) {
        Matcher m = PLACEHOLDER.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = System.getProperty(name, System.getenv(name));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("@GodwitTest url '" + url + "' names " + name + ", which is "
                        + "neither a system property nor an environment variable. Set it to a server URL.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Database.URL needs the URL of a server: @GodwitTest(database = "
                    + "Database.URL, url = \"jdbc:...\"). For Stairway.check, make the database on that server and "
                    + "pass it.");
        }
        return out.toString();
    }

    TestDatabase database() {
        return database;
    }

    Godwit godwit() {
        return godwit;
    }

    /** Drops the database. */
    @Override
    public void close() {
        database.close();
    }
}
