package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code -- godwit:} markers of a migration script:
 * <pre>
 * -- godwit:depends 20261101093000_create_users
 * -- godwit:no-transaction
 * -- godwit:up
 * CREATE TABLE ...;
 * -- godwit:down
 * DROP TABLE ...;
 * </pre>
 * A script with no {@code up}/{@code down} marker is all up. Headers ({@code depends}, {@code no-transaction})
 * go before the first section.
 */
public final class MigrationScript {

    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*godwit:\\s*([A-Za-z-]*)\\s*(.*?)\\s*$");
    private static final String KNOWN = "up, down, depends <id>..., no-transaction";

    private MigrationScript() {
    }

    /**
     * Parses {@code text} into a migration.
     *
     * @param id          the migration's id
     * @param description its description
     * @param location    where the text came from, used in every error message
     * @throws GodwitException with {@code MIGRATION_SOURCE} naming location, line and the fix
     */
    public static Migration parse(MigrationId id, String description, String location, String text) {
        return new Parse(location, text).run(id, description);
    }

    private static final class Parse {
        private final String location;
        private final String[] lines;
        private final List<String> dependencies = new ArrayList<>();
        private TransactionMode mode = TransactionMode.TRANSACTIONAL;
        private int upMarker;
        private int downMarker;

        Parse(String location, String text) {
            this.location = location;
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = body.split("\r\n|\r|\n", -1);
        }

        Migration run(MigrationId id, String description) {
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                if (m.matches()) {
                    directive(i + 1, m.group(1).toLowerCase(Locale.ROOT), m.group(2));
                }
            }
            Section up;
            Optional<Section> down = Optional.empty();
            if (upMarker == 0 && downMarker == 0) {
                up = section(1, lines.length + 1);
            } else if (upMarker == 0) {
                up = section(1, downMarker);
                down = Optional.of(section(downMarker + 1, lines.length + 1));
            } else {
                requireNoStatementsBefore(upMarker);
                if (downMarker == 0) {
                    up = section(upMarker + 1, lines.length + 1);
                } else {
                    up = section(upMarker + 1, downMarker);
                    down = Optional.of(section(downMarker + 1, lines.length + 1));
                }
            }
            return new Migration(id, description, MigrationKind.SQL, location, up, down, dependencies, mode);
        }

        private void directive(int line, String name, String argument) {
            switch (name) {
                case "up" -> {
                    requireOnce(line, "up", upMarker);
                    if (downMarker != 0) {
                        throw malformed(line, "'-- godwit:up' comes after '-- godwit:down'",
                                "put the up section first");
                    }
                    upMarker = line;
                }
                case "down" -> {
                    requireOnce(line, "down", downMarker);
                    downMarker = line;
                }
                case "depends" -> {
                    requireHeader(line, "depends");
                    if (argument.isBlank()) {
                        throw malformed(line, "'-- godwit:depends' names no migration",
                                "write the ids it depends on, e.g. '-- godwit:depends 20261101093000_create_users'");
                    }
                    for (String reference : argument.split("[,\\s]+")) {
                        if (!reference.isBlank()) {
                            dependencies.add(reference);
                        }
                    }
                }
                case "no-transaction" -> {
                    requireHeader(line, "no-transaction");
                    mode = TransactionMode.NON_TRANSACTIONAL;
                }
                default -> throw malformed(line, "unknown marker '-- godwit:" + name + "'",
                        "use one of: " + KNOWN);
            }
        }

        private void requireOnce(int line, String name, int previous) {
            if (previous != 0) {
                throw malformed(line, "a second '-- godwit:" + name + "' marker (the first is on line " + previous
                        + ")", "keep one " + name + " section");
            }
        }

        private void requireHeader(int line, String name) {
            if (upMarker != 0 || downMarker != 0) {
                throw malformed(line, "'-- godwit:" + name + "' inside a section",
                        "move it above '-- godwit:up'");
            }
        }

        private void requireNoStatementsBefore(int marker) {
            for (int i = 0; i < marker - 1; i++) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("--")) {
                    throw malformed(i + 1, "SQL before '-- godwit:up' (line " + marker + ")",
                            "move it below the marker, or remove the marker to make the whole file 'up'");
                }
            }
        }

        /** Lines {@code from} (inclusive) to {@code to} (exclusive), 1-based. */
        private Section section(int from, int to) {
            StringBuilder text = new StringBuilder();
            for (int i = from; i < to && i <= lines.length; i++) {
                String line = lines[i - 1];
                if (!MARKER.matcher(line).matches()) {
                    text.append(line);
                }
                if (i < to - 1) {
                    text.append('\n');
                }
            }
            return new Section(text.toString(), from);
        }

        private GodwitException malformed(int line, String problem, String fix) {
            return new GodwitException(ErrorCode.MIGRATION_SOURCE,
                    location + ":" + line + ": " + problem + ". Fix: " + fix + ".");
        }
    }
}
