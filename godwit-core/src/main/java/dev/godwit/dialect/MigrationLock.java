package dev.godwit.dialect;

/**
 * A held migrator lock. Closing it releases the lock; closing twice is harmless.
 */
public interface MigrationLock extends AutoCloseable {

    /** A lock that holds nothing: for databases whose migrations serialise by their own transactions. */
    MigrationLock NONE = () -> { };

    @Override
    void close();
}
