package dev.godwit.diff;

import dev.godwit.model.Column;
import dev.godwit.model.CompositeType;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.Extension;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.model.Check;
import java.util.Optional;

/**
 * One difference between two catalogs, as the differ finds it. Every change carries the whole objects on both sides
 * it concerns, so a dialect can write the statement and its reverse without looking anything up, and every change has
 * an {@link #inverse()} that undoes it. A change that touches a table carries the table as it is on the side the
 * change reads: the "to" table for additions, the "from" table for removals.
 */
public sealed interface Change {

    /** One line for people: {@code add column public.users.email}. */
    String describe();

    /** The change that undoes this one. */
    Change inverse();

    /** The table (or view, for a materialized view's index) the change is about, when it is about one. */
    default Optional<QualifiedName> subject() {
        return Optional.empty();
    }

    record CreateSchema(String name) implements Change {
        public String describe() { return "create schema " + name; }
        public Change inverse() { return new DropSchema(name); }
    }

    record DropSchema(String name) implements Change {
        public String describe() { return "drop schema " + name; }
        public Change inverse() { return new CreateSchema(name); }
    }

    record SetSchemaComment(String name, Optional<String> from, Optional<String> to) implements Change {
        public String describe() { return "comment on schema " + name; }
        public Change inverse() { return new SetSchemaComment(name, to, from); }
    }

    record CreateExtension(Extension extension) implements Change {
        public String describe() { return "create extension " + extension.name(); }
        public Change inverse() { return new DropExtension(extension); }
    }

    record DropExtension(Extension extension) implements Change {
        public String describe() { return "drop extension " + extension.name(); }
        public Change inverse() { return new CreateExtension(extension); }
    }

    record AlterExtension(Extension from, Extension to) implements Change {
        public String describe() { return "update extension " + to.name() + " to " + to.version(); }
        public Change inverse() { return new AlterExtension(to, from); }
    }

    record CreateEnum(EnumType type) implements Change {
        public String describe() { return "create enum " + type.name(); }
        public Change inverse() { return new DropEnum(type); }
    }

    record DropEnum(EnumType type) implements Change {
        public String describe() { return "drop enum " + type.name(); }
        public Change inverse() { return new CreateEnum(type); }
    }

    /** Labels added, removed or reordered; the dialect decides between ADD VALUE and a replacement type. */
    record AlterEnum(EnumType from, EnumType to) implements Change {
        public String describe() { return "change enum " + to.name() + " " + from.labels() + " -> " + to.labels(); }
        public Change inverse() { return new AlterEnum(to, from); }
    }

    record CreateCompositeType(CompositeType type) implements Change {
        public String describe() { return "create type " + type.name(); }
        public Change inverse() { return new DropCompositeType(type); }
    }

    record DropCompositeType(CompositeType type) implements Change {
        public String describe() { return "drop type " + type.name(); }
        public Change inverse() { return new CreateCompositeType(type); }
    }

    /** Attributes added, dropped or retyped, or the comment changed. */
    record AlterCompositeType(CompositeType from, CompositeType to) implements Change {
        public String describe() { return "change type " + to.name(); }
        public Change inverse() { return new AlterCompositeType(to, from); }
    }

    record CreateDomain(Domain domain) implements Change {
        public String describe() { return "create domain " + domain.name(); }
        public Change inverse() { return new DropDomain(domain); }
    }

    record DropDomain(Domain domain) implements Change {
        public String describe() { return "drop domain " + domain.name(); }
        public Change inverse() { return new CreateDomain(domain); }
    }

    record AlterDomain(Domain from, Domain to) implements Change {
        public String describe() { return "change domain " + to.name(); }
        public Change inverse() { return new AlterDomain(to, from); }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public String describe() { return "create sequence " + sequence.name(); }
        public Change inverse() { return new DropSequence(sequence); }
    }

