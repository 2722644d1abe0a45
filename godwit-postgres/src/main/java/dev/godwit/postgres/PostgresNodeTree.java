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
        Datum datum(String field) throws Unreadable {
            Object value = get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Datum d) {
                return d;
            }
            throw new Unreadable(type + " :" + field + " is not a datum");
        }
    }

    /** A datum as outDatum printed it: its length and its bytes (for a by-value type, the whole Datum word). */
    record Datum(int length, byte[] bytes) {
    }

    /** The text is not a node tree this reader understands. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private PostgresNodeTree(String text) {
        this.text = text;
    }

    /** The node {@code text} holds. */
    static Node parse(String text) throws Unreadable {
        PostgresNodeTree reader = new PostgresNodeTree(text);
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

    /** The name of the node's next field without its colon, or null at the node's closing brace. */
    private String fieldName(String type) throws Unreadable {
        int n = text.length();
        while (pos < n && isSpace(text.charAt(pos))) {
            pos++;
        }
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
        return text.substring(start, pos);
    }

    /** {@code length [ b1 b2 ... ]}: the bytes are printed as signed chars. */
    private Datum datum(String length) throws Unreadable {
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
        return new Datum(declared, Arrays.copyOf(bytes, count));
    }

    /** The next token, or null at the end. */
    private String next() {
        int n = text.length();
        while (pos < n && isSpace(text.charAt(pos))) {
            pos++;
        }
        if (pos == n) {
            return null;
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                return "(";
            }
            case ')' -> {
                pos++;
                return ")";
            }
            case '{' -> {
                pos++;
                return "{";
            }
            case '}' -> {
                pos++;
                return "}";
            }
            default -> {
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
        }
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

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }
}
