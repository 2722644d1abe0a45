package dev.godwit.postgres;

/** Extension version strings ({@code 1.4}, {@code 1.10}, {@code 2.0.1}) compared part by part, numbers as numbers. */
final class PostgresExtensions {

    private PostgresExtensions() {
    }

    /** True when version {@code a} comes before {@code b}; versions that are not dotted numbers compare as text. */
    static boolean older(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}
