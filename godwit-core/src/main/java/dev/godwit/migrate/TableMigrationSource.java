package dev.godwit.migrate;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Migrations held as rows of a table in the target database (default {@code godwit_migrations}): an application
 * inserts migration texts ({@link #add}) and then runs {@code godwit.migrate()}. Columns: {@code id} (primary key),
 * {@code up}, {@code down} (null for none), {@code depends} (ids separated by spaces or commas, null for "the
 * migration before it"), {@code checksum} (of {@code up}, filled by {@link #add}; a row whose {@code up} no longer
 * matches it is refused), {@code created_at}. The up text may carry {@code -- godwit:} headers such as
 * {@code no-transaction}.
 *
 * <p>The table is created when missing, by the migrator in its session or by the first {@link #add}. It is read on
 * the migrator's own connection, so rows committed before {@code migrate} starts are seen.
 */
public final class TableMigrationSource implements MigrationSource {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "godwit_migrations";

    private final QualifiedName table;

    public TableMigrationSource(QualifiedName table) {
        this.table = table;
    }

    /** The table {@value #DEFAULT_TABLE}, unqualified. */
    public TableMigrationSource() {
        this(QualifiedName.of(null, DEFAULT_TABLE));
    }

    @Override
    public boolean readsDatabase() {
        return true;
    }

    /** Refused: this source reads the target database, and the migrator calls {@link #load(Connection, Dialect)}. */
    @Override
    public List<Migration> load() {
        throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The migration table " + table + " is read on the "
                + "migrator's connection; give the source to GodwitConfig.Builder.sources(...) instead of loading it.");
    }

    @Override
    public List<Migration> load(Connection c, Dialect dialect) {
        try {
            // Reading never creates: status and dry runs change nothing, and a missing table holds no migration.
            // add() creates it.
            if (!dialect.tableExists(c, table)) {
                return List.of();
            }
            List<Migration> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, " + dialect.quote("up")
                    + ", " + dialect.quote("down") + ", depends, checksum FROM " + dialect.quote(table)
                    + " ORDER BY id")) {
                while (rs.next()) {
                    rows.add(row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot read the migration table " + table + ": "
                    + dialect.describe(e) + Session.sqlState(e) + ". Check that the user may create and read it.", e);
        }
    }

    private Migration row(String id, String up, String down, String depends, String checksum) {
        String location = table + " row " + id;
        Migration m = MigrationScript.parse(MigrationId.of(id), Migration.describe(id), location, up == null ? "" : up);
        if (checksum != null && !checksum.isBlank() && !checksum.equals(m.checksum())) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The up text of " + location + " does not match "
                    + "its checksum column (" + checksum + ", text " + m.checksum() + "): the row was edited after it "
                    + "was added. Restore its text, or set checksum to NULL to accept it.");
        }
        List<String> dependencies = new ArrayList<>(m.dependencies());
        if (depends != null) {
            Arrays.stream(depends.split("[,\\s]+")).filter(d -> !d.isBlank()).forEach(dependencies::add);
        }
        return new Migration(m.id(), m.description(), MigrationKind.SQL, location, m.up(),
                Optional.ofNullable(down).map(Section::of), dependencies, m.transactionMode());
    }

    /** Creates the table when it is missing; commits when the connection is in auto-commit. */
    public void ensureTable(Connection c, Dialect dialect) throws SQLException {
        if (dialect.tableExists(c, table)) {
            return;
        }
        // Portable types: varchar keys (MySQL cannot index text), text bodies, a timestamp the database fills.
        String ddl = "CREATE TABLE " + dialect.quote(table) + " (id VARCHAR(255) NOT NULL PRIMARY KEY, "
                + dialect.quote("up") + " TEXT NOT NULL, " + dialect.quote("down") + " TEXT, depends VARCHAR(1000), "
                + "checksum VARCHAR(64), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)";
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            // Another migrator or writer created it between the check and here.
            if (!dialect.tableExists(c, table)) {
                throw e;
            }
        }
    }

    /**
     * Inserts a migration row (creating the table when missing), in the connection's current transaction.
     *
     * @param down      the down text, or null
     * @param dependsOn the ids it depends on; none means "the migration before it"
     */
    public void add(Connection c, String id, String up, String down, String... dependsOn) throws SQLException {
        Dialect dialect = Dialects.forUrl(c.getMetaData().getURL());
        ensureTable(c, dialect);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.quote(table) + " (id, "
                + dialect.quote("up") + ", " + dialect.quote("down") + ", depends, checksum) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, up);
            ps.setString(3, down);
            ps.setString(4, dependsOn.length == 0 ? null : String.join(" ", dependsOn));
            ps.setString(5, Checksums.of(MigrationScript.parse(MigrationId.of(id), "", id, up).up().text()));
            ps.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "table " + table;
    }
}
