package dev.godwit.sqlite;

import dev.godwit.model.Deferrable;
import dev.godwit.sqlite.SqliteTableRows.ColumnRow;
import dev.godwit.sqlite.SqliteTableRows.ForeignKeyRow;
import dev.godwit.sqlite.SqliteTableRows.IndexRow;
import dev.godwit.sqlite.SqliteTableRows.KeyRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads from a table's CREATE TABLE text, and the CREATE INDEX texts of its indexes, the rows SQLite's pragmas would
 * report ({@link SqliteTableRows}; the indexes' with {@link SqliteCreateIndexText}), the way SQLite itself builds its
 * in-memory schema from the same text on open (build.c): declared types as written (the six STRICT type names upper
 * case), DEFAULT texts as their span, primary key positions, NOT NULL (implied for the primary key of a WITHOUT ROWID
 * table), the automatic indexes of UNIQUE and PRIMARY KEY constraints with SQLite's numbering
 * ({@code sqlite_autoindex_<table>_<n>}, n counting the indexes made before, a constraint on the same columns and
 * collations as an earlier one making none), and foreign keys numbered from the last declared. On the same walk it
 * gathers what the pragmas do not report ({@link SqliteTableSql}'s facts: checks, generated expressions, collations,
 * constraint names, deferrability, AUTOINCREMENT, WITHOUT ROWID, STRICT).
 *
 * <p>It follows SQLite's grammar (parse.y) token by token ({@link SqliteTokenWalk} holds the pieces that do not
 * depend on the table) and gives up, returning empty, at anything it does not know for certain: then the pragmas are
 * asked for that table. {@code SqliteCreateTextTest} holds it to the pragmas' rows on every schema of the test corpus.
 */
