package dev.godwit.source;

import dev.godwit.dialect.Dialects;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A source read by a {@link SourceProvider} on the class path ({@code jpa:com.example.model}). The catalog is built
 * for the dialect of the comparison's server URL, so it is written in that database's canonical spellings.
 *
 * @param provider  the provider that reads it
 * @param argument  the spec after {@code prefix:}
 * @param classpath where the provider finds what it reads
 */
public record ProvidedSource(SourceProvider provider, String argument, List<Path> classpath) implements SchemaSource {

    public ProvidedSource {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(argument, "argument");
        classpath = List.copyOf(classpath);
    }

    /** The provider for {@code prefix} among those on the class path of this class's loader. */
    static Optional<SourceProvider> provider(String prefix) {
        return ServiceLoader.load(SourceProvider.class, SourceProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.prefix().equals(prefix))
                .findFirst();
    }

    @Override
    public String describe() {
        return provider.prefix() + ":" + argument;
    }

    @Override
    public SchemaState resolve(SourceSettings settings) {
        String dialect = Dialects.forUrl(settings.serverUrl()).name();
        if (argument.isBlank()) {
            throw new GodwitException(ErrorCode.USAGE, "'" + describe() + "' names nothing: write "
                    + provider.prefix() + ":com.example.model.");
        }
        var catalog = provider.read(new SourceProvider.Request(argument, classpath, dialect, settings.schema()));
        return new SchemaState(catalog, List.of(), Optional.empty(), describe() + " (" + dialect + ")");
    }
}
