package dev.godwit.sqlite;

import static dev.godwit.sqlite.SqliteDdlWriter.quote;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Table;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite statements for each change. SQLite's ALTER TABLE can only add, drop and rename columns and rename tables,
 * so {@link #lower} first turns every table whose changes need more into one {@link Change.RebuildTable}, written as
 * the documented table rebuild ({@link SqliteRebuild}). Creations reuse {@link SqliteDdlWriter}, so a plan writes an
 * object exactly as {@code inspect --format sql} does. SQLite has no comments: comment changes write nothing. Every
 * statement runs inside a transaction (SQLite's DDL is transactional).
 */
final class SqliteChangeWriter implements ChangeWriter {

    private final SqliteDdlWriter ddl = new SqliteDdlWriter();

    @Override
    public List<Change> lower(List<Change> changes, Catalog from, Catalog to) {
        return SqlitePlanRules.lower(changes, from, to);
    }

    @Override
    public List<PlannedStatement> write(Change change, Catalog from, Catalog to) {
        List<PlannedStatement> out = new ArrayList<>();
        if (change instanceof Change.CreateTable c) {
            ddl.createTable(c.table()).forEach(sql -> out.add(PlannedStatement.of(change, sql)));
        } else if (change instanceof Change.DropTable c) {
            out.add(PlannedStatement.of(change, "DROP TABLE " + quote(c.table().name()), Hazard.DATA_LOSS,
                    Hazard.IRREVERSIBLE));
        } else if (change instanceof Change.RenameTable c) {
            out.add(PlannedStatement.of(change, alterTable(c.from()) + "RENAME TO " + quote(c.to().name().name())));
        } else if (change instanceof Change.RebuildTable c) {
            out.addAll(SqliteRebuild.statements(c, from, to));
        } else if (change instanceof Change.AddColumn c) {
            out.add(PlannedStatement.of(change, alterTable(c.table()) + "ADD COLUMN " + addedColumn(c.table(),
                    c.column())));
        } else if (change instanceof Change.DropColumn c) {
            out.add(PlannedStatement.of(change, alterTable(c.table()) + "DROP COLUMN " + quote(c.column().name()),
                    Hazard.DATA_LOSS, Hazard.IRREVERSIBLE));
        } else if (change instanceof Change.RenameColumn c) {
            out.add(PlannedStatement.of(change, alterTable(c.table()) + "RENAME COLUMN " + quote(c.from().name())
                    + " TO " + quote(c.to().name())));
        } else if (change instanceof Change.CreateIndex c) {
            ddl.createIndex(Table.of(c.on(), List.of()), c.index()).forEach(sql -> out.add(PlannedStatement.of(change,
                    sql)));
        } else if (change instanceof Change.DropIndex c) {
            out.add(PlannedStatement.of(change, "DROP INDEX " + quote(c.index().name())));
        } else if (change instanceof Change.CreateView c) {
            ddl.createView(c.view()).forEach(sql -> out.add(PlannedStatement.of(change, sql)));
        } else if (change instanceof Change.DropView c) {
            out.add(PlannedStatement.of(change, "DROP VIEW " + quote(c.view().name())));
        } else if (change instanceof Change.CreateTrigger c) {
            ddl.createTrigger(c.table(), c.trigger()).forEach(sql -> out.add(PlannedStatement.of(change, sql)));
        } else if (change instanceof Change.DropTrigger c) {
            out.add(PlannedStatement.of(change, "DROP TRIGGER " + quote(c.trigger().name())));
        } else if (!(change instanceof Change.SetTableComment || change instanceof Change.SetColumnComment
                || change instanceof Change.SetViewComment || change instanceof Change.SetSchemaComment)) {
            // Lowering leaves no other table change; schemas, types, sequences and routines SQLite does not have.
            throw new UnsupportedChangeException(change, "this change on SQLite, which has no schemas, enum or "
                    + "composite types, domains, sequences, extensions or stored routines; remove it from the desired "
                    + "schema (it was probably written for another database)");
        }
        return out;
    }

    private static String alterTable(Table table) {
        return "ALTER TABLE " + quote(table.name()) + " ";
    }

    /**
     * A column as ADD COLUMN writes it: a foreign key on this column alone goes inline as REFERENCES, the only way
     * SQLite adds one without a rebuild ({@link SqlitePlanRules} made sure the column qualifies).
     */
    private static String addedColumn(Table table, Column column) {
        StringBuilder sql = new StringBuilder(SqliteDdlWriter.column(column, null));
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().equals(List.of(column.name()))) {
                sql.append(' ').append(SqliteDdlWriter.constraintName(table, fk))
                        .append(SqliteDdlWriter.references(fk));
            }
        }
        return sql.toString();
    }
}
