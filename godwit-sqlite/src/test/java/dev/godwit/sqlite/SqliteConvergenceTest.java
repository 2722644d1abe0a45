package dev.godwit.sqlite;

import dev.godwit.dialect.SqlStatement;
import dev.godwit.testkit.Convergence;
import dev.godwit.testkit.Corpus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public SQLite diff case, and the project's own scenarios, converge: the plan from A to B applied to A makes
 * A equivalent to B, and the down plan gives back A (see {@link Convergence}). Each case gets two fresh in-memory
 * databases, gone when their connections close.
 */
class SqliteConvergenceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseConverges() {
        Convergence convergence = new Convergence(new SqliteDialect(), new Convergence.Databases() {
            @Override
            public Connection connectA() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite::memory:");
            }

            @Override
            public Connection connectB() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite::memory:");
            }

            @Override
            public void empty(Connection c) {
                // A new in-memory database is empty.
            }

            @Override
            public void load(Connection c, String sql) throws SQLException {
                SqliteConvergenceTest.load(c, sql);
            }
        }, Convergence.unsupportedList(Path.of("src/test/resources/unsupported-diff-cases.txt")));
        return Stream.concat(Corpus.diffCases("sqlite").stream(), Corpus.scenarios(Path.of(
                        "src/test/resources/scenarios")).stream())
                .map(dir -> DynamicTest.dynamicTest(Convergence.name(dir), () -> convergence.check(dir)));
    }

    static void load(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement statement : new SqliteStatementSplitter().split(sql)) {
                s.execute(statement.sql());
            }
        }
    }
}
