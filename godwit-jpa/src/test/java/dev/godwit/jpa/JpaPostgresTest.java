package dev.godwit.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Equivalence;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.plan.CreateScript;
import dev.godwit.postgres.PostgresDialect;
import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.jpa.model.Author;
import dev.godwit.jpa.model.Book;
import dev.godwit.jpa.model.Profile;
import dev.godwit.jpa.model.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The sample model on PostgreSQL: Godwit's catalog, created and reflected back, is what it was; and it is the schema
 * Hibernate 6's own schema generation makes for the same classes.
 */
class JpaPostgresTest {

    private static final PostgresDialect DIALECT = new PostgresDialect();
    /** Hibernate logs its start-up through java.util.logging; held here so the level is not lost to the GC. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    private static Catalog created(PostgresTestDatabase db, Catalog catalog) throws SQLException {
        db.execute(CreateScript.of(catalog, DIALECT.ddlWriter()).toArray(String[]::new));
        return reflect(db);
    }

    private static Catalog reflect(PostgresTestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return DIALECT.inspector().inspect(c, InspectOptions.defaults());
        }
    }

    @Test
    void createdCatalogReflectsBackWithoutADifference() throws SQLException {
        Catalog catalog = JpaCatalogBuilderTest.read("postgres", "dev.godwit.jpa.model");
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            Catalog reflected = created(db, catalog);
            assertEquals(List.of(), Equivalence.differences(reflected, catalog));
            // What generate would write: nothing. The differ compares names and spellings exactly.
            assertEquals(List.of(), new SchemaDiffer(DIALECT.changeWriter().hooks()).diff(reflected, catalog)
                    .changes());
        }
    }

    @Test
    void catalogIsTheSchemaHibernateGeneratesForTheSameModel() throws SQLException {
        Catalog catalog = JpaCatalogBuilderTest.read("postgres", "dev.godwit.jpa.model");
        try (PostgresTestDatabase ours = PostgresTestDatabase.create();
             PostgresTestDatabase hibernate = PostgresTestDatabase.create()) {
            Catalog godwit = created(ours, catalog);
            hibernateCreates(hibernate.url());
            Catalog theirs = enumChecksReprinted(namesHibernateHashed(reflect(hibernate)));
            assertEquals(List.of(), Equivalence.differences(godwit, theirs));
        }
    }

    /** Hibernate's schema generation ({@code hbm2ddl}: the JPA create action) over the sample entities. */
    private static void hibernateCreates(String url) {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.SEVERE);
        Configuration cfg = new Configuration();
        for (Class<?> c : List.of(Author.class, Book.class, Tag.class, Profile.class)) {
            cfg.addAnnotatedClass(c);
        }
        Properties p = new Properties();
        p.put("hibernate.connection.url", url);
        p.put("jakarta.persistence.schema-generation.database.action", "create");
        p.put("hibernate.connection.pool_size", "1");
        cfg.addProperties(p);
        try (SessionFactory ignored = cfg.buildSessionFactory()) {
            // Building the factory runs the create action; nothing else is needed.
        }
    }

    /**
     * Hibernate names the constraints it declares with a hash of their columns ({@code fk6a9xlb...},
     * {@code ukh1q...}); Godwit uses the names PostgreSQL itself would generate ({@code books_author_id_fkey}), which
     * are readable and stable. The names carry no meaning, so Hibernate's hashed ones are cleared (Equivalence then
     * compares those constraints by content); a name the model gives explicitly is kept on both sides.
     */
    private static Catalog namesHibernateHashed(Catalog c) {
        List<Schema> schemas = c.schemas().stream().map(s -> new Schema(s.name(), s.tables().stream()
                .map(JpaPostgresTest::clearHashed).toList(), s.views(), s.sequences(), s.enums(), s.domains(),
                s.routines(), s.comment(), s.compositeTypes())).toList();
        return new Catalog(c.dialect(), schemas, c.extensions());
    }

    /**
     * Hibernate writes an enum's CHECK as {@code status in ('A','B')}, which PostgreSQL prints as
     * {@code = ANY ((ARRAY['A'::character varying, ...])::text[])}; that printed text, created again, is printed as
     * {@code = ANY (ARRAY[('A'::character varying)::text, ...])}, the fixed point Godwit's model holds (so a reflected
     * database and the model never differ). Same labels, same meaning: Hibernate's spelling is rewritten to it.
     */
    private static Catalog enumChecksReprinted(Catalog c) {
        List<Schema> schemas = c.schemas().stream().map(s -> new Schema(s.name(), s.tables().stream()
                .map(t -> new Table(t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(), t.indexes(),
                        t.foreignKeys(), t.checks().stream().map(k -> new Check(k.name(), reprinted(k.expression())))
                        .toList(), t.triggers(), t.partitionBy(), t.partitionOf(), t.unlogged(), t.comment(),
                        t.attributes())).toList(), s.views(), s.sequences(), s.enums(), s.domains(),
                s.routines(), s.comment(), s.compositeTypes())).toList();
        return new Catalog(c.dialect(), schemas, c.extensions());
    }

    private static String reprinted(String expression) {
        Matcher m = Pattern.compile("\\(ARRAY\\[(.*?)\\]\\)::text\\[\\]").matcher(expression);
        if (!m.find()) {
            return expression;
        }
        String labels = Pattern.compile("('(?:[^']|'')*'::character varying)").matcher(m.group(1))
                .replaceAll("($1)::text");
        return expression.substring(0, m.start()) + "ARRAY[" + labels + "]" + expression.substring(m.end());
    }

    private static Table clearHashed(Table t) {
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> fk.name().matches("fk[a-z0-9]{20,}")
                ? new ForeignKey("", fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onUpdate(),
                fk.onDelete(), fk.match(), fk.deferrable()) : fk).toList();
        List<UniqueConstraint> uniques = t.uniqueConstraints().stream().map(u -> u.name().matches("uk[a-z0-9]{20,}")
                ? new UniqueConstraint("", u.columns(), u.deferrable()) : u).toList();
        return new Table(t.name(), t.columns(), t.primaryKey(), uniques, t.indexes(), fks, t.checks(), t.triggers(),
                t.partitionBy(), t.partitionOf(), t.unlogged(), t.comment(), t.attributes());
    }
}
