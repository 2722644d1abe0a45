package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SqliteCreateIndexText#written}: key parts and WHERE conditions as written in CREATE INDEX texts. */
class SqliteCreateIndexTextTest {

    @Test
    void keepsKeyPartsAsWrittenWithoutTheirOrder() {
        SqliteCreateIndexText.Written written = SqliteCreateIndexText.written(
                "CREATE INDEX i ON t (a, \"B c\" DESC, lower(name) ASC, code COLLATE NOCASE desc, (x + 1))");
        assertEquals(List.of("a", "\"B c\"", "lower(name)", "code COLLATE NOCASE", "(x + 1)"), written.keys());
        assertEquals(Optional.empty(), written.where());
    }

    @Test
    void readsThePartialIndexConditionToTheEnd() {
        SqliteCreateIndexText.Written written = SqliteCreateIndexText.written(
                "CREATE UNIQUE INDEX \"on\" ON \"t\"(created /* newest */ DESC) /* partial */ WHERE created IS NOT NULL"
                        + " AND note <> ') WHERE'");
        assertEquals(List.of("created"), written.keys());
        assertEquals(Optional.of("created IS NOT NULL AND note <> ') WHERE'"), written.where());
    }

    @Test
    void aTextItCannotReadGivesNoKeys() {
        assertEquals(List.of(), SqliteCreateIndexText.written("CREATE INDEX i ON t").keys());
        assertEquals(List.of(), SqliteCreateIndexText.written("CREATE INDEX i ON t (a, 'unterminated").keys());
        assertEquals(List.of(), SqliteCreateIndexText.written("CREATE INDEX i ON t (a, DESC)").keys());
    }
}
