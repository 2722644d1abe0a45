package dev.godwit;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.StatusResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Migrates (or reads the status of) many databases or tenant schemas at once. Each target is a {@link Godwit} of
 * its own (its own connections, lock and history table), and they run on a fixed number of threads; one target's
 * failure does not stop the others, and the outcome says which failed and why.
 */
public final class Fleet {

    /** One database or schema to migrate, and the name the outcome gives it. */
    public record Target(String name, Godwit godwit) {
    }

    /** What happened to one target: its result, or the failure that stopped it. */
    public record Outcome<T>(String name, Optional<T> result, Optional<GodwitException> failure) {

        public boolean failed() {
            return failure.isPresent();
        }
    }

    private Fleet() {
    }

    /**
     * Migrates every target, at most {@code jobs} at a time, and gives the outcomes in the targets' order once all
     * have finished.
     */
    public static List<Outcome<MigrateResult>> migrate(List<Target> targets, MigrateOptions options, int jobs) {
        return each(targets, jobs, "migrating", godwit -> godwit.migrate(options));
    }

    /** The status of every target, at most {@code jobs} read at a time, in the targets' order. */
    public static List<Outcome<StatusResult>> status(List<Target> targets, int jobs) {
        return each(targets, jobs, "reading the status of", Godwit::status);
    }

    private static <T> List<Outcome<T>> each(List<Target> targets, int jobs, String doing, Function<Godwit, T> work) {
        if (jobs < 1) {
            throw new GodwitException(ErrorCode.USAGE, "The number of targets worked on at once (--jobs) is at "
                    + "least 1, not " + jobs + ".");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, targets.size())), r -> {
            Thread t = new Thread(r, "godwit-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Target target : targets) {
                running.add(pool.submit(() -> work.apply(target.godwit())));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                outcomes.add(outcome(targets.get(i).name(), doing, running.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcome(String name, String doing, Future<T> running) {
        try {
            return new Outcome<>(name, Optional.of(running.get()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(name, Optional.empty(), Optional.of(new GodwitException(ErrorCode.GENERAL,
                    "Interrupted while " + doing + " " + name + ".", e)));
        } catch (ExecutionException e) {
            GodwitException failure = e.getCause() instanceof GodwitException g ? g
                    : new GodwitException(ErrorCode.GENERAL, "Failed " + doing + " " + name + ": " + e.getCause()
                    + ".", e.getCause());
            return new Outcome<>(name, Optional.empty(), Optional.of(failure));
        }
    }
}
