package dev.godwit.postgres;

import dev.godwit.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loading and emptying for the tests that run the corpus's PostgreSQL cases. */
final class PostgresCases {

    private static final Pattern OWNER_TO = Pattern.compile("(?is)\\s*ALTER\\s+[^;]*\\sOWNER\\s+TO\\s+[^\\s;]+\\s*;?\\s*");
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    private PostgresCases() {
    }

    /** A {@code COPY ... FROM stdin;} statement of a dump, its data lines and the closing {@code \.} line. */
    private static final Pattern COPY_BLOCK = Pattern.compile(
            "(?im)^(COPY\\s[^;]*FROM\\s+stdin[^;]*);\\s*\\n(.*?)^\\\\\\.\\s*$",
            Pattern.DOTALL | Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    /**
     * Runs a case file statement by statement, as {@link #execute} does, and the data blocks of pg_dump's
     * {@code COPY ... FROM stdin} through the driver's copy API, as psql would.
     */
    static void load(Connection c, String sql) throws SQLException {
        Matcher copy = COPY_BLOCK.matcher(sql);
        int at = 0;
        try (Statement s = c.createStatement()) {
            while (copy.find()) {
                run(s, sql.substring(at, copy.start()));
                try {
                    new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                            .copyIn(copy.group(1), new java.io.StringReader(copy.group(2)));
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
                at = copy.end();
            }
            run(s, sql.substring(at));
        }
    }

    private static void run(Statement s, String sql) throws SQLException {
        for (SqlStatement statement : new PostgresStatementSplitter().split(sql)) {
            execute(s, statement.sql());
        }
    }

    /**
     * Runs one statement of a case as its author's database would have: the roles it names exist (apgdiff's dumps
     * say OWNER TO fordfrog), and {@code CREATE [PROCEDURAL] LANGUAGE plpgsql} from an old dump is a no-op where it
     * is built in, as is pg_dump's {@code CREATE SCHEMA public} where it exists. Anything else that fails is thrown.
     * {@code ALTER ... OWNER TO} is left out: the objects belong to the user who applies the plans, as they do where
     * migrations run as the schema's owner. Godwit does not model owners, and PostgreSQL refuses a plan's {@code
     * ALTER SEQUENCE ... OWNED BY} when the table belongs to another role than the new sequence.
     */
    static void execute(Statement s, String sql) throws SQLException {
        if (OWNER_TO.matcher(sql).matches()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                Matcher role = MISSING_ROLE.matcher(String.valueOf(e.getMessage()));
                if (role.find() && attempt < 5) {
                    s.execute("DO $$ BEGIN CREATE ROLE " + role.group(1) + "; EXCEPTION WHEN duplicate_object THEN "
                            + "NULL; END $$");
                } else if ("42P06".equals(e.getSQLState()) && sql.strip().matches("(?is)CREATE\\s+SCHEMA\\s+public")) {
                    return;
                } else if ("42710".equals(e.getSQLState()) && sql.strip().matches(
                        "(?is)CREATE\\s+(EXTENSION|(OR\\s+REPLACE\\s+)?(TRUSTED\\s+)?(PROCEDURAL\\s+)?LANGUAGE).*")) {
                    return;
                } else {
                    throw e;
                }
            }
        }
    }

    /** Drops every user schema and extension (and with them whatever a case created); gives back an empty public. */
    static void empty(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname "
                    + "NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I "
                    + "CASCADE', s); END LOOP; END $$");
            s.execute("DO $$ DECLARE e text; BEGIN FOR e IN SELECT extname FROM pg_extension WHERE extname "
                    + "<> 'plpgsql' LOOP EXECUTE format('DROP EXTENSION %I CASCADE', e); END LOOP; END $$");
            s.execute("CREATE SCHEMA public");
            s.execute("SET search_path TO public");
        }
    }
}
