package dev.godwit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void lineEndingsBomAndTrailingWhitespaceDoNotChangeTheChecksum() {
        assertEquals(Checksums.of("CREATE TABLE a (id int);\nSELECT 1;\n"),
                Checksums.of("\uFEFFCREATE TABLE a (id int);   \r\nSELECT 1;\r\n\r\n"));
    }

    @Test
    void anyOtherEditChangesIt() {
        assertNotEquals(Checksums.of("CREATE TABLE a (id int);"), Checksums.of("CREATE TABLE a (id bigint);"));
        assertNotEquals(Checksums.of("CREATE TABLE a (id int);"), Checksums.of("CREATE  TABLE a (id int);"));
        assertEquals(64, Checksums.of("x").length());
    }
}
