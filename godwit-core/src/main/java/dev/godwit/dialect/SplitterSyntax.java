package dev.godwit.dialect;

import java.util.List;
import java.util.function.Predicate;

/**
 * The lexical facts a {@link ScriptSplitter} needs about one database's SQL.
 *
 * @param dollarQuotes        PostgreSQL {@code $tag$ ... $tag$} bodies
 * @param nestedBlockComments PostgreSQL nests {@code /* ... *}{@code /} comments; SQLite and MySQL do not
 * @param backslashEscapes    where a backslash escapes the next character inside {@code '...'}
 * @param backtickQuotes      MySQL and SQLite {@code `identifier`}
 * @param bracketQuotes       SQLite (and SQL Server) {@code [identifier]}
 * @param opensBlock          given the first words of a statement in upper case, whether it holds a
 *                            {@code BEGIN ... END} body whose semicolons do not end the statement (SQLite
 *                            triggers, PostgreSQL {@code BEGIN ATOMIC} function bodies)
 */
public record SplitterSyntax(boolean dollarQuotes, boolean nestedBlockComments, BackslashEscapes backslashEscapes,
                             boolean backtickQuotes, boolean bracketQuotes, Predicate<List<String>> opensBlock) {

    /** Where a backslash escapes inside a single-quoted string. */
    public enum BackslashEscapes {
        /** Never (standard SQL, SQLite). */
        NEVER,
        /** Only in strings written {@code E'...'} (PostgreSQL). */
        E_PREFIX,
        /** Always (MySQL's default). */
        ALWAYS
    }
}
