package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.List;
import java.util.Optional;

/** The callbacks of one run, fired on the session's connection with errors that name the callback and event. */
final class Callbacks {

    private final Session session;
    private final List<Callback> callbacks;

    Callbacks(Session session, List<Callback> callbacks) {
        this.session = session;
        this.callbacks = List.copyOf(callbacks);
    }

    /** Fires {@code event}; the first failure is thrown as {@code MIGRATION_FAILED}. */
    void fire(Callback.Event event, Migration migration, String afterFailure) {
        Callback.Context context = new Callback.Context(event, Optional.ofNullable(migration), session.connection,
                session.dialect, Optional.empty());
        for (Callback callback : callbacks) {
            try {
                callback.handle(event, context);
            } catch (GodwitException e) {
                throw e;
            } catch (Exception e) {
                throw new GodwitException(ErrorCode.MIGRATION_FAILED, "Callback " + callback + " failed in "
                        + event.fileStem() + (migration == null ? "" : " of migration " + migration.id()) + ": "
                        + (e instanceof java.sql.SQLException s ? session.dialect.describe(s) + Session.sqlState(s)
                        : String.valueOf(e)) + ". " + afterFailure, e);
            }
        }
    }

    /** Fires {@link Callback.Event#AFTER_MIGRATE_ERROR}; its own failures are added to {@code failure}. */
    void afterError(RuntimeException failure) {
        Callback.Context context = new Callback.Context(Callback.Event.AFTER_MIGRATE_ERROR, Optional.empty(),
                session.connection, session.dialect, Optional.of(failure));
        for (Callback callback : callbacks) {
            try {
                callback.handle(Callback.Event.AFTER_MIGRATE_ERROR, context);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
