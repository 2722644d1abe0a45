package dev.godwit.source;

import dev.godwit.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A kind of schema source that lives in another module, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.godwit.source.SourceProvider} entry), so core need not depend on it: godwit-jpa
 * provides {@code jpa:PACKAGE}. Implementations are stateless and may be called from any thread.
 */
public interface SourceProvider {

    /** The prefix, without the colon, that selects this provider in a source spec ({@code jpa}). */
    String prefix();

    /**
     * Reads the desired state.
     *
     * @param request what the spec and configuration say
     * @throws dev.godwit.error.GodwitException when the argument names nothing readable, saying what to fix
     */
    Catalog read(Request request);

    /**
     * What a provider is asked.
     *
     * @param argument  the spec after the prefix and colon ({@code com.example.model})
     * @param classpath directories and jars the provider reads classes or files from, in order; may be empty
     * @param dialect   the dialect name ({@code postgres}, {@code sqlite}) the catalog is for
     * @param schema    the configured schema, when one is
     */
    record Request(String argument, List<Path> classpath, String dialect, Optional<String> schema) {
        public Request {
            classpath = List.copyOf(classpath);
            schema = schema == null ? Optional.empty() : schema;
        }
    }
}
