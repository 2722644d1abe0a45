package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java attribute types to column types, spelled as the dialect's inspector prints them so that a diff against a
 * reflected database shows no noise: PostgreSQL's {@code format_type} spellings ({@code character varying(255)},
 * {@code timestamp(6) without time zone}), SQLite's declared type names as Hibernate writes them. The choices are
 * Hibernate 6's: strings are {@code varchar(255)}, decimals {@code numeric(38,2)}, times have precision 6.
 */
final class JpaTypes {

    private static final Pattern MODIFIED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)(.*)");

    private final boolean postgres;

    JpaTypes(String dialect) {
        if (!dialect.equals("postgres") && !dialect.equals("sqlite")) {
            throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: a jpa: source for the " + dialect
                    + " dialect; this version writes PostgreSQL and SQLite types.");
        }
        this.postgres = dialect.equals("postgres");
    }

    /** Column facts from {@code @Column} that shape the type. */
    record Shape(int length, int precision, int scale, boolean lob) {
        static final Shape DEFAULT = new Shape(255, 0, 0, false);
    }

    /** The type of a basic attribute of Java type {@code type}. */
    DataType basic(Class<?> type, Shape shape, String attribute) {
        Class<?> t = boxed(type);
        if (t == String.class) {
            return shape.lob() ? DataType.of(postgres ? "text" : "clob") : varchar(shape.length());
        }
        if (t == Long.class) {
            return DataType.of("bigint");
        }
        if (t == Integer.class) {
            return DataType.of("integer");
        }
        if (t == Short.class || t == Byte.class) {
            return DataType.of(postgres || t == Short.class ? "smallint" : "tinyint");
        }
        if (t == Boolean.class) {
            return DataType.of("boolean");
        }
        if (t == Double.class) {
            return DataType.of(postgres ? "double precision" : "double");
        }
        if (t == Float.class) {
            return DataType.of(postgres ? "real" : "float");
        }
        if (t == Character.class) {
            return postgres ? modified("character", 1, null, "character(1)") : modified("char", 1, null, "char(1)");
        }
        if (t == BigDecimal.class) {
            return numeric(shape.precision() == 0 ? 38 : shape.precision(), shape.precision() == 0 && shape.scale()
                    == 0 ? 2 : shape.scale());
        }
        if (t == BigInteger.class) {
            return numeric(shape.precision() == 0 ? 38 : shape.precision(), 0);
        }
        if (t == LocalDate.class || t == java.sql.Date.class) {
            return DataType.of("date");
        }
        if (t == LocalTime.class || t == java.sql.Time.class) {
            return postgres ? time("time", "without") : DataType.of("time");
        }
        if (t == LocalDateTime.class || t == java.sql.Timestamp.class || t == java.util.Date.class) {
            return postgres ? time("timestamp", "without") : DataType.of("timestamp");
        }
        if (t == Instant.class || t == OffsetDateTime.class || t == ZonedDateTime.class) {
            return postgres ? time("timestamp", "with") : DataType.of("timestamp");
        }
        if (t == UUID.class) {
            return DataType.of(postgres ? "uuid" : "blob");
        }
        if (t == byte[].class || t == Byte[].class) {
            return DataType.of(postgres ? "bytea" : "blob");
        }
        throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: the attribute " + attribute + " has the type "
                + type.getName() + ", which godwit-jpa has no column type for. Give it "
                + "@Column(columnDefinition = \"...\") or mark it @Transient.");
    }

    /** An {@code @Enumerated(STRING)} column: character data as long as the column allows. */
    DataType enumString(Shape shape) {
        return varchar(shape.length());
    }

    /** An ordinal enum column: Hibernate 6 uses the smallest integer type the database has. */
    DataType enumOrdinal() {
        return DataType.of(postgres ? "smallint" : "tinyint");
    }

    /** The integer type of a SQLite rowid alias, or {@code type} itself. */
    DataType identity(DataType type) {
        return postgres ? type : DataType.of("integer");
    }

    /** {@code columnDefinition} taken as the type, in the database's spelling as far as it can tell. */
    DataType definition(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (postgres) {
            s = s.replaceFirst("^varchar\\b", "character varying").replaceFirst("^int4?\\b$", "integer")
                    .replaceFirst("^int8\\b", "bigint").replaceFirst("^bool\\b", "boolean")
                    .replaceFirst("^decimal\\b", "numeric").replaceFirst("^timestamptz$",
                            "timestamp with time zone").replaceFirst("^timestamp$", "timestamp without time zone");
        }
        Matcher m = MODIFIED.matcher(s);
        if (!m.matches()) {
            return DataType.of(s);
        }
        String name = (m.group(1).strip() + m.group(4)).strip();
        int first = Integer.parseInt(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        return modified(name, first, second, s);
    }

    private DataType varchar(int length) {
        String name = postgres ? "character varying" : "varchar";
        return modified(name, length, null, name + "(" + length + ")");
    }

    private static DataType numeric(int precision, int scale) {
        return modified("numeric", precision, scale, "numeric(" + precision + "," + scale + ")");
    }

    private static DataType time(String base, String zone) {
        return new DataType(base + " " + zone + " time zone", Optional.empty(), Optional.of(6), Optional.empty(), 0,
                base + "(6) " + zone + " time zone");
    }

    private static DataType modified(String name, int first, Integer second, String raw) {
        boolean numeric = name.equals("numeric") || name.equals("decimal") || name.startsWith("time");
        if (numeric) {
            return new DataType(name, Optional.empty(), Optional.of(first), Optional.ofNullable(second), 0, raw);
        }
        return new DataType(name, Optional.of(first), Optional.empty(), Optional.empty(), 0, raw);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "long" -> Long.class;
            case "int" -> Integer.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "char" -> Character.class;
            default -> type;
        };
    }
}
