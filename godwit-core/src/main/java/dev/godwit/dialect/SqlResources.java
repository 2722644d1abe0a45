package dev.godwit.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Reads a dialect's SQL resource files (catalog queries, history DDL), which live as {@code .sql} files beside the
 * dialect's classes so that they can be run by hand. Leading-of-line {@code --} comments are left out; callers read
 * each file once, into a constant.
 */
public final class SqlResources {

    private SqlResources() {
    }

    /**
     * The text of {@code name}, relative to {@code anchor}'s package.
     *
     * @throws IllegalStateException when the resource is missing: a packaging bug, not a user error
     */
    public static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + anchor.getPackageName().replace('.', '/') + "/"
                        + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
