package dev.godwit.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The one statement splitter, driven by a dialect's {@link SplitterSyntax}. It scans the script once, character by
 * character, tracking quotes, comments, dollar-quoted bodies and {@code BEGIN ... END} blocks; a semicolon outside
 * all of them ends a statement. Instances are immutable and thread-safe.
 */
public final class ScriptSplitter implements StatementSplitter {

    /** How many leading words of a statement {@link SplitterSyntax#opensBlock()} gets to see. */
    private static final int LEADING_WORDS = 6;

    private final SplitterSyntax syntax;

    public ScriptSplitter(SplitterSyntax syntax) {
        this.syntax = syntax;
    }

    @Override
    public List<SqlStatement> split(String script) {
        return new Scan(script).run();
    }

    /** The state of one pass over one script. */
    private final class Scan {
        private final String s;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final StringBuilder essence = new StringBuilder();
        private int pos;
        private int line = 1;
        private int start = -1;
        private int startLine;
        private boolean block;
        private int depth;
        private boolean gap;

        Scan(String script) {
            this.s = script;
        }

        List<SqlStatement> run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    space();
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    space();
                    pos++;
                } else if (c == '-' && peek(1) == '-') {
                    skipLineComment();
                } else if (c == '/' && peek(1) == '*') {
                    skipBlockComment();
                } else if (c == ';' && depth == 0) {
                    finish(pos);
                    pos++;
                } else {
                    begin();
                    token(c);
                }
            }
            finish(s.length());
            return statements;
        }

        private void token(char c) {
            int from = pos;
            if (c == '\'') {
                quoted('\'', escapesAt(from), "string");
            } else if (c == '"') {
                quoted('"', false, "quoted identifier");
            } else if (c == '`' && syntax.backtickQuotes()) {
                quoted('`', false, "quoted identifier");
            } else if (c == '[' && syntax.bracketQuotes()) {
                bracket();
            } else if (c == '$' && syntax.dollarQuotes() && dollarTag() != null) {
                dollarQuoted();
            } else if (isWordStart(c)) {
                word();
            } else {
                pos++;
            }
            separate(s.charAt(from));
            essence.append(s, from, pos);
        }

        private boolean escapesAt(int quote) {
            return switch (syntax.backslashEscapes()) {
                case NEVER -> false;
                case ALWAYS -> true;
                case E_PREFIX -> quote > 0 && (s.charAt(quote - 1) == 'E' || s.charAt(quote - 1) == 'e')
                        && (quote < 2 || !isWordPart(s.charAt(quote - 2)));
            };
        }

        private void quoted(char quote, boolean backslash, String what) {
            int openLine = line;
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                }
                if (backslash && c == '\\') {
                    // The escaped character may be a line break, which still starts a new line.
                    if (peek(1) == '\n') {
                        line++;
                    }
                    pos += 2;
                    continue;
                }
                pos++;
                if (c == quote) {
                    if (peek(0) == quote) {
                        pos++;
                        continue;
                    }
                    return;
                }
            }
            throw new ScriptException("unterminated " + what + " (opening " + quote + ")", openLine);
        }

        private void bracket() {
            int close = s.indexOf(']', pos);
            if (close < 0) {
                throw new ScriptException("unterminated quoted identifier (opening [)", line);
            }
            countLines(pos, close + 1);
            pos = close + 1;
        }

        /** The tag of a dollar quote starting at {@code pos} ("$body$" or "$$"), or null when it is not one. */
        private String dollarTag() {
            if (pos > 0 && isWordPart(s.charAt(pos - 1))) {
                return null;
            }
            int i = pos + 1;
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
                return null;
            }
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return i < s.length() && s.charAt(i) == '$' ? s.substring(pos, i + 1) : null;
        }

        private void dollarQuoted() {
            String tag = dollarTag();
            int close = s.indexOf(tag, pos + tag.length());
            if (close < 0) {
                throw new ScriptException("unterminated dollar-quoted string " + tag, line);
            }
            countLines(pos, close + tag.length());
            pos = close + tag.length();
        }

        private void word() {
            int from = pos;
            while (pos < s.length() && isWordPart(s.charAt(pos))) {
                pos++;
            }
            String w = s.substring(from, pos).toUpperCase(java.util.Locale.ROOT);
            if (words.size() < LEADING_WORDS) {
                words.add(w);
                if (!block && syntax.opensBlock().test(words)) {
                    block = true;
                }
            }
            if (!block) {
                return;
            }
            switch (w) {
                case "BEGIN" -> depth++;
                case "CASE" -> depth += depth > 0 ? 1 : 0;
                case "END" -> depth -= depth > 0 ? 1 : 0;
                default -> { }
            }
        }

        private void skipLineComment() {
            int end = s.indexOf('\n', pos);
            pos = end < 0 ? s.length() : end;
            space();
        }

        private void skipBlockComment() {
            int openLine = line;
            int nesting = 0;
            while (pos < s.length()) {
                if (s.startsWith("/*", pos)) {
                    nesting = syntax.nestedBlockComments() ? nesting + 1 : 1;
                    pos += 2;
                } else if (s.startsWith("*/", pos)) {
                    nesting--;
                    pos += 2;
                    if (nesting == 0) {
                        space();
                        return;
                    }
                } else {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            }
            throw new ScriptException("unterminated block comment (opening /*)", openLine);
        }

        private void begin() {
            if (start < 0) {
                start = pos;
                startLine = line;
            }
        }

        /** Whitespace or a comment: the essence gets one space there, if the tokens around it need one. */
        private void space() {
            gap = true;
        }

        /**
         * Writes the pending space before a token. Next to a parenthesis, comma or semicolon no space is needed, so
         * {@code a(id int)} and {@code a (\n  id int\n)} have the same essence.
         */
        private void separate(char next) {
            if (gap && !essence.isEmpty() && !isPunctuation(essence.charAt(essence.length() - 1))
                    && !isPunctuation(next)) {
                essence.append(' ');
            }
            gap = false;
        }

        private void finish(int end) {
            if (start >= 0) {
                statements.add(new SqlStatement(s.substring(start, end).strip(), startLine, essence.toString().strip()));
            }
            start = -1;
            essence.setLength(0);
            words.clear();
            gap = false;
            block = false;
            depth = 0;
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private char peek(int ahead) {
            int i = pos + ahead;
            return i < s.length() ? s.charAt(i) : '\0';
        }
    }

    private static boolean isPunctuation(char c) {
        return c == '(' || c == ')' || c == ',' || c == ';';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
