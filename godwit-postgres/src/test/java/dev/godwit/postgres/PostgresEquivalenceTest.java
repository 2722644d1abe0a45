package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.Equivalence;
import dev.godwit.testkit.PostgresTestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models read from databases built by different DDL compare equal exactly when the schemas mean the same. */
class PostgresEquivalenceTest {

    private static final String WRITTEN_ONE_WAY = """
            CREATE TABLE accounts (id int4 PRIMARY KEY, name varchar(40) NOT NULL DEFAULT ('none'),
                                   balance numeric(10, 2) DEFAULT (0), age int2 CHECK (age >= 0));
            CREATE TABLE posts (id serial PRIMARY KEY, account_id integer REFERENCES accounts);
            """;
    private static final String WRITTEN_ANOTHER_WAY = """
            CREATE TABLE accounts (
                age smallint,
                balance decimal(10,2) default 0,
                name character varying(40) not null default 'none',
                id integer not null,
                CONSTRAINT accounts_pkey PRIMARY KEY (id),
                CONSTRAINT accounts_age_check CHECK (age >= 0));
            CREATE SEQUENCE posts_id_seq AS integer;
            CREATE TABLE posts (id integer NOT NULL DEFAULT nextval('posts_id_seq'::regclass),
                                account_id int4, CONSTRAINT posts_pkey PRIMARY KEY (id));
            ALTER SEQUENCE posts_id_seq OWNED BY posts.id;
            ALTER TABLE posts ADD CONSTRAINT posts_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
            """;

    private static Catalog read(String ddl) throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            db.execute(ddl);
            try (Connection c = db.connect()) {
                return new PostgresInspector().inspect(c, InspectOptions.defaults());
            }
        }
    }

    @Test
    void aliasesDefaultsColumnOrderAndGeneratedNamesDoNotMatter() throws Exception {
        Catalog a = read(WRITTEN_ONE_WAY);
        Catalog b = read(WRITTEN_ANOTHER_WAY);
        assertEquals(List.of(), Equivalence.differences(a, b));
        assertTrue(Equivalence.equivalent(a, b));
    }

    @Test
    void aDifferentTypeNullabilityDefaultOrForeignKeyActionIsADifference() throws Exception {
        Catalog a = read(WRITTEN_ONE_WAY);
        Catalog b = read(WRITTEN_ONE_WAY.replace("varchar(40) NOT NULL DEFAULT ('none')", "varchar(41) NOT NULL "
                + "DEFAULT ('none')").replace("age int2", "age int4").replace("numeric(10, 2) DEFAULT (0)",
                "numeric(10, 2) NOT NULL DEFAULT (1)").replace("REFERENCES accounts", "REFERENCES accounts ON DELETE "
                + "CASCADE"));
        List<String> differences = Equivalence.differences(a, b);
        assertEquals(4, differences.size(), String.join("\n", differences));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("table public.accounts column name")),
                String.join("\n", differences));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("table public.posts: foreign keys differs")),
                String.join("\n", differences));
    }
}
