package dev.godwit.sqlite;

import static dev.godwit.sqlite.SqliteDdlWriter.quote;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.PlannedStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table rebuild SQLite documents for every change its ALTER TABLE cannot make
 * (https://www.sqlite.org/lang_altertable.html#otheralter), as statements that run inside the plan's transaction:
 * create the new table under a temporary name, copy the columns both tables have, drop the old table, rename the new
 * one, recreate the new table's indexes and triggers, and check the foreign keys. Columns only the new table has
 * take their defaults, so a NOT NULL column without one fails the copy of a table with rows (and the transaction
 * rolls back whole). Views that read the table are dropped and recreated around the rebuild by the planner.
 *
 * <p>Foreign keys: {@code PRAGMA foreign_keys} cannot change inside a transaction, and {@code defer_foreign_keys} is no
 * substitute: with foreign keys on, the DROP TABLE of a table other tables reference first deletes its rows, which
 * runs their ON DELETE CASCADE / SET NULL actions at once (deferring only delays the check, and leaves a count of
 * violations that the rename does not clear, so COMMIT fails). A rebuild of a referenced table therefore first
 * checks that foreign keys are off and fails with a message saying so when they are not; the documented procedure
 * turns them off before the transaction and on again after it.
 */
final class SqliteRebuild {

    private static final String PREFIX = "_godwit_new_";
    private static final String GUARD = "temp._godwit_foreign_keys_off";

    private SqliteRebuild() {
    }

    static List<PlannedStatement> statements(Change.RebuildTable change, Catalog from, Catalog to) {
        Table before = change.from();
        Table after = change.to();
        QualifiedName temporary = QualifiedName.of(after.name().schema(), PREFIX + after.name().name());
        List<Column> lost = before.columns().stream().filter(c -> column(after, c.name()).isEmpty()).toList();
        Set<Hazard> rewrite = EnumSet.of(Hazard.TABLE_REWRITE);
        Set<Hazard> drop = EnumSet.of(Hazard.TABLE_REWRITE);
        if (!lost.isEmpty()) {
            drop.addAll(Set.of(Hazard.DATA_LOSS, Hazard.IRREVERSIBLE));
        }
        List<PlannedStatement> out = new ArrayList<>();
        if (referenced(before, after, from, to)) {
            String message = "rebuilding table " + after.name().name() + " needs PRAGMA foreign_keys = OFF before the "
                    + "transaction: foreign keys refer to it, and with them on, its DROP TABLE would run their ON "
                    + "DELETE actions";
            out.add(new PlannedStatement("CREATE TEMP TABLE " + GUARD + " (foreign_keys INTEGER CONSTRAINT "
                    + quote(message) + " CHECK (foreign_keys = 0))", change, true, rewrite));
            out.add(new PlannedStatement("INSERT INTO " + GUARD + " SELECT foreign_keys FROM pragma_foreign_keys",
                    change, true, rewrite));
            out.add(new PlannedStatement("DROP TABLE " + GUARD, change, true, rewrite));
        }
        out.add(new PlannedStatement(SqliteDdlWriter.createTable(after, temporary), change, true, rewrite));
        copy(before, after, temporary).ifPresent(sql -> out.add(new PlannedStatement(sql, change, true, rewrite)));
        out.add(new PlannedStatement("DROP TABLE " + quote(before.name()), change, true, drop));
        // SQLite 3.26+ re-reads every trigger and view of the schema during a RENAME, and fails on those that name
        // the table just dropped ("error in trigger ...: no such table"); the legacy rename only renames.
        out.add(new PlannedStatement("PRAGMA legacy_alter_table = ON", change, true, rewrite));
        out.add(new PlannedStatement("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(after.name().name()),
                change, true, rewrite));
        out.add(new PlannedStatement("PRAGMA legacy_alter_table = OFF", change, true, rewrite));
        SqliteDdlWriter ddl = new SqliteDdlWriter();
        for (Index index : after.indexes()) {
            ddl.createIndex(after, index).forEach(sql -> out.add(new PlannedStatement(sql, change, true, rewrite)));
        }
        for (Trigger trigger : after.triggers()) {
            ddl.createTrigger(after, trigger).forEach(sql -> out.add(new PlannedStatement(sql, change, true,
                    rewrite)));
        }
        if (!after.foreignKeys().isEmpty()) {
            out.add(new PlannedStatement("PRAGMA foreign_key_check(" + quote(after.name().name()) + ")", change, true,
                    rewrite));
        }
        return out;
    }

    /**
     * INSERT ... SELECT of the columns both tables have (by name, as SQLite compares names: ignoring case); the new
     * table's generated columns compute themselves. Empty when there are none to copy.
     */
    private static Optional<String> copy(Table before, Table after, QualifiedName temporary) {
        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (Column c : after.columns()) {
            Optional<Column> old = column(before, c.name());
            if (old.isPresent() && c.generated().isEmpty()) {
                into.add(quote(c.name()));
                select.add(quote(old.get().name()));
            }
        }
        if (into.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("INSERT INTO " + quote(temporary) + " (" + String.join(", ", into) + ")\nSELECT "
                + String.join(", ", select) + " FROM " + quote(before.name()));
    }

    private static Optional<Column> column(Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * True when a foreign key refers to the table: its own (the new table's self-reference names the same table) or
     * one of a table that exists before the plan (tables the plan creates are empty).
     */
    private static boolean referenced(Table before, Table after, Catalog from, Catalog to) {
        String name = after.name().name().toLowerCase(Locale.ROOT);
        String oldName = before.name().name().toLowerCase(Locale.ROOT);
        List<Table> tables = new ArrayList<>();
        from.schemas().forEach(s -> tables.addAll(s.tables()));
        to.schemas().forEach(s -> s.tables().stream().filter(t -> from.table(t.name()).isPresent()
                || t.name().equals(after.name())).forEach(tables::add));
        return tables.stream().flatMap(t -> t.foreignKeys().stream())
                .map(fk -> fk.referencedTable().name().toLowerCase(Locale.ROOT))
                .anyMatch(r -> r.equals(name) || r.equals(oldName));
    }
}
