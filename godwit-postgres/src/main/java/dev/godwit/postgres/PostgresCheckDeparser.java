package dev.godwit.postgres;

import dev.godwit.postgres.PostgresNodeTree.Node;
import dev.godwit.postgres.PostgresNodeTree.Unreadable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Prints a CHECK constraint from its stored expression tree ({@code pg_constraint.conbin}) exactly as
 * {@code pg_get_constraintdef} would, for the common shapes: comparisons, AND/OR/NOT, IS [NOT] NULL, IS [NOT]
 * TRUE/FALSE/UNKNOWN, {@code IN} lists, casts between built-in types and calls of plain pg_catalog functions, over
 * columns and integer, boolean and ASCII text constants. Anything else is {@link Unreadable}, and the server prints
 * it.
 *
 * <p>Why: to print a CHECK, PostgreSQL opens its table to name the columns (ruleutils' set_relation_column_names),
 * and a fresh backend builds a relation cache entry for each: about 60 us a table, most of the server time of
 * reading 5,000 tables. The column names are already here (columns.sql).
 *
 * <p>The output follows ruleutils.c (get_rule_expr without PRETTYFLAG_PAREN, as pg_get_constraintdef calls it):
 * every operator, boolean and test expression in parentheses, implicit casts shown where the server shows them,
 * an operator or function unqualified when it is pg_catalog's for exactly its operands' types (the inspector reads
 * with an empty search_path, so the server would find that very one by name), a name quoted as quote_ident does.
 * Constants are decoded from their datum bytes; the server's byte order is told from each datum (an int4's
 * sign-extended word, a text's 4-byte length header), and a datum that reads both ways differently is refused.
 * PostgresCheckDeparserTest holds the output to the server's on every shape.
 */
final class PostgresCheckDeparser {

    /**
     * A binary operator or a plain function of pg_catalog: its name and operand or argument types. A function is only
     * looked up when the server would name it unqualified (check_names.sql): no variadic or defaulted parameters, on
     * itself or on another function of that name, so the exact argument types find it alone.
     */
    record Routine(boolean operator, String name, List<Long> argTypes) {

        static Routine operator(String name, long left, long right) {
            return new Routine(true, name, List.of(left, right));
        }
    }

    private static final long BOOL = 16;
    private static final long INT8 = 20;
    private static final long INT2 = 21;
    private static final long INT4 = 23;
    private static final long TEXT = 25;
    private static final long VARCHAR = 1043;
    /** The default collation, which text and varchar constants carry unless a COLLATE says otherwise. */
    private static final long DEFAULT_COLLATION = 100;
    /** CoercionForm: COERCE_EXPLICIT_CALL (a function call as written), COERCE_EXPLICIT_CAST, COERCE_IMPLICIT_CAST. */
    private static final long CALL = 0;
    private static final long EXPLICIT_CAST = 1;
    private static final long IMPLICIT_CAST = 2;

    /** format_type_with_typemod(oid, -1) of the built-in types this printer names. */
    private static final Map<Long, String> TYPE_NAMES = Map.ofEntries(Map.entry(BOOL, "boolean"),
            Map.entry(INT8, "bigint"), Map.entry(INT2, "smallint"), Map.entry(INT4, "integer"),
            Map.entry(TEXT, "text"), Map.entry(VARCHAR, "character varying"), Map.entry(1700L, "numeric"),
            Map.entry(700L, "real"), Map.entry(701L, "double precision"), Map.entry(1000L, "boolean[]"),
            Map.entry(1016L, "bigint[]"), Map.entry(1005L, "smallint[]"), Map.entry(1007L, "integer[]"),
            Map.entry(1009L, "text[]"), Map.entry(1015L, "character varying[]"), Map.entry(1231L, "numeric[]"),
            Map.entry(1021L, "real[]"), Map.entry(1022L, "double precision[]"));
    /** The element type of each array type above. */
    private static final Map<Long, Long> ELEMENTS = Map.of(1000L, BOOL, 1016L, INT8, 1005L, INT2, 1007L, INT4,
            1009L, TEXT, 1015L, VARCHAR, 1231L, 1700L, 1021L, 700L, 1022L, 701L);
    /** Nodes whose text a cast adds to: inside AND/OR/NOT and boolean tests, the server's choice is not followed. */
    private static final Set<String> CASTS = Set.of("RELABELTYPE", "FUNCEXPR", "ARRAYCOERCEEXPR");

    /** The fields of the nodes above that this printer reads; parse() keeps only these. */
    private static final List<String> FIELDS = List.of("varno", "varattno", "vartype", "varlevelsup", "consttype",
            "consttypmod", "constcollid", "constisnull", "constvalue", "opno", "opresulttype", "args", "boolop", "arg",
            "argisrow", "nulltesttype", "booltesttype", "useOr", "elements", "multidims", "array_typeid",
            "relabelformat", "coerceformat", "resulttype", "resulttypmod", "funcid", "funcresulttype", "funcformat",
            "funcvariadic", "funcretset");

    private final IntFunction<String> columns;
    private final Map<Long, Routine> routines;
    private final StringBuilder out = new StringBuilder(64);

    private PostgresCheckDeparser(IntFunction<String> columns, Map<Long, Routine> routines) {
        this.columns = columns;
        this.routines = routines;
    }

    /**
     * {@code CHECK (...)} for this expression tree, without NO INHERIT or NOT VALID.
     *
     * @param columns the table's column names by attnum (null for an unknown one)
     * @param routines pg_catalog's operators and functions by oid, at least those the tree uses
     */
    static String check(Node tree, IntFunction<String> columns, Map<Long, Routine> routines) throws Unreadable {
        PostgresCheckDeparser printer = new PostgresCheckDeparser(columns, routines);
        printer.out.append("CHECK (");
        printer.expression(tree, false);
        return printer.out.append(')').toString();
    }

    /** A CHECK's stored tree ({@code conbin::text}) with the fields this printer reads. */
    static Node parse(String tree) throws Unreadable {
        return PostgresNodeTree.parse(tree, FIELDS);
    }

    /** The oids of the operators and called functions a tree uses, to look up before printing it. */
    static void collectRoutines(Object tree, Set<Long> into) throws Unreadable {
        if (tree instanceof Node node) {
            if (node.type().equals("OPEXPR") || node.type().equals("SCALARARRAYOPEXPR")) {
                into.add(node.number("opno"));
            } else if (node.type().equals("FUNCEXPR") && node.number("funcformat") == CALL) {
                into.add(node.number("funcid"));
            }
            for (Object field : node.values()) {
                collectRoutines(field, into);
            }
        } else if (tree instanceof List<?> items) {
            for (Object item : items) {
                collectRoutines(item, into);
            }
        }
    }

    private void expression(Node node, boolean showImplicit) throws Unreadable {
        switch (node.type()) {
            case "VAR" -> column(node);
            case "CONST" -> constant(node, 0);
            case "OPEXPR" -> operator(node);
            case "BOOLEXPR" -> bool(node);
            case "NULLTEST" -> nullTest(node);
            case "BOOLEANTEST" -> booleanTest(node);
            case "SCALARARRAYOPEXPR" -> anyOrAll(node);
            case "ARRAYEXPR" -> array(node);
            case "RELABELTYPE" -> cast(node, "relabelformat", showImplicit);
            case "ARRAYCOERCEEXPR" -> cast(node, "coerceformat", showImplicit);
            case "FUNCEXPR" -> function(node, showImplicit);
            default -> throw new Unreadable("no printer for " + node.type());
        }
    }

    private void column(Node var) throws Unreadable {
        long attnum = var.number("varattno");
        if (var.number("varlevelsup") != 0 || var.number("varno") != 1 || attnum <= 0) {
            throw new Unreadable("not a column of the table");
        }
        String name = columns.apply((int) attnum);
        String quoted = name == null ? null : PostgresNames.quoteAsServer(name);
        if (quoted == null) {
            throw new Unreadable("column " + attnum + " is unknown or a key word");
        }
        out.append(quoted);
    }

    /** get_oper_expr: a binary operator, its operands shown with their implicit casts. */
    private void operator(Node op) throws Unreadable {
        List<Node> args = op.nodes("args");
        if (args.size() != 2) {
            throw new Unreadable("not a binary operator");
        }
        out.append('(');
        expression(args.get(0), true);
        out.append(' ').append(operatorName(op.number("opno"), type(args.get(0)), type(args.get(1)))).append(' ');
        expression(args.get(1), true);
        out.append(')');
    }

    /** generate_operator_name, when the server would print the name alone. */
    private String operatorName(long opno, long left, long right) throws Unreadable {
        Routine operator = routines.get(opno);
        if (operator == null || !operator.operator() || !operator.argTypes().equals(List.of(left, right))) {
            throw new Unreadable("operator " + opno + " would be qualified");
        }
        return operator.name();
    }

    private void bool(Node expr) throws Unreadable {
        List<Node> args = expr.nodes("args");
        String op = expr.token("boolop");
        if (args.isEmpty() || (op.equals("not") && args.size() != 1)) {
            throw new Unreadable("a boolean expression without its arguments");
        }
        String separator = switch (op) {
            case "and" -> " AND ";
            case "or" -> " OR ";
            case "not" -> null;
            default -> throw new Unreadable("boolop " + op);
        };
        for (Node arg : args) {
            notCast(arg);
        }
        out.append(separator == null ? "(NOT " : "(");
        list(args, separator, false);
        out.append(')');
    }

    private void nullTest(Node test) throws Unreadable {
        Node arg = test.node("arg");
        if (test.flag("argisrow") || !TYPE_NAMES.containsKey(type(arg))) {
            throw new Unreadable("a null test of a row");
        }
        out.append('(');
        expression(arg, true);
        out.append(switch ((int) test.number("nulltesttype")) {
            case 0 -> " IS NULL";
            case 1 -> " IS NOT NULL";
            default -> throw new Unreadable("nulltesttype");
        }).append(')');
    }

    private void booleanTest(Node test) throws Unreadable {
        out.append('(');
        expression(notCast(test.node("arg")), false);
        out.append(switch ((int) test.number("booltesttype")) {
            case 0 -> " IS TRUE";
            case 1 -> " IS NOT TRUE";
            case 2 -> " IS FALSE";
            case 3 -> " IS NOT FALSE";
            case 4 -> " IS UNKNOWN";
            case 5 -> " IS NOT UNKNOWN";
            default -> throw new Unreadable("booltesttype");
        }).append(')');
    }

    /** {@code x = ANY (ARRAY[...])}, which is how the server keeps {@code x IN (...)}. */
    private void anyOrAll(Node op) throws Unreadable {
        List<Node> args = op.nodes("args");
        if (args.size() != 2) {
            throw new Unreadable("ANY/ALL without two arguments");
        }
        Long element = ELEMENTS.get(type(args.get(1)));
        if (element == null || args.get(1).type().equals("CONST")) {
            throw new Unreadable("ANY/ALL over an array this printer does not read");
        }
        out.append('(');
        expression(args.get(0), true);
        out.append(' ').append(operatorName(op.number("opno"), type(args.get(0)), element))
                .append(op.flag("useOr") ? " ANY (" : " ALL (");
        expression(args.get(1), true);
        out.append("))");
    }

    private void array(Node array) throws Unreadable {
        List<Node> elements = array.nodes("elements");
        if (elements.isEmpty() || array.flag("multidims")) {
            throw new Unreadable("an empty or nested ARRAY[]");
        }
        out.append("ARRAY[");
        list(elements, ", ", true);
        out.append(']');
    }

    /** Expressions one after the other, {@code separator} between them. */
    private void list(List<Node> nodes, String separator, boolean showImplicit) throws Unreadable {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            expression(nodes.get(i), showImplicit);
        }
    }

    /**
     * A cast by a function (int4 to numeric, say; one argument only), or a call of a pg_catalog function as written
     * ({@code length(name)}): get_func_expr, the arguments shown with their implicit casts.
     */
    private void function(Node call, boolean showImplicit) throws Unreadable {
        long format = call.number("funcformat");
        List<Node> args = call.nodes("args");
        if (format == IMPLICIT_CAST || format == EXPLICIT_CAST) {
            if (args.size() != 1) {
                throw new Unreadable("a cast with a type modifier");
            }
            coercion(args.get(0), call.number("funcresulttype"), -1, format, showImplicit);
            return;
        }
        if (format != CALL || call.flag("funcvariadic") || call.flag("funcretset")) {
            throw new Unreadable("a call in SQL syntax or of a variadic or set-returning function");
        }
        Routine function = routines.get(call.number("funcid"));
        List<Long> types = new ArrayList<>(args.size());
        for (Node arg : args) {
            types.add(type(arg));
        }
        String name = function == null ? null : PostgresNames.quoteAsServer(function.name());
        if (function == null || function.operator() || name == null || !function.argTypes().equals(types)) {
            throw new Unreadable("function " + call.number("funcid") + " would be qualified");
        }
        out.append(name).append('(');
        list(args, ", ", true);
        out.append(')');
    }

    /** A RelabelType or ArrayCoerceExpr: a cast that names its result type and type modifier. */
    private void cast(Node node, String formatField, boolean showImplicit) throws Unreadable {
        coercion(node.node("arg"), node.number("resulttype"), node.number("resulttypmod"), node.number(formatField),
                showImplicit);
    }

    /** get_coercion_expr; an implicit cast is left out where the server leaves it out. */
    private void coercion(Node arg, long type, long typmod, long format, boolean showImplicit) throws Unreadable {
        if (format == IMPLICIT_CAST && !showImplicit) {
            expression(arg, false);
            return;
        }
        if (typmod != -1) {
            throw new Unreadable("a cast with a type modifier");
        }
        if (arg.type().equals("CONST") && arg.number("consttype") == type && arg.number("consttypmod") == -1) {
            constant(arg, -1);
        } else {
            out.append('(');
            expression(arg, false);
            out.append(')');
        }
        out.append("::").append(typeName(type));
    }

    /** get_const_expr: showType -1 never labels the constant, 0 labels it unless it would read back as its type. */
    private void constant(Node constant, int showType) throws Unreadable {
        long type = constant.number("consttype");
        if (constant.number("consttypmod") != -1) {
            throw new Unreadable("a constant with a type modifier");
        }
        long collation = constant.number("constcollid");
        if (collation != 0 && !(collation == DEFAULT_COLLATION && (type == TEXT || type == VARCHAR))) {
            throw new Unreadable("a constant with a collation");
        }
        boolean label;
        if (constant.flag("constisnull")) {
            out.append("NULL");
            label = true;
        } else {
            PostgresDatum datum = constant.datum("constvalue");
            if (datum == null) {
                throw new Unreadable("a constant without a value");
            }
            if (type == INT4) {
                long value = datum.integer(4);
                label = value < 0;
                out.append(label ? "'" + value + "'" : Long.toString(value));
            } else if (type == BOOL) {
                out.append(datum.bool() ? "true" : "false");
                label = false;
            } else if (type == INT2) {
                out.append('\'').append(datum.integer(2)).append('\'');
                label = true;
            } else if (type == INT8) {
                out.append('\'').append(datum.bigint()).append('\'');
                label = true;
            } else if (type == TEXT || type == VARCHAR) {
                out.append(PostgresNames.literal(datum.asciiText()));
                label = true;
            } else {
                throw new Unreadable("a constant of type " + type);
            }
        }
        if (showType >= 0 && label) {
            out.append("::").append(typeName(type));
        }
    }

    /** exprType of the nodes this printer reads. */
    private static long type(Node node) throws Unreadable {
        return switch (node.type()) {
            case "VAR" -> node.number("vartype");
            case "CONST" -> node.number("consttype");
            case "OPEXPR" -> node.number("opresulttype");
            case "BOOLEXPR", "NULLTEST", "BOOLEANTEST", "SCALARARRAYOPEXPR" -> BOOL;
            case "ARRAYEXPR" -> node.number("array_typeid");
            case "RELABELTYPE", "ARRAYCOERCEEXPR" -> node.number("resulttype");
            case "FUNCEXPR" -> node.number("funcresulttype");
            default -> throw new Unreadable("no type for " + node.type());
        };
    }

    /** Refuses a cast where this printer does not follow whether the server would show it. */
    private static Node notCast(Node node) throws Unreadable {
        if (CASTS.contains(node.type()) && !(node.type().equals("FUNCEXPR") && node.number("funcformat") == CALL)) {
            throw new Unreadable("a cast where the server's showimplicit is not followed here");
        }
        return node;
    }

    private static String typeName(long type) throws Unreadable {
        String name = TYPE_NAMES.get(type);
        if (name == null) {
            throw new Unreadable("type " + type + " is not named here");
        }
        return name;
    }
}
