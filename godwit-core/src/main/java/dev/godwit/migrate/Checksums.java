package dev.godwit.migrate;

import dev.godwit.dialect.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The two checksums the history keeps of a migration's up text.
 * <ul>
 * <li>{@link #of(String)}: SHA-256 of the text with line endings, a byte-order mark and trailing whitespace
 * normalised away, so a checkout on Windows does not look like an edit;</li>
 * <li>{@link #ofStatements(List)}: SHA-256 of the statements' essences (comments removed, whitespace collapsed),
 * so that when the first differs Godwit can tell "only whitespace or comments changed" from a real edit.</li>
 * </ul>
 */
public final class Checksums {

    private Checksums() {
    }

    /** The checksum of a script's text, 64 lower-case hex digits. */
    public static String of(String text) {
        return sha256(normalise(text));
    }

    /** The checksum of a script's statements, ignoring comments and whitespace. */
    public static String ofStatements(List<SqlStatement> statements) {
        StringBuilder joined = new StringBuilder();
        for (SqlStatement statement : statements) {
            joined.append(statement.essence()).append(";\n");
        }
        return sha256(joined.toString());
    }

    static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        StringBuilder out = new StringBuilder(t.length());
        for (String line : t.split("\r\n|\r|\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
