package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.godwit.testkit.GodwitTest;
import dev.godwit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@link GodwitTest} manages databases, seen from outside: sample test classes (nested, so Surefire does not run
 * them itself) are run through the JUnit engine and what they saw is checked after.
 */
class SqliteGodwitExtensionTest {

    private static final String SAMPLING = "dev.godwit.sqlite.SqliteGodwitExtensionTest#sampling";

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean sampling;

    /** True only while {@link #run} runs a sample: Surefire, finding the samples itself, skips them. */
    static boolean sampling() {
        return sampling;
    }

    private static Events run(Class<?> sample) {
        SEEN.clear();
        sampling = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
        } finally {
            sampling = false;
        }
    }

    private static Path file(String url) {
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }

    @Test
    void eachTestGetsItsOwnDatabaseDeletedAfterIt() {
        run(PerMethodSample.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertEquals(2, SEEN.size());
        assertNotEquals(SEEN.get(0), SEEN.get(1));
        SEEN.forEach(url -> assertFalse(Files.exists(file(url)), url + " is left behind"));
    }

    @Test
    void classScopeSharesOneDatabaseBetweenTestsAndDeletesItAfterTheClass() {
        run(PerClassSample.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertEquals(3, SEEN.size(), "@BeforeAll and both tests report");
        assertEquals(1, SEEN.stream().distinct().count(), SEEN.toString());
        assertFalse(Files.exists(file(SEEN.get(0))), SEEN.get(0) + " is left behind");
    }

    @Test
    void annotationOnAMethodGivesThatMethodADatabaseOfItsOwn() {
        run(MethodAnnotationSample.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertEquals(3, SEEN.size(), SEEN.toString());
        assertEquals(2, SEEN.stream().distinct().count(), SEEN.toString());
    }

    @Test
    void migrationThatFailsFailsTheTestNamingTheFile() {
        run(BrokenMigrationSample.class).assertThatEvents().haveExactly(1,
                event(test("databaseNeverMade"), finishedWithFailure(message(m -> m.contains("20261101000000_typo")))));

        assertTrue(SEEN.isEmpty(), "the test body must not run");
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/migrations")
    static class PerMethodSample {
        @Test
        void first(TestDatabase db) throws Exception {
            assertTrue(db.hasTable("orders"));
            SEEN.add(db.url());
        }

        @Test
        void second(TestDatabase db) throws Exception {
            assertTrue(db.hasTable("orders"));
            SEEN.add(db.url());
        }
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/migrations", scope = GodwitTest.Scope.CLASS)
    static class PerClassSample {
        @BeforeAll
        static void before(TestDatabase db) {
            SEEN.add(db.url());
        }

        @Test
        void first(TestDatabase db) {
            SEEN.add(db.url());
        }

        @Test
        void second(TestDatabase db) {
            SEEN.add(db.url());
        }
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/migrations", scope = GodwitTest.Scope.CLASS)
    static class MethodAnnotationSample {
        @BeforeAll
        static void before(TestDatabase db) {
            SEEN.add(db.url());
        }

        @Test
        void shared(TestDatabase db) {
            SEEN.add(db.url());
        }

        @Test
        @GodwitTest(migrations = "src/test/resources/godwit-test/migrations")
        void ownDatabase(TestDatabase db) {
            SEEN.add(db.url());
        }
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/broken")
    static class BrokenMigrationSample {
        @Test
        void databaseNeverMade(TestDatabase db) {
            SEEN.add(db.url());
        }
    }
}
