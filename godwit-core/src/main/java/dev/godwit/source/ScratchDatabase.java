package dev.godwit.source;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.model.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An empty database of the configured product that lives as long as one resolution: for SQLite a file in a
 * temporary directory, for PostgreSQL a database created on the configured server
 * ({@code CREATE DATABASE godwit_scratch_<random>}) and dropped on close. Nothing in it outlives {@link #close()}.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dialect dialect;
    private final String url;
    private final ConnectionSource connections;
    private final Runnable cleanup;

    private ScratchDatabase(Dialect dialect, String url, ConnectionSource connections, Runnable cleanup) {
        this.dialect = dialect;
        this.url = url;
        this.connections = connections;
        this.cleanup = cleanup;
    }

    /** A new, empty database of the product of {@code settings.serverUrl()}. */
    static ScratchDatabase create(SourceSettings settings, String purpose) {
        Dialect dialect = Dialects.forUrl(settings.serverUrl());
        return switch (dialect.name()) {
            case "sqlite" -> sqlite(dialect, settings);
            case "postgres" -> postgres(dialect, settings, purpose);
            default -> throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: Godwit cannot make a scratch "
                    + dialect.name() + " database to " + purpose + ". Use a snapshot (.json) or a live database "
                    + "URL as the source instead.");
        };
    }

    Dialect dialect() {
        return dialect;
    }

    String url() {
        return url;
    }

    ConnectionSource connections() {
        return connections;
    }

    /** Its schema, read with the configured options. */
    Catalog inspect(SourceSettings settings) {
        try (Connection c = connections.open()) {
            return StateReader.read(dialect, c, settings.schema(), settings.historyTable());
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.GENERAL, "Cannot read the schema of the scratch database: "
                    + dialect.describe(e) + ".", e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }

    private static ScratchDatabase sqlite(Dialect dialect, SourceSettings settings) {
        Path directory;
        try {
            directory = Files.createTempDirectory("godwit-scratch-");
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.GENERAL, "Cannot make a temporary directory for a scratch SQLite "
                    + "database: " + e.getMessage(), e);
        }
        // A file, not :memory:, because the migrator opens several connections; nothing in it needs to survive a
        // crash, so the journal stays in memory and nothing waits for the disk.
        String url = "jdbc:sqlite:" + directory.resolve("scratch.db") + "?journal_mode=MEMORY&synchronous=OFF";
        return new ScratchDatabase(dialect, url, settings.connector().apply(url), () -> delete(directory));
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless; the operating system clears it.
        }
    }

    private static ScratchDatabase postgres(Dialect dialect, SourceSettings settings, String purpose) {
        String server = settings.serverUrl();
        Matcher m = POSTGRES_URL.matcher(server);
        if (!m.matches()) {
            throw new GodwitException(ErrorCode.CONFIG, "Cannot tell the server of " + Redaction.url(server)
                    + " to make a scratch database on. Write the URL as jdbc:postgresql://host:5432/db.");
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "godwit_scratch_" + HexFormat.of().formatHex(random);
        String url = m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
        ConnectionSource admin = settings.connector().apply(server);
        execute(admin, "CREATE DATABASE " + name, e -> createFailure(e, server, purpose, dialect));
        return new ScratchDatabase(dialect, url, settings.connector().apply(url), () -> execute(admin,
                // WITH (FORCE), PG 13+: ends any session a failed load left behind.
                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", e -> new GodwitException(ErrorCode.GENERAL,
                        "Cannot drop the scratch database " + name + " on " + Redaction.url(server) + ": "
                                + dialect.describe(e) + ". Drop it by hand.", e)));
    }

    private static GodwitException createFailure(SQLException e, String server, String purpose, Dialect dialect) {
        if ("42501".equals(e.getSQLState())) {
            return new GodwitException(ErrorCode.CONNECTION, "Cannot create a scratch database on "
                    + Redaction.url(server) + " to " + purpose + ": the user may not create databases [SQLState "
                    + "42501]. Grant it (ALTER ROLE <user> CREATEDB), point --url at a server where it may, or use "
                    + "a snapshot (.json) or a live database URL as the source.", e);
        }
        return new GodwitException(ErrorCode.CONNECTION, "Cannot create a scratch database on "
                + Redaction.url(server) + " to " + purpose + ": " + dialect.describe(e)
                + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]") + ".", e);
    }

    private interface Failure {
        GodwitException of(SQLException e);
    }

    private static void execute(ConnectionSource connections, String sql, Failure failure) {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure.of(e);
        }
    }
}
