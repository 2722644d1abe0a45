package dev.godwit.error;

import java.util.Objects;

/**
 * The one unchecked exception Godwit throws. Its message is written for the person running the tool: what was
 * being done, to which object, why it failed and what to do next. It never contains a password.
 */
public class GodwitException extends RuntimeException {

    private final ErrorCode code;

    public GodwitException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GodwitException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The kind of failure; decides the exit code. */
    public ErrorCode code() {
        return code;
    }
}
