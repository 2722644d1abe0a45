package dev.godwit.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests use, found once per JVM: {@code GODWIT_TEST_PG_URL} when set; else a server at
 * 127.0.0.1:5432 (user postgres) when one answers; else an embedded PostgreSQL (io.zonky) started for this JVM and
 * stopped when it exits. {@code GODWIT_TEST_PG=embedded} skips the probe. When none can be had (PostgreSQL refuses
 * to run as root, for instance), tests that need one are skipped with the reason, never failed.
 */
public final class PostgresServer {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static volatile PostgresServer instance;
    private static volatile String unavailable;

    private final String adminUrl;
    private final String description;

    private PostgresServer(String adminUrl, String description) {
        this.adminUrl = adminUrl;
        this.description = description;
    }

    /** The server, starting it if need be; aborts the calling test (skips it) when there is none. */
    public static PostgresServer get() {
        PostgresServer server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                if (instance == null && unavailable == null) {
                    find().ifPresentOrElse(s -> instance = s, () -> { });
                }
                server = instance;
            }
        }
        Assumptions.assumeTrue(server != null, () -> "No PostgreSQL for tests: " + unavailable);
        return server;
    }

    private static Optional<PostgresServer> find() {
        String configured = System.getenv("GODWIT_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new PostgresServer(configured, "GODWIT_TEST_PG_URL"));
        }
        if (!"embedded".equals(System.getenv("GODWIT_TEST_PG")) && answers("127.0.0.1", 5432)) {
            return Optional.of(new PostgresServer(LOCAL, "127.0.0.1:5432"));
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary data directory goes with it.
                }
            }));
            return Optional.of(new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"),
                    "embedded PostgreSQL on port " + embedded.getPort()));
        } catch (IOException | RuntimeException e) {
            unavailable = "nothing answers at 127.0.0.1:5432 and the embedded PostgreSQL did not start ("
                    + e.getMessage() + ")";
            return Optional.empty();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A server at this URL (a maintenance database, the user in it), for tests that name their own. */
    static PostgresServer at(String adminUrl) {
        return new PostgresServer(adminUrl, adminUrl.replaceAll("password=[^&]*", "password=***"));
    }

    /** Where the server came from, for test output. */
    public String description() {
        return description;
    }

    /** A URL for the maintenance database {@code postgres}. */
    public String adminUrl() {
        return adminUrl;
    }

    /** A new, empty database, dropped on close. */
    public PostgresTestDatabase createDatabase() {
        String name = "godwit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + description, e);
        }
        return new PostgresTestDatabase(this, name, urlFor(name));
    }

    /** The admin URL pointed at another database. */
    String urlFor(String database) {
        return adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    void drop(String database) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            // WITH (FORCE), PG 13+: ends sessions a test left open, such as a killed child process's.
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + database + " on " + description, e);
        }
    }
}
