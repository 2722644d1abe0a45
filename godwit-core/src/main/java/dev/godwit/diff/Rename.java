package dev.godwit.diff;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rename the user declared ({@code --rename old=new}, or {@code -- godwit:rename old=new} in the desired SQL).
 * Godwit never guesses renames: without a hint, a table or column that disappears and another that appears are a
 * drop and an add. {@code from} names a table ({@code users}, {@code app.users}) or a column ({@code users.name},
 * {@code app.users.name}); {@code to} is the new name, bare or in the same form.
 */
public record Rename(String from, String to) {

    private static final Pattern HINT = Pattern.compile("(?m)^\\s*--\\s*godwit:rename\\s+(\\S+)\\s*$");

    public Rename {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Parses {@code old=new}. */
    public static Rename parse(String hint) {
        int eq = hint.indexOf('=');
        if (eq <= 0 || eq == hint.length() - 1) {
            throw new GodwitException(ErrorCode.USAGE, "A rename hint is old=new (a table: users=customers, a "
                    + "column: users.name=full_name), not '" + hint + "'.");
        }
        return new Rename(hint.substring(0, eq).strip(), hint.substring(eq + 1).strip());
    }

    /** The hints a desired-state SQL text declares, one {@code -- godwit:rename old=new} line each, in order. */
    public static List<Rename> hintsIn(String sql) {
        List<Rename> hints = new ArrayList<>();
        Matcher m = HINT.matcher(sql);
        while (m.find()) {
            hints.add(parse(m.group(1)));
        }
        return hints;
    }

    /** The last dotted part of {@code to}: the new bare name. */
    public String newName() {
        int dot = to.lastIndexOf('.');
        return dot < 0 ? to : to.substring(dot + 1);
    }
}
