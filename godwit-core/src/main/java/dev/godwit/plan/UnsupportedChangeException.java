package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;

/** A change Godwit deliberately does not make on this database; the message starts with "unsupported:". */
public final class UnsupportedChangeException extends GodwitException {

    private final Change change;

    public UnsupportedChangeException(Change change, String what) {
        super(ErrorCode.UNSUPPORTED, "unsupported: " + what + " (" + change.describe() + ")");
        this.change = change;
    }

    public Change change() {
        return change;
    }
}
