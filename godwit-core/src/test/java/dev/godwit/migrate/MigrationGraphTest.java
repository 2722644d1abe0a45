package dev.godwit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationGraphTest {

    private static Migration m(String id, String... depends) {
        return new Migration(MigrationId.of(id), id, MigrationKind.SQL, "migrations/" + id + ".sql",
                Section.of("SELECT 1;"), Optional.empty(), List.of(depends), TransactionMode.TRANSACTIONAL);
    }

    private static List<String> order(Migration... migrations) {
        return MigrationGraph.of(List.of(migrations)).order().stream().map(x -> x.id().value()).toList();
    }

    @Test
    void withoutDependsMigrationsRunInIdOrder() {
        assertEquals(List.of("1_a", "2_b", "10_c"), order(m("10_c"), m("1_a"), m("2_b")));
    }

    @Test
    void dependsLetsBranchesMergeWithoutRenumbering() {
        // Two developers branched from 100_base; the second one's migration has the later id but depends on base only.
        MigrationGraph graph = MigrationGraph.of(List.of(m("100_base"), m("200_mine", "100_base"),
                m("150_theirs", "100_base"), m("300_after", "200_mine", "150_theirs")));
        assertEquals(List.of("100_base", "150_theirs", "200_mine", "300_after"),
                graph.order().stream().map(x -> x.id().value()).toList());
        assertEquals(Set.of(MigrationId.of("100_base"), MigrationId.of("200_mine")),
                graph.withAncestors(MigrationId.of("200_mine")));
    }

    @Test
    void dependsAcceptsTheTimestampAlone() {
        assertEquals(List.of("20261101000000_a", "20261102000000_b"),
                order(m("20261102000000_b", "20261101000000"), m("20261101000000_a")));
    }

    @Test
    void missingDependencyNamesTheFile() {
        GodwitException e = assertThrows(GodwitException.class, () -> order(m("1_a"), m("2_b", "9_gone")));
        assertEquals(ErrorCode.MIGRATION_ORDER, e.code());
        assertTrue(e.getMessage().startsWith("migrations/2_b.sql depends on '9_gone', which is not among the "
                + "migrations"), e.getMessage());
    }

    @Test
    void cycleNamesEveryFileInIt() {
        GodwitException e = assertThrows(GodwitException.class,
                () -> order(m("1_a", "3_c"), m("2_b", "1_a"), m("3_c", "2_b")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        for (String file : List.of("migrations/1_a.sql", "migrations/2_b.sql", "migrations/3_c.sql")) {
            assertTrue(e.getMessage().contains(file), e.getMessage());
        }
    }

    @Test
    void duplicateIdNamesBothFiles() {
        Migration other = new Migration(MigrationId.of("1_a"), "a", MigrationKind.SQL, "elsewhere/1_a.sql",
                Section.of("SELECT 1;"), Optional.empty(), List.of(), TransactionMode.TRANSACTIONAL);
        GodwitException e = assertThrows(GodwitException.class, () -> order(m("1_a"), other));
        assertTrue(e.getMessage().contains("migrations/1_a.sql and elsewhere/1_a.sql"), e.getMessage());
    }

    @Test
    void idsCompareDigitRunsAsNumbers() {
        assertTrue(MigrationId.of("2").compareTo(MigrationId.of("10")) < 0);
        assertTrue(MigrationId.of("1.1").compareTo(MigrationId.of("1.2")) < 0);
        assertTrue(MigrationId.of("1.2").compareTo(MigrationId.of("2")) < 0);
        assertTrue(MigrationId.of("20261101000000_a").compareTo(MigrationId.of("20261101000000_b")) < 0);
    }

    @Test
    void repeatablesGoAfterEveryVersionedMigrationInTheirDeclaredOrder() {
        Migration view = Migration.repeatable("R__a_view", "SELECT 1;", "R__z_table_fn");
        Migration fn = Migration.repeatable("R__z_table_fn", "SELECT 1;");
        assertEquals(List.of("1_a", "2_b", "R__z_table_fn", "R__a_view"), order(view, m("2_b"), fn, m("1_a")));
    }
}
