package dev.godwit.migrate;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A migration's identity: the file stem for Godwit files ({@code 20261101093000_create_users}), the version for
 * Flyway-style files ({@code 3}, {@code 1.2}). Ids order naturally: digit runs compare as numbers, so {@code 2}
 * comes before {@code 10} and timestamps sort by time.
 */
public record MigrationId(String value) implements Comparable<MigrationId> {

    public MigrationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("migration id must not be blank");
        }
    }

    public static MigrationId of(String value) {
        return new MigrationId(value);
    }

    /**
     * True when {@code reference} names this migration: the whole id, or its leading timestamp/version (the part
     * before the first underscore), so {@code -- godwit:depends 20261101093000} works as well as the full stem.
     */
    public boolean matches(String reference) {
        if (value.equals(reference)) {
            return true;
        }
        int underscore = value.indexOf('_');
        return underscore > 0 && value.substring(0, underscore).equals(reference);
    }

    @Override
    public int compareTo(MigrationId other) {
        String a = value;
        String b = other.value;
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int cmp = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (cmp != 0) {
                    return cmp;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return value;
    }
}
