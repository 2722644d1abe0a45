package dev.godwit.mysql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Identifiers and literals as MySQL needs them written. Every identifier is back-quoted: MySQL's reserved words grow
 * with each release (8.0 added {@code rank}, {@code groups}, {@code lateral}, ...), and back quotes work in every
 * sql_mode, where double quotes need ANSI_QUOTES.
 */
final class MysqlNames {

    private MysqlNames() {
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String columns(List<String> names) {
        return names.stream().map(MysqlNames::quote).collect(Collectors.joining(", "));
    }

    /**
     * A string literal. A backslash is doubled too: under the default sql_mode (no NO_BACKSLASH_ESCAPES) it starts
     * an escape inside quotes.
     */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
