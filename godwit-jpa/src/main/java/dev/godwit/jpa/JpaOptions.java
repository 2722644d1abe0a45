package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.Locale;

/**
 * How entity classes become a catalog, from the source spec's query ({@code jpa:com.example.model?enums=native}).
 *
 * @param packageName the package whose entities (and sub-packages') are read
 * @param naming      how logical names become table and column names
 * @param enums       how an {@code @Enumerated(STRING)} column is typed
 */
record JpaOptions(String packageName, Naming naming, Enums enums) {

    /** Logical name to physical name. */
    enum Naming {
        /** Hibernate 6's default: the name as JPA gives it ({@code firstName}), folded as the database folds it. */
        AS_IS,
        /** Spring Boot's default: {@code firstName} becomes {@code first_name}. */
        SNAKE
    }

    /** Enum columns. */
    enum Enums {
        /** A character column with a CHECK listing the labels, as Hibernate 6 makes it. */
        CHECK,
        /** A native PostgreSQL enum type named after the Java enum (other dialects: as CHECK). */
        NATIVE
    }

    static JpaOptions parse(String argument) {
        String[] parts = argument.split("\\?", 2);
        Naming naming = Naming.AS_IS;
        Enums enums = Enums.CHECK;
        if (parts.length == 2) {
            for (String option : parts[1].split("&")) {
                String[] kv = option.split("=", 2);
                String key = kv[0].strip().toLowerCase(Locale.ROOT);
                String value = kv.length == 2 ? kv[1].strip().toLowerCase(Locale.ROOT) : "";
                switch (key) {
                    case "naming" -> naming = switch (value) {
                        case "as-is", "asis", "default" -> Naming.AS_IS;
                        case "snake", "snake_case" -> Naming.SNAKE;
                        default -> throw usage(argument, "naming is as-is or snake");
                    };
                    case "enums" -> enums = switch (value) {
                        case "check", "varchar" -> Enums.CHECK;
                        case "native" -> Enums.NATIVE;
                        default -> throw usage(argument, "enums is check or native");
                    };
                    default -> throw usage(argument, "the options are naming=as-is|snake and enums=check|native");
                }
            }
        }
        return new JpaOptions(parts[0].strip(), naming, enums);
    }

    private static GodwitException usage(String argument, String why) {
        return new GodwitException(ErrorCode.USAGE, "Cannot read the source 'jpa:" + argument + "': " + why + ".");
    }
}
