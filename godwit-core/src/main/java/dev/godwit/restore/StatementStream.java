package dev.godwit.restore;

import dev.godwit.dialect.ScriptException;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.dialect.StatementSplitter;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statements of a script read from a stream one at a time, holding no more of it in memory than the statements
 * of a few lines: a dump of gigabytes is restored with the memory of its longest statement.
 *
 * <p>Lines are gathered until one ends with a semicolon. The gathered text is then split by the dialect's own
 * splitter with a sentinel statement after it: when the sentinel comes back as a statement of its own, every
 * semicolon before it ended a statement, and the statements are handed out. When the last semicolon was inside a
 * string, a comment, a dollar-quoted body or a {@code BEGIN ... END} block, the sentinel is swallowed or the splitter
 * reports the open quote, and more lines are gathered. Line numbers are the script's.
 *
 * <p>After a PostgreSQL {@code COPY ... FROM stdin} statement, {@link #copyData()} gives the data lines that follow
 * it, up to the {@code \.} line.
 */
final class StatementStream {

    private static final String SENTINEL = "SELECT 'godwit: end of chunk'";
    private static final Pattern RESTRICT = Pattern.compile("\\\\(un)?restrict\\s+\\S+\\s*");
    private static final Pattern SANDBOX = Pattern.compile("/\\*M!999999\\\\- enable the sandbox mode \\*/\\s*");

    private final BufferedReader reader;
    private final StatementSplitter splitter;
    private final Deque<SqlStatement> ready = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    /** Whether the pending text is only blank lines. */
    private boolean blank = true;
    /** Whether the pending text has more than blank lines and line comments. */
    private boolean started;
    /** The script line the pending text starts on. */
    private int pendingLine = 1;
    /** Lines read so far. */
    private int line;
    /** Pending length from which a line ending with a semicolon is worth a split (grows after a failed one). */
    private int nextCheck;
    private boolean ended;

    StatementStream(Reader reader, StatementSplitter splitter) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.splitter = splitter;
    }

    /** The next statement, or null at the end of the script. */
    SqlStatement next() throws IOException {
        while (ready.isEmpty() && !ended) {
            String text = reader.readLine();
            if (text == null) {
                ended = true;
                if (!blank) {
                    ready.addAll(split(pending.toString(), false));
                }
                pending.setLength(0);
                break;
            }
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte order mark some editors write; not part of the first statement
            }
            if (!started && text.startsWith("\\")) {
                if (RESTRICT.matcher(text).matches()) {
                    // pg_dump (since 17.6, 16.10, 15.14, ...) brackets a dump with these so that psql refuses any
                    // meta-command a crafted dump might smuggle in; Godwit runs no meta-commands at all.
                    continue;
                }
                throw new GodwitException(ErrorCode.RESTORE, "Line " + line + " is the psql command '" + text.strip()
                        + "', not SQL. Remove it from the dump (pg_dump writes \\connect only with --create).");
            }
            if (blank) {
                if (text.isBlank()) {
                    continue;
                }
                pending.setLength(0);
                pendingLine = line;
                blank = false;
            }
            if (!started && SANDBOX.matcher(text).matches()) {
                // mariadb-dump's first line: the same guard for the mariadb client's commands (the \- inside is
                // one); the server would take it for a versioned comment and fail on the backslash.
                continue;
            }
            started |= !text.isBlank() && !text.stripLeading().startsWith("--");
            pending.append(text).append('\n');
            if (text.stripTrailing().endsWith(";") && pending.length() >= nextCheck) {
                List<SqlStatement> complete = split(pending + SENTINEL + ";", true);
                if (complete != null) {
                    ready.addAll(complete);
                    pending.setLength(0);
                    blank = true;
                    started = false;
                    nextCheck = 0;
                } else {
                    nextCheck = pending.length() + pending.length() / 2;
                }
            }
        }
        return ready.poll();
    }

    /**
     * The data lines after the statement {@link #next()} returned last, up to the line {@code \.}, which is left
     * out, read from the script as the caller reads them (a table's data is never held whole); the statement must end
     * its line, as pg_dump writes it. Reading past the end of the script without the {@code \.} line fails.
     */
    Reader copyData() {
        if (!ready.isEmpty() || !blank) {
            throw new GodwitException(ErrorCode.RESTORE, "Line " + line + ": COPY ... FROM stdin must be the last "
                    + "statement on its line; its data starts on the next line.");
        }
        return new CopyData(line + 1);
    }

    /** The lines of one COPY's data, counted into the script's lines. */
    private final class CopyData extends Reader {
        private final int from;
        private String current = "";
        private int at;
        private boolean done;

        CopyData(int from) {
            this.from = from;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (at == current.length()) {
                if (done) {
                    return -1;
                }
                String text = reader.readLine();
                if (text == null) {
                    throw new IOException("the COPY data that starts on line " + from
                            + " has no closing \\. line before the end of the dump: the dump was cut short; take it"
                            + " again");
                }
                line++;
                if (text.equals("\\.")) {
                    done = true;
                    return -1;
                }
                current = text + "\n";
                at = 0;
            }
            int n = Math.min(length, current.length() - at);
            current.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
            // The script's reader stays open for the statements after the data.
        }
    }

    /** Lines read so far. */
    int lines() {
        return line;
    }

    /**
     * The statements of {@code text}, numbered by the script's lines. With the sentinel, null when the text does not
     * end with a complete statement; without it (the end of the script), an open quote is an error.
     */
    private List<SqlStatement> split(String text, boolean sentinel) {
        List<SqlStatement> statements;
        try {
            statements = splitter.split(text);
        } catch (ScriptException e) {
            if (sentinel) {
                return null;
            }
            throw new ScriptException(e.problem(), pendingLine + e.line() - 1);
        }
        if (sentinel) {
            if (statements.isEmpty() || !statements.get(statements.size() - 1).sql().equals(SENTINEL)) {
                return null;
            }
            statements = statements.subList(0, statements.size() - 1);
        }
        return statements.stream()
                .map(s -> new SqlStatement(s.sql(), pendingLine + s.line() - 1, s.essence()))
                .toList();
    }
}
