package dev.godwit.mysql;

import dev.godwit.model.DataType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL type and default facts: which {@code information_schema.COLUMNS} numbers are a length, a precision or a
 * scale for which type, and how each server prints a column default.
 */
final class MysqlTypes {

    private static final Set<String> LENGTH_TYPES = Set.of("char", "varchar", "binary", "varbinary");
    private static final Set<String> DECIMAL_TYPES = Set.of("decimal", "numeric");
    /** FLOAT(M,D) and DOUBLE(M,D): precision and scale only when declared (COLUMN_TYPE has them). */
    private static final Set<String> FLOATING_TYPES = Set.of("float", "double", "real");
    private static final Set<String> TIME_TYPES = Set.of("time", "datetime", "timestamp");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?");

    private MysqlTypes() {
    }

    /**
     * The model type: {@code DATA_TYPE} as the name, the numbers that apply to it, and {@code COLUMN_TYPE} (with
     * display width, {@code unsigned}, {@code zerofill}, enum labels) as the raw type.
     */
    static DataType dataType(String dataType, Long maxLength, Long numericPrecision, Long numericScale,
                             Long datetimePrecision, String columnType) {
        String name = dataType.toLowerCase(Locale.ROOT);
        Optional<Integer> length = Optional.empty();
        Optional<Integer> precision = Optional.empty();
        Optional<Integer> scale = Optional.empty();
        if (LENGTH_TYPES.contains(name)) {
            length = number(maxLength);
        } else if (name.equals("bit")) {
            length = number(numericPrecision);
        } else if (DECIMAL_TYPES.contains(name) || FLOATING_TYPES.contains(name) && columnType.contains("(")) {
            precision = number(numericPrecision);
            scale = number(numericScale);
        } else if (TIME_TYPES.contains(name) && datetimePrecision != null && datetimePrecision > 0) {
            precision = number(datetimePrecision);
        }
        return new DataType(name, length, precision, scale, 0, columnType);
    }

    private static Optional<Integer> number(Long value) {
        return value == null ? Optional.empty() : Optional.of((int) Math.min(Integer.MAX_VALUE, value));
    }

    /**
     * The default as an expression that can follow {@code DEFAULT}, or empty when there is none (a default of NULL
     * is the same as none). MariaDB prints SQL already ({@code 'text'}, {@code 0}, {@code current_timestamp()},
     * {@code NULL}). MySQL prints bare values ({@code text}), and an expression default (8.0.13+) as its expression
     * with DEFAULT_GENERATED in EXTRA; only CURRENT_TIMESTAMP may be written without parentheses.
     */
    static Optional<String> defaultExpression(MysqlFlavor flavor, String value, String extra, String dataType) {
        if (value == null || flavor == MysqlFlavor.MARIADB && value.equals("NULL")) {
            return Optional.empty();
        }
        if (flavor == MysqlFlavor.MARIADB) {
            return Optional.of(value);
        }
        if (extra != null && extra.contains("DEFAULT_GENERATED")) {
            return Optional.of(CURRENT_TIMESTAMP.matcher(value).matches() ? value : "(" + value + ")");
        }
        if (dataType.equalsIgnoreCase("bit") && value.startsWith("b'")) {
            return Optional.of(value);
        }
        return Optional.of(MysqlNames.literal(value));
    }
}
