package dev.godwit.migrate;

import java.util.Objects;

/**
 * One section (up or down) of a migration script.
 *
 * @param text      the SQL text of the section, markers removed
 * @param firstLine the 1-based line of the file on which {@code text} begins, so a statement's line in the section
 *                  maps back to the file: {@code firstLine + line - 1}
 */
public record Section(String text, int firstLine) {

    public Section {
        Objects.requireNonNull(text, "text");
    }

    /** A section that is not in a file: its lines are its own. */
    public static Section of(String text) {
        return new Section(text, 1);
    }

    /** The file line of a line of this section. */
    public int fileLine(int sectionLine) {
        return firstLine + sectionLine - 1;
    }

    /** True when the section holds nothing but whitespace. */
    public boolean isBlank() {
        return text.isBlank();
    }
}