final class SqliteCreateText extends SqliteTokenWalk {

    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "FOREIGN");

    private final String table;
    private final List<Col> columns = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final List<AutoIndex> indexes = new ArrayList<>();
    /** Foreign keys in declaration order, their rows without an id yet. */
    private final List<List<ForeignKeyRow>> foreignKeys = new ArrayList<>();
    private final List<Integer> primaryKey = new ArrayList<>();
    /** The column that is the rowid (INTEGER PRIMARY KEY), or -1. */
    private int rowidColumn = -1;
    /** What the pragmas do not report, gathered on the same walk. */
    private final SqliteTableSql facts = new SqliteTableSql();
    /** The name given with CONSTRAINT to the constraint that follows, or null. */
    private String constraintName;

    /** A table's pragma rows and what only its CREATE text holds, read in one walk. */
    record Reading(SqliteTableRows rows, SqliteTableSql facts) {
    }

    private static final class Col {
        final String name;
        String type = "";
        boolean notNull;
        String defaultValue;
        int hidden;
        String collation;

        Col(String name) {
            this.name = name;
        }
    }

    /** An index made by a constraint: columns by position, collations, origin u or pk. */
    private static final class AutoIndex {
        final String name;
        String origin;
        final List<Integer> columns;
        final List<String> collations;
        final List<Boolean> descending;

        AutoIndex(String name, String origin, List<Integer> columns, List<String> collations,
                  List<Boolean> descending) {
            this.name = name;
            this.origin = origin;
            this.columns = columns;
            this.collations = collations;
            this.descending = descending;
        }
    }

    private SqliteCreateText(String table, SqliteTokens tokens) {
        super(tokens);
        this.table = table;
    }

    /**
     * The pragmas' rows of table {@code table} and the facts {@link SqliteTableSql#parse} would read from the same
     * text, or empty when the text takes a turn this reader does not follow.
     *
     * @param createIndexes the CREATE INDEX statements on the table, by index name
     */
    static Optional<Reading> read(String table, String createTable, Map<String, String> createIndexes) {
        Optional<SqliteTokens> tokens = SqliteTokens.of(createTable);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        SqliteCreateText text = new SqliteCreateText(table, tokens.get());
        try {
            text.createTable();
            List<IndexRow> indexes = new ArrayList<>();
            for (AutoIndex index : text.indexes) {
                List<KeyRow> keys = new ArrayList<>();
                for (int k = 0; k < index.columns.size(); k++) {
                    keys.add(new KeyRow(text.columns.get(index.columns.get(k)).name, index.descending.get(k)));
                }
                indexes.add(new IndexRow(index.name, index.origin, true, keys));
            }
            for (Map.Entry<String, String> index : createIndexes.entrySet()) {
                indexes.add(SqliteCreateIndexText.read(index.getKey(), index.getValue(), text::columnNamed)
                        .orElseThrow(Unsure::new));
            }
            List<ColumnRow> columns = new ArrayList<>();
            for (int i = 0; i < text.columns.size(); i++) {
                Col c = text.columns.get(i);
                int pk = text.primaryKey.indexOf(i) + 1;
                columns.add(new ColumnRow(c.name, c.type, c.notNull, c.hidden == 0 ? c.defaultValue : null, pk,
                        c.hidden));
            }
            List<ForeignKeyRow> foreignKeys = new ArrayList<>();
            for (int id = 0; id < text.foreignKeys.size(); id++) {
                // SQLite puts each new key first in its list: id 0 is the last one declared.
                for (ForeignKeyRow row : text.foreignKeys.get(text.foreignKeys.size() - 1 - id)) {
                    foreignKeys.add(new ForeignKeyRow(id, row.seq(), row.table(), row.from(), row.to(),
                            row.onUpdate(), row.onDelete()));
                }
            }
            return Optional.of(new Reading(new SqliteTableRows(columns, indexes, foreignKeys), text.facts));
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    private void createTable() {
        expect("CREATE");
        expect("TABLE");
        if (t.is(pos, "IF")) {
            unsure(); // SQLite stores the statement without IF NOT EXISTS
        }
        name();
        if (t.kind(pos) == SqliteTokens.DOT) {
            pos++;
            name();
        }
        expect(SqliteTokens.LP);
        do {
            if (tableConstraintStart()) {
                break;
            }
            column();
        } while (accept(SqliteTokens.COMMA));
        while (t.kind(pos) != SqliteTokens.RP) {
            tableConstraint();
            // SQLite lets table constraints follow one another without a comma; a comma ends a CONSTRAINT name.
            if (accept(SqliteTokens.COMMA)) {
                constraintName = null;
            }
        }
        pos++;
        boolean withoutRowid = false;
        while (pos < t.size()) {
            if (t.is(pos, "WITHOUT") && t.is(pos + 1, "ROWID")) {
                withoutRowid = true;
                facts.withoutRowid = true;
                pos += 2;
            } else if (t.is(pos, "STRICT")) {
                facts.strict = true;
                pos++;
            } else {
                unsure();
            }
            if (pos < t.size()) {
                expect(SqliteTokens.COMMA);
            }
        }
        if (withoutRowid) {
            if (primaryKey.isEmpty()) {
                unsure();
            }
            if (rowidColumn >= 0) {
                // convertToWithoutRowidTable: an INTEGER PRIMARY KEY gets its index only now, after every other.
                Col c = columns.get(rowidColumn);
                constraintIndex("pk", List.of(rowidColumn), List.of(collation(c)), List.of(false));
            }
            primaryKey.forEach(i -> columns.get(i).notNull = true);
        }
    }

    private boolean tableConstraintStart() {
        for (String keyword : TABLE_CONSTRAINT_START) {
            if (t.is(pos, keyword)) {
                return true;
            }
        }
        return false;
    }

    private void column() {
        if (!t.isName(pos)) {
            unsure();
        }
        Col c = new Col(t.dequoted(pos++));
        constraintName = null;
        if (byName.putIfAbsent(lower(c.name), columns.size()) != null) {
            unsure();
        }
        columns.add(c);
        c.type = type();
        int self = columns.size() - 1;
        while (t.kind(pos) != SqliteTokens.COMMA && t.kind(pos) != SqliteTokens.RP) {
            if (accept("CONSTRAINT")) {
                constraintName();
                continue;
            }
            String named = takeName();
            if (accept("DEFAULT")) {
                c.defaultValue = defaultValue();
            } else if (accept("NULL")) {
                conflictClause();
            } else if (t.is(pos, "NOT") && t.is(pos + 1, "NULL")) {
                pos += 2;
                c.notNull = true;
                conflictClause();
            } else if (t.is(pos, "NOT") && t.is(pos + 1, "DEFERRABLE") || t.is(pos, "DEFERRABLE")) {
                // sqlite3DeferForeignKey: a DEFERRABLE of its own applies to the table's last foreign key so far.
                Deferrable deferrable = deferrable();
                int last = facts.foreignKeys.size() - 1;
                if (last >= 0) {
                    SqliteTableSql.ForeignKeyClause key = facts.foreignKeys.get(last);
                    facts.foreignKeys.set(last, new SqliteTableSql.ForeignKeyClause(key.name(), key.columns(),
                            key.table(), deferrable));
                }
            } else if (t.is(pos, "PRIMARY") && t.is(pos + 1, "KEY")) {
                pos += 2;
                boolean desc = sortOrder();
                conflictClause();
                facts.autoincrement |= accept("AUTOINCREMENT");
                if (named != null) {
                    facts.primaryKeyName = named;
                }
                primaryKey(List.of(self), List.of(collation(c)), List.of(desc), desc);
            } else if (accept("UNIQUE")) {
                conflictClause();
                if (named != null) {
                    facts.uniqueNames.put(List.of(rootLower(c.name)), named);
                }
                constraintIndex("u", List.of(self), List.of(collation(c)), List.of(false));
            } else if (accept("CHECK")) {
                check(named);
            } else if (accept("REFERENCES")) {
                references(List.of(self), named);
            } else if (accept("COLLATE")) {
                c.collation = collationName();
                facts.collations.put(c.name, c.collation);
                // sqlite3AddCollateType: indexes already made on the column take the new collation.
                for (AutoIndex index : indexes) {
                    if (index.columns.get(0) == self) {
                        index.collations.set(0, c.collation);
                    }
                }
            } else if (t.is(pos, "GENERATED") && t.is(pos + 1, "ALWAYS") && t.is(pos + 2, "AS")) {
                pos += 3;
                c.hidden = generated(c);
            } else if (accept("AS")) {
                c.hidden = generated(c);
            } else {
                unsure();
            }
        }
    }

    /** AS (expr) [STORED | VIRTUAL]: the hidden code, 3 stored, 2 virtual; the expression goes to the facts. */
    private int generated(Col c) {
        facts.generated.put(c.name, parenthesised());
        if (accept("STORED")) {
            return 3;
        }
        accept("VIRTUAL");
        return 2;
    }

    private void tableConstraint() {
        if (accept("CONSTRAINT")) {
            constraintName();
            return;
        }
        String named = takeName();
        if (t.is(pos, "PRIMARY") && t.is(pos + 1, "KEY")) {
            pos += 2;
            List<Integer> cols = new ArrayList<>();
            List<String> colls = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            columnList(cols, colls, desc, true);
            conflictClause();
            facts.primaryKeyName = named == null ? "" : named;
            primaryKey(cols, colls, desc, desc.get(0));
        } else if (accept("UNIQUE")) {
            List<Integer> cols = new ArrayList<>();
            List<String> colls = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            columnList(cols, colls, desc, false);
            conflictClause();
            if (named != null) {
                facts.uniqueNames.put(rootLower(cols), named);
            }
            constraintIndex("u", cols, colls, desc);
        } else if (accept("CHECK")) {
            check(named);
            conflictClause();
        } else if (t.is(pos, "FOREIGN") && t.is(pos + 1, "KEY")) {
            pos += 2;
            List<Integer> cols = new ArrayList<>();
            columnList(cols, new ArrayList<>(), new ArrayList<>(), false);
            expect("REFERENCES");
            references(cols, named);
        } else {
            unsure();
        }
    }

    /** ( name [COLLATE c] [ASC|DESC], ... ) of a PRIMARY KEY, UNIQUE or FOREIGN KEY, as column positions. */
    private void columnList(List<Integer> cols, List<String> colls, List<Boolean> desc, boolean autoincrement) {
        expect(SqliteTokens.LP);
        do {
            if (!t.isName(pos)) {
                unsure();
            }
            Integer col = byName.get(lower(t.dequoted(pos++)));
            if (col == null || cols.contains(col)) {
                unsure();
            }
            cols.add(col);
            colls.add(accept("COLLATE") ? collationName() : collation(columns.get(col)));
            desc.add(sortOrder());
        } while (accept(SqliteTokens.COMMA));
        if (autoincrement) {
            facts.autoincrement |= accept("AUTOINCREMENT");
        }
        expect(SqliteTokens.RP);
    }

    /** sqlite3AddPrimaryKey: one INTEGER column in ascending order is the rowid; any other key gets an index. */
    private void primaryKey(List<Integer> cols, List<String> colls, List<Boolean> desc, boolean firstDescending) {
        if (!primaryKey.isEmpty()) {
            unsure();
        }
        primaryKey.addAll(cols);
        if (cols.size() == 1 && columns.get(cols.get(0)).type.equals("INTEGER") && !firstDescending) {
            rowidColumn = cols.get(0);
        } else {
            constraintIndex("pk", cols, colls, desc);
        }
    }

    /**
     * sqlite3CreateIndex for a constraint: named after the count of the table's indexes so far, and not made when
     * an index on the same columns with the same collations exists (which becomes the primary key's, for one).
     */
    private void constraintIndex(String origin, List<Integer> cols, List<String> colls, List<Boolean> desc) {
        for (AutoIndex index : indexes) {
            if (index.columns.equals(cols) && sameCollations(index.collations, colls)) {
                if (origin.equals("pk")) {
                    index.origin = "pk";
                }
                return;
            }
        }
        indexes.add(new AutoIndex("sqlite_autoindex_" + table + "_" + (indexes.size() + 1), origin,
                new ArrayList<>(cols), new ArrayList<>(colls), new ArrayList<>(desc)));
    }

    private static boolean sameCollations(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!asciiEqualsIgnoreCase(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** REFERENCES table [(columns)] [ON DELETE|UPDATE|INSERT action | MATCH name]... [[NOT] DEFERRABLE ...]. */
    private void references(List<Integer> from, String named) {
        if (!t.isName(pos)) {
            unsure();
        }
        String parent = t.dequoted(pos++);
        List<String> to = new ArrayList<>();
        if (accept(SqliteTokens.LP)) {
            do {
                if (!t.isName(pos)) {
                    unsure();
                }
                to.add(t.dequoted(pos++));
                if (accept("COLLATE")) {
                    collationName();
                }
                sortOrder();
            } while (accept(SqliteTokens.COMMA));
            expect(SqliteTokens.RP);
            if (to.size() != from.size()) {
                unsure();
            }
        }
        String onUpdate = "NO ACTION";
        String onDelete = "NO ACTION";
        while (true) {
            if (accept("MATCH")) {
                name();
            } else if (accept("ON")) {
                if (accept("DELETE")) {
                    onDelete = action();
                } else if (accept("UPDATE")) {
                    onUpdate = action();
                } else {
                    expect("INSERT");
                    action();
                }
            } else {
                break;
            }
        }
        Deferrable deferrable = t.is(pos, "NOT") && t.is(pos + 1, "DEFERRABLE") || t.is(pos, "DEFERRABLE")
                ? deferrable() : Deferrable.NOT_DEFERRABLE;
        facts.foreignKeys.add(new SqliteTableSql.ForeignKeyClause(Optional.ofNullable(named), rootLower(from),
                parent.toLowerCase(Locale.ROOT), deferrable));
        List<ForeignKeyRow> key = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            key.add(new ForeignKeyRow(-1, i, parent, columns.get(from.get(i)).name, to.isEmpty() ? null : to.get(i),
                    onUpdate, onDelete));
        }
        foreignKeys.add(key);
    }

    /** CONSTRAINT's name, kept for the constraint that follows it. */
    private void constraintName() {
        int at = pos;
        name();
        constraintName = t.dequoted(at);
    }

    /** The name a CONSTRAINT gave the constraint about to be read, or null; a name belongs to one constraint. */
    private String takeName() {
        String named = constraintName;
        constraintName = null;
        return named;
    }

    /** CHECK (expr): the expression as written, without the parentheses and outer white space. */
    private void check(String named) {
        facts.checks.add(parenthesised());
        facts.checkNames.add(named);
    }

    /** The table's column of this name as declared, or null. */
    private String columnNamed(String name) {
        Integer col = byName.get(lower(name));
        return col == null ? null : columns.get(col).name;
    }

    private static String collation(Col c) {
        return c.collation == null ? "BINARY" : c.collation;
    }

    /** The facts key columns by their declared names in lower case, as the inspector looks them up. */
    private static String rootLower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private List<String> rootLower(List<Integer> cols) {
        List<String> names = new ArrayList<>();
        for (int col : cols) {
            names.add(rootLower(columns.get(col).name));
        }
        return names;
    }

    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        return lower(a).equals(lower(b));
    }
}
