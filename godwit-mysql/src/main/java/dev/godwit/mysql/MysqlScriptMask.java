package dev.godwit.mysql;

import java.util.Locale;
import java.util.Set;

/**
 * The MySQL client's lexical rules that the shared {@link dev.godwit.dialect.ScriptSplitter} does not know, turned
 * into text it does know. Two copies of the script are made, each exactly as long as the script and with the same
 * line breaks, so that a statement found at some offset of one is at the same offset of the others:
 *
 * <ul>
 *   <li>{@code sent}: the script with the markers of executable comments ({@code /*!50100 ... *}{@code /},
 *       {@code /*M! ... *}{@code /}) blanked, so that their content runs as the server would run it;</li>
 *   <li>{@code masked}: what the splitter scans. Comments are blanked ({@code #} to the end of the line,
 *       {@code -- } only when a space follows, as MySQL requires); a {@code DELIMITER} command line is blanked and
 *       the custom delimiter it sets becomes {@code ;}, while the semicolons it covers become spaces; {@code END}
 *       of {@code END IF | LOOP | WHILE | REPEAT} and the {@code CASE} of {@code END CASE} are blanked, so the
 *       splitter's {@code BEGIN ... END} count stays balanced in stored-program bodies; and backslash escapes in
 *       double-quoted strings (strings, not identifiers, in MySQL's default sql_mode) are neutralised.</li>
 * </ul>
 */
final class MysqlScriptMask {

    /** Compound-statement closers whose END is not the END of a BEGIN. */
    private static final Set<String> CLOSED_BY_END = Set.of("IF", "LOOP", "WHILE", "REPEAT");

    /** The two copies; see the class comment. */
    record Masked(String sent, String masked) {
    }

    private final String s;
    private final char[] sent;
    private final char[] masked;
    private String delimiter = ";";
    private int pos;
    private boolean statementEmpty = true;

    private MysqlScriptMask(String script) {
        this.s = script;
        this.sent = script.toCharArray();
        this.masked = script.toCharArray();
    }

    static Masked of(String script) {
        MysqlScriptMask mask = new MysqlScriptMask(script);
        mask.run();
        return new Masked(new String(mask.sent), new String(mask.masked));
    }

    private void run() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (statementEmpty && atLineStart() && startsWithWord("DELIMITER")) {
                delimiterCommand();
            } else if (!delimiter.equals(";") && s.startsWith(delimiter, pos)) {
                masked[pos] = ';';
                blank(masked, pos + 1, pos + delimiter.length());
                pos += delimiter.length();
                statementEmpty = true;
            } else if (c == ';') {
                if (!delimiter.equals(";")) {
                    masked[pos] = ' ';
                } else {
                    statementEmpty = true;
                }
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                lineComment();
            } else if (c == '-' && peek(1) == '-') {
                if (peek(2) == '\0' || Character.isWhitespace(peek(2))) {
                    lineComment();
                } else {
                    // "1--1" is arithmetic in MySQL; the shared splitter would take it for a comment.
                    masked[pos + 1] = '+';
                    statementEmpty = false;
                    pos += 2;
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                statementEmpty = false;
                token(c);
            }
        }
    }

    private void token(char c) {
        if (c == '\'' || c == '"') {
            quoted(c);
        } else if (c == '`') {
            int close = pos + 1;
            while (close < s.length() && !(s.charAt(close) == '`' && (close + 1 >= s.length()
                    || s.charAt(close + 1) != '`'))) {
                close += s.charAt(close) == '`' ? 2 : 1;
            }
            pos = Math.min(s.length(), close + 1);
        } else if (Character.isLetter(c) || c == '_') {
            word();
        } else {
            pos++;
        }
    }

    /** A string; an unterminated one is left for the splitter to report with its line. */
    private void quoted(char quote) {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < s.length()) {
                if (quote == '"' && s.charAt(pos + 1) == '"') {
                    masked[pos + 1] = '\\';
                }
                pos += 2;
            } else if (c == quote) {
                pos++;
                if (peek(0) != quote) {
                    return;
                }
                pos++;
            } else {
                pos++;
            }
        }
    }

    private void word() {
        int from = pos;
        // "END$$": a custom delimiter may follow a word without a space, and '$' is a word character.
        while (pos < s.length() && isWordPart(s.charAt(pos)) && (delimiter.equals(";")
                || !s.startsWith(delimiter, pos))) {
            pos++;
        }
        if (!s.substring(from, pos).equalsIgnoreCase("END")) {
            return;
        }
        int next = pos;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
            next++;
        }
        int end = next;
        while (end < s.length() && isWordPart(s.charAt(end))) {
            end++;
        }
        String following = s.substring(next, end).toUpperCase(Locale.ROOT);
        if (CLOSED_BY_END.contains(following)) {
            blank(masked, from, pos);
        } else if (following.equals("CASE")) {
            blank(masked, next, end);
            pos = end;
        }
    }

    private void lineComment() {
        int end = s.indexOf('\n', pos);
        end = end < 0 ? s.length() : end;
        blank(masked, pos, end);
        pos = end;
    }

    private void blockComment() {
        int close = s.indexOf("*/", pos + 2);
        if (close < 0) {
            // Left for the splitter, which reports the line where it opened.
            pos = s.length();
            return;
        }
        int end = close + 2;
        int content = executableContent();
        if (content < 0) {
            blank(masked, pos, end);
            pos = end;
            return;
        }
        // The content is code: only the markers go, and the scan goes on inside, so quotes and words there count.
        blank(masked, pos, content);
        blank(sent, pos, content);
        blank(masked, close, end);
        blank(sent, close, end);
        pos = content;
    }

    /** Where the code of {@code /*!NNNNN code *}{@code /} or {@code /*M!NNNNN code *}{@code /} starts; -1 if none. */
    private int executableContent() {
        int i = pos + 2;
        if (peek(2) == 'M' && peek(3) == '!') {
            i += 2;
        } else if (peek(2) == '!') {
            i += 1;
        } else {
            return -1;
        }
        int digits = 0;
        while (i < s.length() && digits < 6 && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        return i;
    }

    /** {@code DELIMITER x}: the rest of the line names the new delimiter; the line itself is not SQL. */
    private void delimiterCommand() {
        int end = s.indexOf('\n', pos);
        end = end < 0 ? s.length() : end;
        String value = s.substring(pos + "DELIMITER".length(), end).strip();
        int space = indexOfWhitespace(value);
        value = space < 0 ? value : value.substring(0, space);
        if (!value.isEmpty()) {
            delimiter = value;
        }
        blank(masked, pos, end);
        blank(sent, pos, end);
        pos = end;
    }

    private boolean atLineStart() {
        for (int i = pos - 1; i >= 0 && s.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithWord(String word) {
        return s.regionMatches(true, pos, word, 0, word.length())
                && (pos + word.length() == s.length() || Character.isWhitespace(s.charAt(pos + word.length())));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Spaces over [from, to), line breaks kept so that line numbers stay right. */
    private static void blank(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }
}
