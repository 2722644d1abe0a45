package dev.godwit.restore;

/** Hears how far a restore has come, every few hundred statements; for progress output. */
@FunctionalInterface
public interface RestoreListener {

    /** Nothing to hear. */
    RestoreListener NONE = (statements, lines) -> { };

    void progress(long statements, long lines);
}
