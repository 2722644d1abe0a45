package dev.godwit.migrate;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the history table ({@code godwit_history} by default). Every method works on the connection it is
 * given and neither commits nor rolls back: the caller decides which transaction a row belongs to.
 */
final class HistoryTable {

    private static final String COLUMNS = "seq, id, description, kind, script, checksum, sql_checksum, down_sql, "
            + "in_transaction, applied_at, applied_by, duration_ms, success, godwit_version";

    private final Dialect dialect;
    private final QualifiedName table;
    private final String quoted;

    HistoryTable(Dialect dialect, QualifiedName table) {
        this.dialect = dialect;
        this.table = table;
        this.quoted = dialect.quote(table);
    }

    QualifiedName name() {
        return table;
    }

    boolean exists(Connection c) throws SQLException {
        return dialect.tableExists(c, table);
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : dialect.createHistoryTable(table)) {
                s.execute(ddl);
            }
        }
    }

    /** Every row, in the order applied. */
    List<AppliedMigration> readAll(Connection c) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + quoted + " ORDER BY seq")) {
            while (rs.next()) {
                rows.add(new AppliedMigration(rs.getInt(1), MigrationId.of(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Optional.ofNullable(rs.getString(8)),
                        rs.getBoolean(9) ? TransactionMode.TRANSACTIONAL : TransactionMode.NON_TRANSACTIONAL,
                        parseTimestamp(rs.getString(10)), rs.getString(11), rs.getLong(12), rs.getBoolean(13),
                        rs.getString(14)));
            }
        }
        return rows;
    }

    boolean contains(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + quoted + " WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * True when the migration needs no run: a versioned one has a row; a repeatable one has a row with its current
     * checksum.
     */
    boolean isCurrent(Connection c, Migration m) throws SQLException {
        if (!m.kind().repeatable()) {
            return contains(c, m.id());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT checksum FROM " + quoted + " WHERE id = ?")) {
            ps.setString(1, m.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && m.checksum().equals(rs.getString(1));
            }
        }
    }

    /** Records a migration; {@code seq} is the next number, taken in the same statement. */
    void insert(Connection c, Migration m, List<SqlStatement> up, String appliedBy, long durationMs,
                boolean success, String godwitVersion) throws SQLException {
        String sql = "INSERT INTO " + quoted + " (" + COLUMNS + ") SELECT COALESCE(MAX(seq), 0) + 1, "
                + "?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ? FROM " + quoted;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.id().value());
            ps.setString(2, m.description());
            ps.setString(3, m.kind().name());
            ps.setString(4, m.location());
            ps.setString(5, m.checksum());
            ps.setString(6, Checksums.ofStatements(up));
            ps.setString(7, m.down().map(Section::text).orElse(null));
            ps.setBoolean(8, m.transactionMode() == TransactionMode.TRANSACTIONAL);
            ps.setString(9, appliedBy);
            ps.setLong(10, durationMs);
            ps.setBoolean(11, success);
            ps.setString(12, godwitVersion);
            ps.executeUpdate();
        }
    }

    void markSucceeded(Connection c, MigrationId id, long durationMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + quoted + " SET success = ?, duration_ms = ? WHERE id = ?")) {
            ps.setBoolean(1, true);
            ps.setLong(2, durationMs);
            ps.setString(3, id.value());
            ps.executeUpdate();
        }
    }

    /** Takes the file's current text as the applied one ({@code repair}). */
    void accept(Connection c, Migration m, List<SqlStatement> up) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + quoted + " SET checksum = ?, sql_checksum = ?, "
                + "description = ?, script = ?, down_sql = ? WHERE id = ?")) {
            ps.setString(1, m.checksum());
            ps.setString(2, Checksums.ofStatements(up));
            ps.setString(3, m.description());
            ps.setString(4, m.location());
            ps.setString(5, m.down().map(Section::text).orElse(null));
            ps.setString(6, m.id().value());
            ps.executeUpdate();
        }
    }

    void delete(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + quoted + " WHERE id = ?")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
        }
    }

    /**
     * Databases print {@code CURRENT_TIMESTAMP} differently: PostgreSQL {@code 2026-11-23 10:00:00.123+00},
     * SQLite {@code 2026-11-23 10:00:00} (UTC, no zone). Values without a zone are UTC.
     */
    static Instant parseTimestamp(String text) {
        if (text == null) {
            return null;
        }
        String iso = text.strip().replace(' ', 'T');
        if (iso.matches(".*[+-]\\d\\d$")) {
            iso = iso + ":00";
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }
}
