import dev.godwit.dialect.Dialects;
import dev.godwit.diff.Diff;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.Plan;
import dev.godwit.plan.Planner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Diff + plan benchmark (issue "Diff, plan and generate", figure a): two PostgreSQL catalogs of TABLES tables built
 * in code (each 10 columns, a primary key, 2 indexes, 1 foreign key to the previous table, a check) that differ in
 * 1% of the tables (a third gain a column, a third change a column's type, a third gain an index), then
 * {@code SchemaDiffer.diff} + {@code Planner.plan} with the PostgreSQL change writer, in process.
 *
 * <p>usage: {@code java -cp godwit.jar:. DiffBench [TABLES=5000] [WARMUP=5] [RUNS=15]}. Prints key=value lines:
 * each run's wall time, the median, the changes and statements planned.
 */
public final class DiffBench {

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Catalog from = catalog(tables, false);
        Catalog to = catalog(tables, true);
        ChangeWriter writer = Dialects.named("postgres").changeWriter();
        long cold = time(from, to, writer);
        for (int i = 0; i < warmup; i++) {
            time(from, to, writer);
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = time(from, to, writer);
        }
        Diff diff = new SchemaDiffer(writer.hooks()).diff(from, to);
        Plan plan = new Planner(writer).plan(diff);
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("tables=" + tables);
        System.out.println("changes=" + diff.changes().size());
        System.out.println("statements_up=" + plan.up().size());
        System.out.println("statements_down=" + plan.down().size());
        System.out.println("cold_ms=" + cold);
        System.out.println("runs_ms=" + Arrays.toString(ms).replaceAll("[\\[\\] ]", ""));
        System.out.println("median_ms=" + sorted[runs / 2]);
    }

    private static long time(Catalog from, Catalog to, ChangeWriter writer) {
        long start = System.nanoTime();
        Diff diff = new SchemaDiffer(writer.hooks()).diff(from, to);
        Plan plan = new Planner(writer).plan(diff);
        if (plan.up().isEmpty()) {
            throw new IllegalStateException("empty plan");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The schema; {@code changed} alters every hundredth table. */
    static Catalog catalog(int n, boolean changed) {
        List<Table> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tables.add(table(i, changed && i % 100 == 7 ? i / 100 % 3 : -1));
        }
        Schema schema = new Schema("public", tables, List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.of("standard public schema"));
        return new Catalog("postgres", List.of(schema), List.of());
    }

    private static Table table(int i, int change) {
        QualifiedName name = QualifiedName.of("public", "t" + i);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", DataType.of("bigint"), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        columns.add(Column.of("parent_id", DataType.of("bigint")));
        columns.add(new Column("name", DataType.of("text"), false, Optional.of("''::text"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        columns.add(Column.of("email", DataType.of(change == 1 ? "character varying(320)" : "text")));
        columns.add(Column.of("amount", DataType.of("numeric(12,2)")));
        columns.add(new Column("created_at", DataType.of("timestamp with time zone"), false, Optional.of("now()"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        columns.add(Column.of("updated_at", DataType.of("timestamp with time zone")));
        columns.add(Column.of("status", DataType.of("integer")));
        columns.add(Column.of("note", DataType.of("text")));
        columns.add(Column.of("flag", DataType.of("boolean")));
        if (change == 0) {
            columns.add(Column.of("extra", DataType.of("text")));
        }
        List<Index> indexes = new ArrayList<>();
        indexes.add(index(name, "t" + i + "_name_idx", "name"));
        indexes.add(index(name, "t" + i + "_created_at_idx", "created_at"));
        if (change == 2) {
            indexes.add(index(name, "t" + i + "_status_idx", "status"));
        }
        List<ForeignKey> fks = i == 0 ? List.of() : List.of(new ForeignKey("t" + i + "_parent_id_fkey",
                List.of("parent_id"), QualifiedName.of("public", "t" + (i - 1)), List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE, ForeignKey.Match.SIMPLE,
                Deferrable.NOT_DEFERRABLE));
        return new Table(name, columns, Optional.of(new PrimaryKey("t" + i + "_pkey", List.of("id"))), List.of(),
                indexes, fks, List.of(new Check("t" + i + "_amount_check", "(amount >= (0)::numeric)")), List.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }

    private static Index index(QualifiedName table, String name, String column) {
        return new Index(name, false, "btree", List.of(Index.Key.column(column)), List.of(), Optional.empty(),
                "CREATE INDEX " + name + " ON " + table + " USING btree (" + column + ")");
    }
}
