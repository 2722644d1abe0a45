package dev.godwit.dialect;

import java.util.List;

/**
 * Splits a script into statements the way the database's own client would: a semicolon ends a statement only
 * outside quotes, comments and bodies (dollar quotes, trigger blocks).
 */
public interface StatementSplitter {

    /**
     * The statements of {@code script} in order, empty ones (a lone {@code ;} or only comments) left out.
     *
     * @throws dev.godwit.error.GodwitException with {@code MIGRATION_SOURCE} when a quote, comment or body is
     *                                          not closed; the message gives the line where it opened
     */
    List<SqlStatement> split(String script);
}
