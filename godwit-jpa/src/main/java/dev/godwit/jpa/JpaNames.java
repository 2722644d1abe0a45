package dev.godwit.jpa;

import java.util.Locale;

/**
 * Logical JPA names ({@code Author}, {@code firstName}) to the names the database stores. Hibernate 6 writes names
 * as JPA gives them and unquoted, so the database folds them: PostgreSQL to lower case, SQLite not at all. A name
 * written delimited ({@code "\"Name\""} or {@code `Name`}) keeps its case everywhere.
 */
final class JpaNames {

    private final String dialect;
    private final JpaOptions.Naming naming;

    JpaNames(String dialect, JpaOptions.Naming naming) {
        this.dialect = dialect;
        this.naming = naming;
    }

    /** The stored name of a table, column, sequence, constraint or index. */
    String physical(String logical) {
        String s = logical.strip();
        if (s.length() > 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            return s.substring(1, s.length() - 1);
        }
        if (naming == JpaOptions.Naming.SNAKE) {
            s = snake(s);
        }
        return dialect.equals("postgres") ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** {@code firstName} and {@code HTTPServer2} to {@code first_name} and {@code httpserver2}, as Spring Boot does. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < out.length() - 1; i++) {
            if (Character.isLowerCase(out.charAt(i - 1)) && Character.isUpperCase(out.charAt(i))
                    && Character.isLowerCase(out.charAt(i + 1))) {
                out.insert(i++, '_');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
