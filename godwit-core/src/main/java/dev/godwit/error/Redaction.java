package dev.godwit.error;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a user: JDBC URLs with {@code password=} parameters or
 * {@code user:password@} credentials, and any known password value.
 */
public final class Redaction {

    private static final String MASK = "***";
    private static final Pattern URL_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pwd|sslpassword)=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

    private Redaction() {
    }

    /** The URL with any password replaced by {@code ***}; null stays null. */
    public static String url(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String masked = URL_PARAMETER.matcher(jdbcUrl).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    /** The text with every occurrence of {@code secret} (when not blank) and any URL password masked. */
    public static String text(String text, String secret) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (secret != null && !secret.isBlank()) {
            masked = masked.replace(secret, MASK);
        }
        return url(masked);
    }
}
