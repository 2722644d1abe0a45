package dev.godwit.postgres;

import dev.godwit.model.DataType;
import java.util.Optional;

/**
 * PostgreSQL type facts: how a type modifier ({@code atttypmod}) encodes length, precision and scale. The layouts
 * are those of the types' typmodin functions in the server source (varchar.c, numeric.c, datetime.c, varbit.c).
 */
final class PostgresTypes {

    private static final int BPCHAR = 1042;
    private static final int VARCHAR = 1043;
    private static final int BIT = 1560;
    private static final int VARBIT = 1562;
    private static final int NUMERIC = 1700;
    private static final int TIME = 1083;
    private static final int TIMETZ = 1266;
    private static final int TIMESTAMP = 1114;
    private static final int TIMESTAMPTZ = 1184;
    private static final int INTERVAL = 1186;
    /** VARHDRSZ: character and numeric typmods are offset by the varlena header size. */
    private static final int HEADER = 4;
    /** INTERVAL_FULL_PRECISION: no precision given. */
    private static final int INTERVAL_FULL_PRECISION = 0xFFFF;

    private PostgresTypes() {
    }

    /**
     * The model type of a column or domain.
     *
     * @param name       {@code format_type} of the (element) type without modifier
     * @param elementOid the type's oid, or its element's for an array
     * @param typmod     the modifier, -1 when none
     * @param dimensions 0 for a scalar
     * @param raw        {@code format_type} with the modifier (which prints one {@code []} for any array)
     */
    static DataType dataType(String name, int elementOid, int typmod, int dimensions, String raw) {
        Optional<Integer> length = Optional.empty();
        Optional<Integer> precision = Optional.empty();
        Optional<Integer> scale = Optional.empty();
        if (typmod >= 0) {
            switch (elementOid) {
                case BPCHAR, VARCHAR -> length = Optional.of(typmod - HEADER);
                case BIT, VARBIT -> length = Optional.of(typmod);
                case NUMERIC -> {
                    int packed = typmod - HEADER;
                    precision = Optional.of((packed >> 16) & 0xFFFF);
                    // PG 15+ allows a negative scale: the low 11 bits are a signed number.
                    scale = Optional.of(((packed & 0x7FF) ^ 1024) - 1024);
                }
                case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> precision = Optional.of(typmod);
                case INTERVAL -> {
                    int p = typmod & 0xFFFF;
                    precision = p == INTERVAL_FULL_PRECISION ? Optional.empty() : Optional.of(p);
                }
                default -> {
                    // Other modifiers (PostGIS geometry, for instance) stay in raw only.
                }
            }
        }
        // format_type prints one [] whatever attndims says (PostgreSQL does not enforce array dimensions); the
        // declared ones are written out so that the raw type, written back, declares them again.
        String written = dimensions > 1 && raw.endsWith("[]") ? raw + "[]".repeat(dimensions - 1) : raw;
        return new DataType(name, length, precision, scale, dimensions, written);
    }

    /**
     * The options of an identity column's sequence that differ from what {@code GENERATED ... AS IDENTITY} gives a
     * column of this type, as {@code CREATE SEQUENCE} spells them; empty when all are the defaults.
     */
    static Optional<String> identityOptions(String type, long start, long increment, long min, long max, long cache,
                                            boolean cycle) {
        long typeMax = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        boolean ascending = increment > 0;
        StringBuilder options = new StringBuilder();
        if (increment != 1) {
            options.append(" INCREMENT BY ").append(increment);
        }
        if (min != (ascending ? 1 : typeMin)) {
            options.append(" MINVALUE ").append(min);
        }
        if (max != (ascending ? typeMax : -1)) {
            options.append(" MAXVALUE ").append(max);
        }
        if (start != (ascending ? min : max)) {
            options.append(" START WITH ").append(start);
        }
        if (cache != 1) {
            options.append(" CACHE ").append(cache);
        }
        if (cycle) {
            options.append(" CYCLE");
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(options.toString().strip());
    }
}