    record DropSequence(Sequence sequence) implements Change {
        public String describe() { return "drop sequence " + sequence.name(); }
        public Change inverse() { return new CreateSequence(sequence); }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public String describe() { return "change sequence " + to.name(); }
        public Change inverse() { return new AlterSequence(to, from); }
    }

    /**
     * A new table with its columns, its own constraints and its comments; foreign keys, indexes and triggers are
     * separate changes.
     */
    record CreateTable(Table table) implements Change {
        public String describe() { return "create table " + table.name(); }
        public Change inverse() { return new DropTable(table); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropTable(Table table) implements Change {
        public String describe() { return "drop table " + table.name(); }
        public Change inverse() { return new CreateTable(table); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    /** A table renamed by a hint: {@code from} and {@code to} differ in name only as far as this change goes. */
    record RenameTable(Table from, Table to) implements Change {
        public String describe() { return "rename table " + from.name() + " to " + to.name().name(); }
        public Change inverse() { return new RenameTable(to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(from.name()); }
    }

    /**
     * Table-level facts other than columns and constraints: UNLOGGED, partitioning, dialect attributes (SQLite
     * WITHOUT ROWID and STRICT, PostgreSQL exclusion constraints).
     */
    record AlterTable(Table from, Table to) implements Change {
        public String describe() { return "change table " + to.name(); }
        public Change inverse() { return new AlterTable(to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(to.name()); }
    }

    record SetTableComment(Table table, Optional<String> from, Optional<String> to) implements Change {
        public String describe() { return "comment on table " + table.name(); }
        public Change inverse() { return new SetTableComment(table, to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    /** A new column, with its comment. */
    record AddColumn(Table table, Column column) implements Change {
        public String describe() { return "add column " + table.name() + "." + column.name(); }
        public Change inverse() { return new DropColumn(table, column); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropColumn(Table table, Column column) implements Change {
        public String describe() { return "drop column " + table.name() + "." + column.name(); }
        public Change inverse() { return new AddColumn(table, column); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record RenameColumn(Table table, Column from, Column to) implements Change {
        public String describe() {
            return "rename column " + table.name() + "." + from.name() + " to " + to.name();
        }
        public Change inverse() { return new RenameColumn(table, to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    /** Type, nullability, default, identity, generation or collation of a column changed. */
    record AlterColumn(Table table, Column from, Column to) implements Change {
        public String describe() { return "change column " + table.name() + "." + to.name(); }
        public Change inverse() { return new AlterColumn(table, to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }

        /** The type or collation changed. */
        public boolean typeChanged() {
            return !from.type().equals(to.type()) || !from.collation().equals(to.collation());
        }

        /**
         * The values change shape (type, collation or generation expression): what reads the column (a view, an
         * index) must be taken away before and made again after.
         */
        public boolean reshapes() {
            return typeChanged() || !from.generated().equals(to.generated());
        }
    }

    record SetColumnComment(Table table, Column column, Optional<String> from, Optional<String> to)
            implements Change {
        public String describe() { return "comment on column " + table.name() + "." + column.name(); }
        public Change inverse() { return new SetColumnComment(table, column, to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record AddPrimaryKey(Table table, PrimaryKey key) implements Change {
        public String describe() { return "add primary key " + table.name() + key.columns(); }
        public Change inverse() { return new DropPrimaryKey(table, key); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropPrimaryKey(Table table, PrimaryKey key) implements Change {
        public String describe() { return "drop primary key " + table.name() + key.columns(); }
        public Change inverse() { return new AddPrimaryKey(table, key); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record AddUnique(Table table, UniqueConstraint constraint) implements Change {
        public String describe() { return "add unique " + table.name() + constraint.columns(); }
        public Change inverse() { return new DropUnique(table, constraint); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropUnique(Table table, UniqueConstraint constraint) implements Change {
        public String describe() { return "drop unique " + table.name() + constraint.columns(); }
        public Change inverse() { return new AddUnique(table, constraint); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record AddCheck(Table table, Check check) implements Change {
        public String describe() { return "add check " + table.name() + " " + check.expression(); }
        public Change inverse() { return new DropCheck(table, check); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropCheck(Table table, Check check) implements Change {
        public String describe() { return "drop check " + table.name() + " " + check.expression(); }
        public Change inverse() { return new AddCheck(table, check); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record AddForeignKey(Table table, ForeignKey key) implements Change {
        public String describe() {
            return "add foreign key " + table.name() + key.columns() + " -> " + key.referencedTable();
        }
        public Change inverse() { return new DropForeignKey(table, key); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropForeignKey(Table table, ForeignKey key) implements Change {
        public String describe() {
            return "drop foreign key " + table.name() + key.columns() + " -> " + key.referencedTable();
        }
        public Change inverse() { return new AddForeignKey(table, key); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    /** An index on {@code on}, a table or a materialized view. */
    record CreateIndex(QualifiedName on, Index index) implements Change {
        public String describe() { return "create index " + index.name() + " on " + on; }
        public Change inverse() { return new DropIndex(on, index); }
        public Optional<QualifiedName> subject() { return Optional.of(on); }
    }

    record DropIndex(QualifiedName on, Index index) implements Change {
        public String describe() { return "drop index " + index.name() + " on " + on; }
        public Change inverse() { return new CreateIndex(on, index); }
        public Optional<QualifiedName> subject() { return Optional.of(on); }
    }

    /**
     * A new view with its comment and triggers (which a dropped view takes along); the indexes of a materialized
     * view are separate changes.
     */
    record CreateView(View view) implements Change {
        public String describe() { return "create " + kind(view) + " " + view.name(); }
        public Change inverse() { return new DropView(view); }
    }

    record DropView(View view) implements Change {
        public String describe() { return "drop " + kind(view) + " " + view.name(); }
        public Change inverse() { return new CreateView(view); }
    }

    record SetViewComment(View view, Optional<String> from, Optional<String> to) implements Change {
        public String describe() { return "comment on " + kind(view) + " " + view.name(); }
        public Change inverse() { return new SetViewComment(view, to, from); }
    }

    record CreateRoutine(Routine routine) implements Change {
        public String describe() { return "create " + routine.kind() + " " + signature(routine); }
        public Change inverse() { return new DropRoutine(routine); }
    }

    record DropRoutine(Routine routine) implements Change {
        public String describe() { return "drop " + routine.kind() + " " + signature(routine); }
        public Change inverse() { return new CreateRoutine(routine); }
    }

    record ReplaceRoutine(Routine from, Routine to) implements Change {
        public String describe() { return "replace " + to.kind() + " " + signature(to); }
        public Change inverse() { return new ReplaceRoutine(to, from); }
    }

    record CreateTrigger(Table table, Trigger trigger) implements Change {
        public String describe() { return "create trigger " + trigger.name() + " on " + table.name(); }
        public Change inverse() { return new DropTrigger(table, trigger); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    record DropTrigger(Table table, Trigger trigger) implements Change {
        public String describe() { return "drop trigger " + trigger.name() + " on " + table.name(); }
        public Change inverse() { return new CreateTrigger(table, trigger); }
        public Optional<QualifiedName> subject() { return Optional.of(table.name()); }
    }

    /**
     * A table rebuilt as a new table with the data copied over: what a dialect asks for when it cannot ALTER a
     * change in place (SQLite's 12-step procedure). Made by a dialect's {@code PlanRules}, never by the differ.
     */
    record RebuildTable(Table from, Table to) implements Change {
        public String describe() { return "rebuild table " + to.name(); }
        public Change inverse() { return new RebuildTable(to, from); }
        public Optional<QualifiedName> subject() { return Optional.of(to.name()); }
    }

    private static String kind(View view) {
        return view.materialized() ? "materialized view" : "view";
    }

    private static String signature(Routine routine) {
        return routine.name() + "(" + routine.signature() + ")";
    }
}
