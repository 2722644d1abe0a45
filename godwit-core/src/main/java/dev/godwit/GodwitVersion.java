package dev.godwit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Godwit on the class path, written into the jar at build time. */
public final class GodwitVersion {

    private static final String VERSION = read();

    private GodwitVersion() {
    }

    /** The version, such as {@code 0.1.0}; {@code unknown} when run from unpackaged classes without resources. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = GodwitVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
