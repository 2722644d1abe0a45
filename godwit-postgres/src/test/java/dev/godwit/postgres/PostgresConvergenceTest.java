package dev.godwit.postgres;

import dev.godwit.testkit.Convergence;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public PostgreSQL diff case, and the project's own scenarios, converge: the plan from A to B applied to A
 * makes A equivalent to B, and the down plan gives back A (see {@link Convergence}).
 */
class PostgresConvergenceTest {

    private static PostgresTestDatabase a;
    private static PostgresTestDatabase b;

    @TestFactory
    Stream<DynamicTest> everyCaseConverges() {
        Convergence convergence = new Convergence(new PostgresDialect(), new Convergence.Databases() {
            @Override
            public Connection connectA() throws SQLException {
                return database(true).connect();
            }

            @Override
            public Connection connectB() throws SQLException {
                return database(false).connect();
            }

            @Override
            public void empty(Connection c) throws SQLException {
                PostgresCases.empty(c);
            }

            @Override
            public void load(Connection c, String sql) throws SQLException {
                PostgresCases.load(c, sql);
            }
        }, Convergence.unsupportedList(Path.of("src/test/resources/unsupported-diff-cases.txt")));
        return Stream.concat(Corpus.diffCases("postgres").stream(), Corpus.scenarios(Path.of(
                        "src/test/resources/scenarios")).stream())
                .map(dir -> DynamicTest.dynamicTest(Convergence.name(dir), () -> convergence.check(dir)));
    }

    private static synchronized PostgresTestDatabase database(boolean first) {
        if (a == null) {
            a = PostgresTestDatabase.create();
            b = PostgresTestDatabase.create();
        }
        return first ? a : b;
    }

    @AfterAll
    static void drop() {
        if (a != null) {
            a.close();
            b.close();
        }
    }
}
