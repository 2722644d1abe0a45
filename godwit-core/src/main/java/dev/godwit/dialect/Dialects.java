package dev.godwit.dialect;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link Dialect} for a JDBC URL among those on the class path.
 */
public final class Dialects {

    private Dialects() {
    }

    /**
     * Every dialect on the class path of this class's loader, in service-file order. Loaded once: dialects are
     * immutable and thread-safe, and the service lookup (a class-path scan, every dialect instantiated) costs a few
     * milliseconds that a command would otherwise pay several times.
     */
    public static List<Dialect> available() {
        return Loaded.DIALECTS;
    }

    /** Holder, so that the class path is read on first use. */
    private static final class Loaded {
        static final List<Dialect> DIALECTS = ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /**
     * The dialect that handles {@code jdbcUrl}.
     *
     * @throws GodwitException with {@code CONFIG} when none does, naming the URL (redacted) and the dialects
     *                         that are available
     */
    public static Dialect forUrl(String jdbcUrl) {
        List<Dialect> dialects = available();
        return dialects.stream()
                .filter(d -> d.handles(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> new GodwitException(ErrorCode.CONFIG,
                        "No Godwit dialect handles the URL " + Redaction.url(jdbcUrl) + ". Available: "
                                + (dialects.isEmpty() ? "none" : dialects.stream().map(Dialect::name)
                                .collect(Collectors.joining(", ")))
                                + ". Use a jdbc:postgresql:// or jdbc:sqlite: URL, or add the dialect's module to "
                                + "the class path."));
    }

    /**
     * The dialect with this {@link Dialect#name()}, as a snapshot's or catalog's {@code dialect} field names it.
     *
     * @throws GodwitException with {@code CONFIG} when none on the class path has it
     */
    public static Dialect named(String name) {
        List<Dialect> dialects = available();
        return dialects.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new GodwitException(ErrorCode.CONFIG, "No Godwit dialect named '" + name
                        + "' is on the class path. Available: " + (dialects.isEmpty() ? "none" : dialects.stream()
                        .map(Dialect::name).collect(Collectors.joining(", "))) + "."));
    }
}
