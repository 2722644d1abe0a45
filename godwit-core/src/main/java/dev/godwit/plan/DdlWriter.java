package dev.godwit.plan;

import dev.godwit.model.CompositeType;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.Extension;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.View;
import java.util.List;

/**
 * Writes one dialect's DDL for model objects. Every identifier is quoted by the writer as the database needs; no
 * method concatenates unquoted names. Methods return complete statements without the terminating semicolon; a
 * dialect returns an empty list for what it does not have (SQLite has no sequences, enums or domains).
 */
public interface DdlWriter {

    /** Statements a script starts with (PostgreSQL: {@code SET check_function_bodies = false}). */
    List<String> preamble();

    List<String> createSchema(Schema schema);

    List<String> createExtension(Extension extension);

    List<String> createEnum(EnumType type);

    List<String> createDomain(Domain domain);

    /** A composite type; none for dialects without them. */
    default List<String> createCompositeType(CompositeType type) {
        return List.of();
    }

    List<String> createSequence(Sequence sequence);

    /**
     * The CREATE TABLE with its columns, primary key, unique and check constraints, and, for dialects that cannot
     * add them later (SQLite), its foreign keys.
     */
    List<String> createTable(Table table);

    /** A foreign key added after every table exists; empty for dialects that declare them in the table. */
    List<String> addForeignKey(Table table, ForeignKey foreignKey);

    List<String> createIndex(Table table, Index index);

    List<String> createRoutine(Routine routine);

    List<String> createView(View view);

    List<String> createTrigger(Table table, Trigger trigger);

    /** What must follow every table: sequence ownership ({@code OWNED BY}). */
    List<String> afterTables(Sequence sequence);

    /** COMMENT ON statements for the table and its columns. */
    List<String> comments(Table table);
}
