package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.columns;
import static dev.godwit.postgres.PostgresNames.literal;
import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.View;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.PlanOptions;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL statements for each change. Creations reuse {@link PostgresDdlWriter}, so a plan writes an object
 * exactly as {@code inspect --format sql} does; alterations are the ALTER forms a careful engineer would choose,
 * with their hazards.
 */
final class PostgresChangeWriter implements ChangeWriter {

    private static final Pattern RETURNS = Pattern.compile("\\bRETURNS\\s+(.+)");

    private static final DiffHooks HOOKS = new PostgresDiffHooks();

    private final PostgresDdlWriter ddl = new PostgresDdlWriter();
    private final PlanOptions options;

    PostgresChangeWriter(PlanOptions options) {
        this.options = options;
    }

    PostgresChangeWriter() {
        this(PlanOptions.defaults());
    }

    @Override
    public DiffHooks hooks() {
        return HOOKS;
    }

    @Override
    public ChangeWriter with(PlanOptions options) {
        return new PostgresChangeWriter(options);
    }

    /**
     * As pg_dump does: a SQL function's body is checked when it is created, and it may read a view or table that
     * the plan creates later (the order only knows what a routine's callers need, not what its body reads).
     */
    @Override
    public List<PlannedStatement> preamble(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof Change.CreateRoutine || c instanceof Change.ReplaceRoutine)
                .findFirst().map(c -> List.of(PlannedStatement.of(c, "SET check_function_bodies = false")))
                .orElse(List.of());
    }

    /**
     * A table whose partitioning changes is replaced ({@link PostgresTableReplacement}); a partition's column
     * changes are left to its parent's ({@link PostgresPartitions}), and so are an inheriting child's
     * ({@link PostgresInheritance}).
     */
    @Override
    public List<Change> lower(List<Change> changes, Catalog from, Catalog to) {
        PostgresPartitions.refuseDetachWithParentConstraints(changes, from);
        return PostgresInheritance.lower(PostgresPartitions.columnsFollowParent(
                PostgresTableReplacement.lower(changes, from, to, HOOKS), from, to), from, to);
    }

    @Override
    public List<PlannedStatement> write(Change change, Catalog from, Catalog to) {
        Statements out = new Statements(change);
        if (change instanceof Change.CreateSchema c) {
            out.add("CREATE SCHEMA " + quote(c.name()));
        } else if (change instanceof Change.DropSchema c) {
            out.add("DROP SCHEMA " + quote(c.name()));
        } else if (change instanceof Change.SetSchemaComment c) {
            out.add(comment("SCHEMA " + quote(c.name()), c.to()));
        } else if (change instanceof Change.CreateExtension c) {
            // The version too: CREATE EXTENSION alone installs the server's default version, not the desired one.
            out.add(ddl.createExtension(c.extension()).get(0) + (c.extension().version() == null ? ""
                    : " VERSION " + literal(c.extension().version())));
        } else if (change instanceof Change.DropExtension c) {
            out.add("DROP EXTENSION " + quote(c.extension().name()));
        } else if (change instanceof Change.AlterExtension c) {
            if (!java.util.Objects.equals(c.from().schema(), c.to().schema())) {
                out.add("ALTER EXTENSION " + quote(c.to().name()) + " SET SCHEMA " + quote(c.to().schema()));
            }
            if (!java.util.Objects.equals(c.from().version(), c.to().version())) {
                if (PostgresExtensions.older(c.to().version(), c.from().version())) {
                    // Extensions ship update scripts forward only; a downgrade has no path.
                    throw new UnsupportedChangeException(change, "downgrading extension " + c.to().name() + " from "
                            + c.from().version() + " to " + c.to().version() + ": extensions ship update scripts "
                            + "forward only; keep " + c.from().version() + " in the desired schema, or drop and create "
                            + "the extension at " + c.to().version() + " by hand");
                }
                out.add("ALTER EXTENSION " + quote(c.to().name()) + " UPDATE TO " + literal(c.to().version()));
            }
        } else if (change instanceof Change.CreateEnum c) {
            out.all(ddl.createEnum(c.type()));
        } else if (change instanceof Change.DropEnum c) {
            out.add("DROP TYPE " + quote(c.type().name()));
        } else if (change instanceof Change.AlterEnum c) {
            PostgresEnums.alter(out, c, from, to);
        } else if (change instanceof Change.CreateCompositeType c) {
            out.all(ddl.createCompositeType(c.type()));
        } else if (change instanceof Change.DropCompositeType c) {
            out.add("DROP TYPE " + quote(c.type().name()));
        } else if (change instanceof Change.AlterCompositeType c) {
            PostgresCompositeTypes.alter(out, c);
        } else if (change instanceof Change.CreateDomain c) {
            out.all(ddl.createDomain(c.domain()));
        } else if (change instanceof Change.DropDomain c) {
            out.add("DROP DOMAIN " + quote(c.domain().name()));
        } else if (change instanceof Change.AlterDomain c) {
            PostgresDomains.alter(out, c);
        } else if (change instanceof Change.CreateSequence c) {
            out.all(ddl.createSequence(c.sequence()));
        } else if (change instanceof Change.DropSequence c) {
            // A sequence a dropped table owned is gone with it.
            out.add("DROP SEQUENCE IF EXISTS " + quote(c.sequence().name()));
        } else if (change instanceof Change.AlterSequence c) {
            alterSequence(out, c.from(), c.to());
        } else if (change instanceof Change.CreateTable c) {
            out.all(ddl.createTable(c.table()));
            out.all(ddl.comments(c.table()));
        } else if (change instanceof Change.DropTable c) {
            out.add("DROP TABLE " + quote(c.table().name()), Hazard.DATA_LOSS, Hazard.IRREVERSIBLE);
        } else if (change instanceof Change.RenameTable c) {
            out.add("ALTER TABLE " + quote(c.from().name()) + " RENAME TO " + quote(c.to().name().name()));
        } else if (change instanceof Change.AlterTable c) {
            PostgresTables.alter(out, c);
        } else if (change instanceof Change.SetTableComment c) {
            out.add(comment("TABLE " + quote(c.table().name()), c.to()));
        } else if (change instanceof Change.AddColumn c) {
            out.add(alterTable(c.table()) + "ADD COLUMN " + PostgresDdlWriter.column(c.column()),
                    addColumnHazards(c.column()));
            c.column().comment().ifPresent(text -> out.add(comment("COLUMN " + quote(c.table().name()) + "."
                    + quote(c.column().name()), c.column().comment())));
        } else if (change instanceof Change.DropColumn c) {
            out.add(alterTable(c.table(), PostgresInheritance.only(from, c.table().name())) + "DROP COLUMN "
                    + quote(c.column().name()), Hazard.DATA_LOSS, Hazard.IRREVERSIBLE);
        } else if (change instanceof Change.RenameColumn c) {
            out.add(alterTable(c.table()) + "RENAME COLUMN " + quote(c.from().name()) + " TO "
                    + quote(c.to().name()));
        } else if (change instanceof Change.AlterColumn c) {
            PostgresColumns.alter(out, c, PostgresEnums.names(from, to),
                    PostgresInheritance.only(from, c.table().name()));
        } else if (change instanceof Change.SetColumnComment c) {
            out.add(comment("COLUMN " + quote(c.table().name()) + "." + quote(c.column().name()), c.to()));
        } else if (change instanceof Change.AddPrimaryKey c) {
            out.add(alterTable(c.table()) + "ADD CONSTRAINT " + quote(c.key().name()) + " PRIMARY KEY ("
                    + columns(c.key().columns()) + ")" + PostgresDdlWriter.deferrable(c.key().deferrable()),
                    Hazard.BLOCKING_LOCK);
        } else if (change instanceof Change.DropPrimaryKey c) {
            out.add(dropConstraint(c.table(), c.key().name()));
        } else if (change instanceof Change.AddUnique c) {
            out.add(alterTable(c.table()) + "ADD CONSTRAINT " + quote(c.constraint().name()) + " UNIQUE ("
                    + columns(c.constraint().columns()) + ")" + PostgresDdlWriter.deferrable(c.constraint()
                    .deferrable()), Hazard.BLOCKING_LOCK);
        } else if (change instanceof Change.DropUnique c) {
            out.add(dropConstraint(c.table(), c.constraint().name()));
        } else if (change instanceof Change.AddCheck c) {
            out.add(alterTable(c.table()) + "ADD CONSTRAINT " + quote(c.check().name()) + " "
                    + PostgresDdlWriter.check(c.check()), Hazard.BLOCKING_LOCK);
        } else if (change instanceof Change.DropCheck c) {
            out.add(dropConstraint(c.table(), c.check().name()));
        } else if (change instanceof Change.AddForeignKey c) {
            // Validating the key scans the table under a SHARE ROW EXCLUSIVE lock on both tables.
            ddl.addForeignKey(c.table(), c.key()).forEach(s -> out.add(s, Hazard.BLOCKING_LOCK));
        } else if (change instanceof Change.DropForeignKey c) {
            out.add(dropConstraint(c.table(), c.key().name()));
        } else if (change instanceof Change.CreateIndex c) {
            Table on = Table.of(c.on(), List.of());
            for (String sql : ddl.createIndex(on, c.index())) {
                if (options.concurrentIndexes()) {
                    // Builds without blocking writes, but not in a transaction; a failed build leaves an INVALID
                    // index behind that must be dropped before retrying.
                    out.outsideTransaction(sql.replaceFirst("(?i)^CREATE (UNIQUE )?INDEX ",
                            "CREATE $1INDEX CONCURRENTLY "));
                } else {
                    out.add(sql, Hazard.BLOCKING_LOCK);
                }
            }
        } else if (change instanceof Change.DropIndex c) {
            String drop = "DROP INDEX " + (options.concurrentIndexes() ? "CONCURRENTLY " : "") + "IF EXISTS "
                    + quote(QualifiedName.of(c.on().schema(), c.index().name()));
            if (options.concurrentIndexes()) {
                out.outsideTransaction(drop);
            } else {
                out.add(drop);
            }
        } else if (change instanceof Change.CreateView c) {
            View v = c.view();
            out.all(ddl.createView(new View(v.name(), v.materialized(), v.definition(), v.dependsOn(), List.of(),
                    v.comment(), List.of(), v.columnComments())));
            v.triggers().forEach(t -> out.all(ddl.createTrigger(Table.of(v.name(), List.of()), t)));
        } else if (change instanceof Change.DropView c) {
            out.add("DROP " + (c.view().materialized() ? "MATERIALIZED " : "") + "VIEW " + quote(c.view().name()));
        } else if (change instanceof Change.SetViewComment c) {
            out.add(comment((c.view().materialized() ? "MATERIALIZED VIEW " : "VIEW ") + quote(c.view().name()),
                    c.to()));
        } else if (change instanceof Change.CreateRoutine c) {
            out.all(ddl.createRoutine(c.routine()));
        } else if (change instanceof Change.DropRoutine c) {
            out.add(dropRoutine(c.routine()));
        } else if (change instanceof Change.ReplaceRoutine c) {
            // CREATE OR REPLACE cannot change a function's result type or an aggregate.
            if (c.to().kind().equals("aggregate") || !returns(c.from()).equals(returns(c.to()))) {
                out.add(dropRoutine(c.from()));
            }
            out.all(ddl.createRoutine(c.to()));
        } else if (change instanceof Change.CreateTrigger c) {
            out.all(ddl.createTrigger(c.table(), c.trigger()));
        } else if (change instanceof Change.DropTrigger c) {
            out.add("DROP TRIGGER " + quote(c.trigger().name()) + " ON " + quote(c.table().name()));
        } else if (change instanceof Change.RebuildTable c) {
            throw new UnsupportedChangeException(change, "rebuilding a table on PostgreSQL: it alters "
                    + "tables in place, and only a dialect's own rules ask for rebuilds (this is a bug: please report "
                    + "it with the two schemas)");
        }
        return out.statements();
    }

    static String alterTable(Table table) {
        return alterTable(table, false);
    }

    /** {@code ALTER TABLE [ONLY] name }: ONLY where the change must not reach the table's children. */
    static String alterTable(Table table, boolean only) {
        return "ALTER TABLE " + (only ? "ONLY " : "") + quote(table.name()) + " ";
    }

    private static String dropConstraint(Table table, String name) {
        return alterTable(table) + "DROP CONSTRAINT " + quote(name);
    }

    static String comment(String what, Optional<String> text) {
        return "COMMENT ON " + what + " IS " + text.map(PostgresNames::literal).orElse("NULL");
    }

    /**
     * Adding a column with a volatile default or an identity rewrites the table (a constant default does not,
     * since PostgreSQL 11); NOT NULL without a default fails on a table with rows.
     */
    private static Hazard[] addColumnHazards(Column c) {
        boolean rewrite = c.identity().isPresent() || c.generated().isPresent()
                || c.defaultExpression().filter(d -> d.contains("(")).isPresent();
        return rewrite ? new Hazard[] {Hazard.TABLE_REWRITE} : new Hazard[0];
    }

    private static void alterSequence(Statements out, Sequence a, Sequence b) {
        String name = "ALTER SEQUENCE " + quote(b.name());
        if (!a.dataType().equals(b.dataType()) || a.increment() != b.increment() || a.min() != b.min()
                || a.max() != b.max() || a.start() != b.start() || a.cache() != b.cache() || a.cycle() != b.cycle()) {
            // A range that no longer holds the sequence's current value is refused unless it restarts.
            boolean restart = b.min() > a.min() || b.max() < a.max();
            out.add(name + " AS " + b.dataType() + " INCREMENT BY " + b.increment() + " MINVALUE " + b.min()
                    + " MAXVALUE " + b.max() + " START WITH " + b.start() + (restart ? " RESTART WITH "
                    + (b.increment() > 0 ? b.min() : b.max()) : "") + " CACHE " + b.cache()
                    + (b.cycle() ? " CYCLE" : " NO CYCLE"));
        }
        if (!a.ownedBy().equals(b.ownedBy())) {
            out.add(name + " OWNED BY " + b.ownedBy().map(o -> PostgresDdlWriter.ownedBy(b, o)).orElse("NONE"));
        }
        if (!a.comment().equals(b.comment())) {
            out.add(comment("SEQUENCE " + quote(b.name()), b.comment()));
        }
    }

    private static String dropRoutine(Routine r) {
        return "DROP " + r.kind().toUpperCase(java.util.Locale.ROOT) + " " + quote(r.name()) + "(" + r.signature()
                + ")";
    }

    private static String returns(Routine r) {
        Matcher m = RETURNS.matcher(r.definition());
        return m.find() ? m.group(1).strip() : "";
    }

    /** The statements of one change, with the change attached. */
    static final class Statements {
        private final Change change;
        private final List<PlannedStatement> list = new ArrayList<>();

        Statements(Change change) {
            this.change = change;
        }

        void add(String sql, Hazard... hazards) {
            list.add(PlannedStatement.of(change, sql, hazards));
        }

        void outsideTransaction(String sql, Hazard... hazards) {
            list.add(PlannedStatement.outsideTransaction(change, sql, hazards));
        }

        void all(List<String> sql) {
            sql.forEach(this::add);
        }

        List<PlannedStatement> statements() {
            return list;
        }
    }
}
