package dev.godwit.dialect;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;

/**
 * A script that cannot be split: a quote, comment or body that is never closed. The line is relative to the
 * script given to the splitter; callers that know the file add the file's name and offset.
 */
public final class ScriptException extends GodwitException {

    private final String problem;
    private final int line;

    public ScriptException(String problem, int line) {
        super(ErrorCode.MIGRATION_SOURCE, problem + " (line " + line + ")");
        this.problem = problem;
        this.line = line;
    }

    /** What is wrong, without position: "unterminated dollar-quoted string $body$". */
    public String problem() {
        return problem;
    }

    /** The 1-based line of the script where the unclosed token opened. */
    public int line() {
        return line;
    }
}
