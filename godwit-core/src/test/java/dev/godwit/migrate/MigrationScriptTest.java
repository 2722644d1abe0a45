package dev.godwit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.GodwitException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    private static Migration parse(String text) {
        return MigrationScript.parse(MigrationId.of("20261101000000_x"), "x", "migrations/x.sql", text);
    }

    private static String error(String text) {
        return assertThrows(GodwitException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsHeadersAndBothSectionsKeepingFileLines() {
        Migration m = parse("-- godwit:depends 20261101_a, 20261102_b\n-- godwit:no-transaction\n-- godwit:up\n"
                + "CREATE INDEX CONCURRENTLY i ON t (c);\n-- godwit:down\nDROP INDEX CONCURRENTLY i;\n");
        assertEquals(List.of("20261101_a", "20261102_b"), m.dependencies());
        assertEquals(TransactionMode.NON_TRANSACTIONAL, m.transactionMode());
        assertEquals("CREATE INDEX CONCURRENTLY i ON t (c);", m.up().text().strip());
        assertEquals(4, m.up().firstLine());
        assertEquals("DROP INDEX CONCURRENTLY i;", m.down().orElseThrow().text().strip());
        assertEquals(6, m.down().orElseThrow().firstLine());
    }

    @Test
    void fileWithoutMarkersIsAllUp() {
        Migration m = parse("CREATE TABLE t (id int);\n");
        assertEquals("CREATE TABLE t (id int);\n", m.up().text());
        assertTrue(m.down().isEmpty());
        assertEquals(TransactionMode.TRANSACTIONAL, m.transactionMode());
    }

    @Test
    void downWithoutUpMarkerTakesEverythingBeforeAsUp() {
        Migration m = parse("CREATE TABLE t (id int);\n-- godwit:down\nDROP TABLE t;\n");
        assertEquals("CREATE TABLE t (id int);", m.up().text().strip());
        assertEquals("DROP TABLE t;", m.down().orElseThrow().text().strip());
    }

    @Test
    void unknownMarkerNamesFileLineAndTheKnownMarkers() {
        assertEquals("migrations/x.sql:2: unknown marker '-- godwit:dwon'. Fix: use one of: up, down, depends "
                + "<id>..., no-transaction.", error("-- godwit:up\n-- godwit:dwon\n"));
    }

    @Test
    void malformedHeadersSayWhatToDo() {
        assertTrue(error("-- godwit:depends\n-- godwit:up\n").startsWith("migrations/x.sql:1: '-- godwit:depends' "
                + "names no migration"));
        assertTrue(error("-- godwit:up\n-- godwit:no-transaction\n").startsWith("migrations/x.sql:2: "
                + "'-- godwit:no-transaction' inside a section. Fix: move it above '-- godwit:up'"));
        assertTrue(error("SELECT 1;\n-- godwit:up\nSELECT 2;\n").startsWith("migrations/x.sql:1: SQL before "
                + "'-- godwit:up'"));
        assertTrue(error("-- godwit:up\n-- godwit:up\n").contains("a second '-- godwit:up' marker (the first is on "
                + "line 1)"));
        assertTrue(error("-- godwit:down\n-- godwit:up\n").contains("comes after '-- godwit:down'"));
    }

    @Test
    void headersWithoutSectionMarkersLeaveTheRestAllUp() {
        Migration m = parse("-- godwit:no-transaction\n-- godwit:depends 20261101_a\n"
                + "CREATE INDEX CONCURRENTLY i ON t (c);\n");
        assertEquals(TransactionMode.NON_TRANSACTIONAL, m.transactionMode());
        assertEquals(List.of("20261101_a"), m.dependencies());
        assertEquals("CREATE INDEX CONCURRENTLY i ON t (c);", m.up().text().strip());
        assertEquals(1, m.up().firstLine(), "marker lines stay as empty lines, so statement lines match the file");
    }

    @Test
    void blankDownSectionCountsAsNone() {
        assertTrue(parse("-- godwit:up\nCREATE TABLE t (id int);\n-- godwit:down\n\n\n").down().isEmpty());
    }

    @Test
    void duplicateDownMarkerNamesBothLines() {
        assertEquals("migrations/x.sql:4: a second '-- godwit:down' marker (the first is on line 3). Fix: keep one "
                + "down section.", error("-- godwit:up\nSELECT 1;\n-- godwit:down\n-- godwit:down\n"));
    }
}
