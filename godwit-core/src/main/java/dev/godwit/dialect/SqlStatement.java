package dev.godwit.dialect;

/**
 * One statement of a script, as the splitter found it.
 *
 * @param sql     the statement text without its terminating semicolon, comments inside it kept, trimmed
 * @param line    the 1-based line of the script on which the statement starts
 * @param essence the statement with comments removed and whitespace outside literals collapsed to one space (none
 *                next to a parenthesis, comma or semicolon): two scripts with the same essences differ only in
 *                whitespace and comments
 */
public record SqlStatement(String sql, int line, String essence) {
}
