package dev.godwit.postgres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the text form of a {@code pg_node_tree} (what {@code conbin::text} returns: PostgreSQL's {@code nodeToString}
 * output) into {@link Node}s, so that simple CHECK expressions can be printed here instead of by
 * {@code pg_get_constraintdef} (see {@link PostgresCheckDeparser} for why).
 *
 * <p>The grammar is that of PostgreSQL's {@code pg_strtok}: tokens are separated by white space, and {@code ( ) { }}
 * are tokens of their own; a backslash makes the next character part of the token. A node is
 * {@code {NAME :field value ...}}, a list {@code ( ... )}, {@code <>} stands for a null pointer or empty string,
 * and a {@code Const}'s value is its datum as bytes: {@code length [ b1 b2 ... ]}. Anything else makes the reader
 * throw {@link Unreadable}, and the caller asks PostgreSQL instead.
 */
final class PostgresNodeTree {

    /**
     * A node: its type ({@code OPEXPR}, {@code VAR}, ...) and its fields (names without the colon), in the order
     * PostgreSQL wrote them. A node has a dozen fields at most, so they are looked up by a scan of two arrays,
     * which costs less than hashing every field name of thousands of trees.
     */
    record Node(String type, String[] names, Object[] values) {

        /** A field's value (a token, a node, a list, a datum, or null for {@code <>}). */
        Object get(String field) throws Unreadable {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(field)) {
                    return values[i];
                }
            }
            throw new Unreadable(type + " has no :" + field);
        }

        /** A field's token; {@link Unreadable} when it is missing or not a token. */
        String token(String field) throws Unreadable {
            if (get(field) instanceof String s) {
                return s;
            }
            throw new Unreadable(type + " :" + field + " is not a token");
        }

        long number(String field) throws Unreadable {
            try {
                return Long.parseLong(token(field));
            } catch (NumberFormatException e) {
                throw new Unreadable(type + " :" + field + " is not a number");
            }
        }

        boolean flag(String field) throws Unreadable {
            return switch (token(field)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new Unreadable(type + " :" + field + " is not a boolean");
            };
        }

        Node node(String field) throws Unreadable {
            if (get(field) instanceof Node n) {
                return n;
            }
            throw new Unreadable(type + " :" + field + " is not a node");
        }

        /** A field holding a list of nodes. */
        List<Node> nodes(String field) throws Unreadable {
            if (!(get(field) instanceof List<?> items)) {
                throw new Unreadable(type + " :" + field + " is not a list");
            }
            List<Node> nodes = new ArrayList<>(items.size());
            for (Object item : items) {
                if (!(item instanceof Node n)) {
                    throw new Unreadable(type + " :" + field + " holds a non-node");
                }
                nodes.add(n);
            }
            return nodes;
        }

        /** A Const's datum bytes; null for a null datum. */
        PostgresDatum datum(String field) throws Unreadable {
            Object value = get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof PostgresDatum d) {
                return d;
            }
            throw new Unreadable(type + " :" + field + " is not a datum");
        }
    }

    /** The text is not a node tree this reader understands. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    /** The fields kept; null for all. */
    private final List<String> kept;
    private int pos;

    private PostgresNodeTree(String text, List<String> kept) {
        this.text = text;
        this.kept = kept;
    }

    /** The node {@code text} holds, with all its fields. */
    static Node parse(String text) throws Unreadable {
        return parse(text, null);
    }

    /**
     * The node {@code text} holds, keeping only the fields named in {@code kept} (on every node): the others (the
     * parse locations, the collations, the function behind each operator, ...) are stepped over without being
     * copied, which halves what reading thousands of trees allocates.
     */
    static Node parse(String text, List<String> kept) throws Unreadable {
        PostgresNodeTree reader = new PostgresNodeTree(text, kept);
        Object value = reader.value(reader.next());
        if (!(value instanceof Node node) || reader.next() != null) {
            throw new Unreadable("not a single node");
        }
        return node;
    }

    private Object value(String token) throws Unreadable {
        if (token == null) {
            throw new Unreadable("ends early");
        }
        return switch (token) {
            case "{" -> node();
            case "(" -> list();
            case "<>" -> null;
            case ")", "}" -> throw new Unreadable("unbalanced " + token);
            default -> token;
        };
    }

    private Node node() throws Unreadable {
        String type = next();
        if (type == null || type.length() < 2 || !Character.isLetter(type.charAt(0))) {
            throw new Unreadable("a node without a type");
        }
        List<String> names = new ArrayList<>(12);
        List<Object> values = new ArrayList<>(12);
        for (String field = fieldName(type); field != null; field = fieldName(type)) {
            if (field == SKIPPED) {
                skipValue();
                continue;
            }
            String first = next();
            names.add(field);
            values.add(field.equals("constvalue") && !"<>".equals(first) ? datum(first) : value(first));
        }
        return new Node(type, names.toArray(new String[0]), values.toArray());
    }

    private List<Object> list() throws Unreadable {
        List<Object> items = new ArrayList<>();
        for (String token = next(); !")".equals(token); token = next()) {
            items.add(value(token));
        }
        return items;
    }

    /** Returned by {@link #fieldName} for a field that is not kept. */
    private static final String SKIPPED = new String("(skipped)");

    /**
     * The name of the node's next field without its colon ({@link #SKIPPED} when it is not kept), or null at the
     * node's closing brace.
     */
    private String fieldName(String type) throws Unreadable {
        int n = text.length();
        skipSpaces();
        if (pos < n && text.charAt(pos) == '}') {
            pos++;
            return null;
        }
        if (pos == n || text.charAt(pos) != ':') {
            throw new Unreadable(type + " has a value without a field name");
        }
        int start = ++pos;
        while (pos < n && !isDelimiter(text.charAt(pos)) && text.charAt(pos) != '\\') {
            pos++;
        }
        if (pos == start || (pos < n && text.charAt(pos) == '\\')) {
            throw new Unreadable(type + " has a field name this reader does not read");
        }
        if (kept == null) {
            return text.substring(start, pos);
        }
        int length = pos - start;
        for (String name : kept) {
            if (name.length() == length && text.startsWith(name, start)) {
                return name;
            }
        }
        return SKIPPED;
    }

    /** A field that is not kept: a token passed over, or a node or list read and dropped. */
    private void skipValue() throws Unreadable {
        int n = text.length();
        skipSpaces();
        if (pos == n) {
            throw new Unreadable("ends early");
        }
        char c = text.charAt(pos);
        if (c == '{' || c == '(') {
            value(next());
            return;
        }
        if (c == ')' || c == '}') {
            throw new Unreadable("a field without a value");
        }
        while (pos < n && !isDelimiter(text.charAt(pos))) {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos = Math.min(pos, n);
        // A datum's bytes follow its length: "4 [ 0 0 0 0 0 0 0 0 ]".
        int after = pos;
        while (after < n && isSpace(text.charAt(after))) {
            after++;
        }
        if (after < n && text.charAt(after) == '[') {
            int close = text.indexOf(']', after);
            if (close < 0) {
                throw new Unreadable("a datum that does not end");
            }
            pos = close + 1;
        }
    }

    /** {@code length [ b1 b2 ... ]}: the bytes are printed as signed chars. */
    private PostgresDatum datum(String length) throws Unreadable {
        int declared;
        try {
            declared = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            throw new Unreadable("a datum without a length");
        }
        if (!"[".equals(next())) {
            throw new Unreadable("a datum without bytes");
        }
        byte[] bytes = new byte[16];
        int count = 0;
        for (String token = next(); !"]".equals(token); token = next()) {
            if (token == null) {
                throw new Unreadable("a datum that does not end");
            }
            int b;
            try {
                b = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new Unreadable("a datum byte that is not a number");
            }
            if (b < -128 || b > 255) {
                throw new Unreadable("a datum byte out of range");
            }
            if (count == bytes.length) {
                bytes = Arrays.copyOf(bytes, count * 2);
            }
            bytes[count++] = (byte) b;
        }
        return new PostgresDatum(declared, Arrays.copyOf(bytes, count));
    }

    /** The next token, or null at the end. */
    private String next() {
        int n = text.length();
        skipSpaces();
        if (pos == n) {
            return null;
        }
        char c = text.charAt(pos);
        String punctuation = switch (c) {
            case '(' -> "(";
            case ')' -> ")";
            case '{' -> "{";
            case '}' -> "}";
            default -> null;
        };
        if (punctuation != null) {
            pos++;
            return punctuation;
        }
        int start = pos;
        boolean escaped = false;
        while (pos < n && !isDelimiter(c = text.charAt(pos))) {
            if (c == '\\') {
                escaped = true;
                pos++;
            }
            pos++;
        }
        pos = Math.min(pos, n);
        // Tokens are mostly numbers and field names: taken as they are unless a backslash escapes a character.
        return escaped ? unescape(start, pos) : text.substring(start, pos);
    }

    private String unescape(int start, int end) {
        StringBuilder token = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                c = text.charAt(++i);
            }
            token.append(c);
        }
        return token.toString();
    }

    private static boolean isDelimiter(char c) {
        return isSpace(c) || c == '(' || c == ')' || c == '{' || c == '}';
    }

    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }
}
