package dev.godwit.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.source.SourceProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample model in dev.godwit.jpa.model read into catalogs, without a database. */
class JpaCatalogBuilderTest {

    static Catalog read(String dialect, String argument) {
        return new JpaSourceProvider().read(new SourceProvider.Request(argument, List.of(), dialect,
                Optional.empty()));
    }

    private static Table table(Catalog c, String name) {
        return c.table(QualifiedName.unqualified(name)).orElseThrow(() -> new AssertionError("no table " + name
                + " in " + c.schemas().get(0).tables().stream().map(Table::name).toList()));
    }

    @Test
    void entitiesBecomeTablesNamedAsJpaDefaultsFoldedToLowerCaseOnPostgres() {
        Catalog c = read("postgres", "dev.godwit.jpa.model");
        assertEquals(List.of("author", "book_tag", "books", "books_author", "profile", "tag"),
                c.schema("public").orElseThrow().tables().stream().map(t -> t.name().name()).toList());
    }

    @Test
    void embeddedColumnsAreInlinedWithTheirOwnNamesOrTheOverrides() {
        Table author = table(read("postgres", "dev.godwit.jpa.model"), "author");
        for (String column : List.of("street", "city", "zip_code", "work_street", "work_city", "work_zip",
                "created", "updated")) {
            assertTrue(author.column(column).isPresent(), column);
        }
        assertFalse(author.column("city").orElseThrow().nullable());
        assertTrue(author.column("display").isEmpty());
        assertTrue(author.column("cache").isEmpty());
        assertTrue(author.column("books").isEmpty());
    }

    @Test
    void typesAreSpelledAsPostgresPrintsThem() {
        Table author = table(read("postgres", "dev.godwit.jpa.model"), "author");
        assertEquals("character varying(100)", author.column("name").orElseThrow().type().raw());
        assertEquals("timestamp(6) without time zone", author.column("created").orElseThrow().type().raw());
        assertEquals("timestamp(6) with time zone", author.column("updated").orElseThrow().type().raw());
        assertEquals("numeric(38,2)", author.column("fee").orElseThrow().type().raw());
        assertEquals("uuid", author.column("externalid").orElseThrow().type().raw());
        Column rating = author.column("rating").orElseThrow();
        assertEquals("integer", rating.type().raw());
        assertFalse(rating.nullable(), "a primitive is NOT NULL");
        assertTrue(author.column("id").orElseThrow().identity().isPresent());
    }

    @Test
    void relationshipsBecomeForeignKeysAndJoinTables() {
        Catalog c = read("postgres", "dev.godwit.jpa.model");
        Table books = table(c, "books");
        assertFalse(books.column("author_id").orElseThrow().nullable());
        assertTrue(books.column("sequelof_id").orElseThrow().nullable());
        assertEquals(List.of("books_author_id_fkey", "books_sequelof_id_fkey"), books.foreignKeys().stream()
                .map(fk -> fk.name()).toList());
        Table bookTag = table(c, "book_tag");
        assertEquals(List.of("book_id", "tag_id"), bookTag.primaryKey().orElseThrow().columns());
        assertEquals(2, bookTag.foreignKeys().size());
        Table reviewers = table(c, "books_author");
        assertEquals(List.of("book_id", "reviewers_id"), reviewers.primaryKey().orElseThrow().columns());
        Table profile = table(c, "profile");
        assertEquals(List.of("author_id"), profile.uniqueConstraints().get(0).columns());
    }

    @Test
    void sequenceGeneratedIdsGetHibernatesDefaultSequence() {
        Catalog c = read("postgres", "dev.godwit.jpa.model");
        assertEquals(List.of("books_seq", "tag_seq"), c.schema("public").orElseThrow().sequences().stream()
                .map(s -> s.name().name()).toList());
        assertEquals(50, c.schema("public").orElseThrow().sequences().get(0).increment());
    }

    @Test
    void sqliteKeepsNamesAndUsesRowidAliasesForGeneratedIds() {
        Catalog c = read("sqlite", "dev.godwit.jpa.model");
        Table book = table(c, "books");
        assertEquals("integer", book.column("id").orElseThrow().type().name());
        assertTrue(book.column("sequelOf_id").isPresent());
        assertTrue(c.schema("main").orElseThrow().sequences().isEmpty());
    }

    @Test
    void snakeCaseNamingAndNativeEnumsAreOptions() {
        Catalog c = read("postgres", "dev.godwit.jpa.model?naming=snake&enums=native");
        Table author = table(c, "author");
        assertTrue(author.column("external_id").isPresent());
        assertEquals("public.status", author.column("status").orElseThrow().type().name());
        assertEquals(List.of("ACTIVE", "RETIRED", "BANNED"), c.schema("public").orElseThrow().enums().get(0)
                .labels());
    }

    @Test
    void aPackageWithoutEntitiesIsAnErrorThatNamesIt() {
        GodwitException e = assertThrows(GodwitException.class, () -> read("postgres", "dev.godwit.nothing"));
        assertTrue(e.getMessage().contains("dev.godwit.nothing"), e.getMessage());
    }
}
