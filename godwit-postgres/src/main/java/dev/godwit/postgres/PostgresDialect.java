package dev.godwit.postgres;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Durability;
import dev.godwit.dialect.Inspector;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.SessionOptions;
import dev.godwit.dialect.SqlResources;
import dev.godwit.dialect.StatementSplitter;
import dev.godwit.model.QualifiedName;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.DdlWriter;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL 14+. DDL is transactional, so a migration commits with its history row or not at all. Migrators
 * serialise on a session advisory lock held by a connection of its own (see {@link PostgresLocker}).
 */
public final class PostgresDialect implements Dialect {

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\s.+\\sFROM\\s+stdin\\b.*");

    static final String APPLICATION_NAME = "godwit";
    private static final String HISTORY_DDL = SqlResources.read(PostgresDialect.class, "history.sql");

    private final StatementSplitter splitter = new PostgresStatementSplitter();
    private final Locker locker = new PostgresLocker();
    private final DdlWriter ddlWriter = new PostgresDdlWriter();
    private final ChangeWriter changeWriter = new PostgresChangeWriter();
    private final Inspector inspector = new PostgresInspector();

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public Locker locker() {
        return locker;
    }

    @Override
    public Inspector inspector() {
        return inspector;
    }

    @Override
    public DdlWriter ddlWriter() {
        return ddlWriter;
    }

    @Override
    public ChangeWriter changeWriter() {
        return changeWriter;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** {@code COPY table (columns) FROM stdin}, as pg_dump writes table data: the rows follow, up to {@code \.}. */
    @Override
    public boolean readsDataFromScript(String sql) {
        return COPY_FROM_STDIN.matcher(sql).matches();
    }

    /** Streams the rows through the driver's COPY protocol, as psql does; far faster than an INSERT per row. */
    @Override
    public long runWithScriptData(Connection connection, String sql, Reader data) throws SQLException {
        try {
            return new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, data);
        } catch (IOException e) {
            throw new SQLException("Reading the COPY data failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<String> createHistoryTable(QualifiedName table) {
        List<String> ddl = new ArrayList<>();
        table.schemaName().ifPresent(s -> ddl.add("CREATE SCHEMA IF NOT EXISTS " + quote(s)));
        ddl.add(HISTORY_DDL.replace("{table}", quote(table)));
        return ddl;
    }

    @Override
    public boolean tableExists(Connection connection, QualifiedName table) throws SQLException {
        // to_regclass resolves an unqualified name through search_path, as the migrations' own statements will.
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void prepareSession(Connection connection, SessionOptions options) throws SQLException {
        try (Statement s = connection.createStatement()) {
            nameApplication(s);
            if (options.schema().isPresent()) {
                // search_path may name a schema that does not exist yet: the history set-up creates it under the
                // lock, and from then on unqualified CREATEs land in it.
                s.execute("SET search_path TO " + quote(options.schema().get()));
            }
        }
    }

    /** Names the session so that {@code pg_stat_activity}, and our lock-timeout message, show who it is. */
    static void nameApplication(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('application_name')")) {
            String current = rs.next() ? rs.getString(1) : "";
            if (current == null || current.isBlank() || current.equals("PostgreSQL JDBC Driver")) {
                s.execute("SET application_name = '" + APPLICATION_NAME + "'");
            }
        }
    }

    /**
     * A deferred commit sets {@code synchronous_commit = off} for its own transaction: it returns before the WAL is
     * flushed. The run's last commit is synchronous, and because WAL is flushed in order it makes every earlier
     * commit durable too; a crash before it loses whole migrations with their history rows, never half of one.
     */
    @Override
    public void begin(Connection connection, Durability durability) throws SQLException {
        connection.setAutoCommit(false);
        if (durability == Durability.DEFERRED) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
        }
    }

    @Override
    public String describe(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            StringBuilder text = new StringBuilder(server.getMessage() == null ? "" : server.getMessage());
            if (server.getDetail() != null) {
                text.append(" (").append(server.getDetail()).append(')');
            }
            if (server.getHint() != null) {
                text.append(" Hint: ").append(server.getHint());
            }
            return text.toString();
        }
        return Dialect.super.describe(e);
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
