package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.EnumType;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import jakarta.persistence.Basic;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.UniqueConstraint;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the catalog a set of entity classes describes, for one dialect: one table per entity, plus join tables.
 * Tables and columns are built here; relationships are {@link Relationships}' and enum columns {@link EnumColumns}'.
 */
final class JpaCatalogBuilder {

    private final String dialect;
    private final String defaultSchema;
    private final JpaOptions options;
    final JpaNames names;
    final JpaTypes types;
    final EnumColumns enums;
    private final Map<Class<?>, TableDraft> drafts = new LinkedHashMap<>();
    private final Map<QualifiedName, TableDraft> joinTables = new LinkedHashMap<>();
    private final Map<Class<?>, List<Column>> ids = new HashMap<>();
    private final Map<QualifiedName, Sequence> sequences = new TreeMap<>();

    JpaCatalogBuilder(String dialect, Optional<String> schema, JpaOptions options) {
        this.dialect = dialect;
        this.options = options;
        this.types = new JpaTypes(dialect);
        this.names = new JpaNames(dialect, options.naming());
        this.defaultSchema = schema.orElse(dialect.equals("postgres") ? "public" : "main");
        this.enums = new EnumColumns(dialect, options.enums(), types);
    }

    boolean postgres() {
        return dialect.equals("postgres");
    }

    Catalog build(List<Class<?>> entities) {
        for (Class<?> e : entities) {
            drafts.put(e, new TableDraft(tableName(e), e.getName(), dialect));
        }
        for (Class<?> e : entities) {
            mapEntity(e);
        }
        Map<String, List<Table>> tables = new TreeMap<>();
        drafts.values().forEach(d -> tables.computeIfAbsent(schemaOf(d.name()), s -> new ArrayList<>()).add(d.build()));
        joinTables.values().forEach(d -> tables.computeIfAbsent(schemaOf(d.name()), s -> new ArrayList<>())
                .add(d.build()));
        List<Schema> schemas = new ArrayList<>();
        for (Map.Entry<String, List<Table>> s : tables.entrySet()) {
            List<Sequence> seqs = sequences.values().stream().filter(q -> schemaOf(q.name()).equals(s.getKey()))
                    .toList();
            List<EnumType> enumTypes = enums.types().stream().filter(t -> schemaOf(t.name()).equals(s.getKey()))
                    .toList();
            // PostgreSQL makes the public schema with this comment; the model keeps it so that a diff against a
            // database (or the migrations replayed into one) does not propose to remove it.
            Optional<String> comment = postgres() && s.getKey().equals("public")
                    ? Optional.of("standard public schema") : Optional.empty();
            schemas.add(new Schema(s.getKey(), s.getValue(), List.of(), seqs, enumTypes, List.of(), List.of(),
                    comment));
        }
        return new Catalog(dialect, schemas, List.of());
    }

    private String schemaOf(QualifiedName name) {
        return name.schema() == null ? defaultSchema : name.schema();
    }

    /** The entity's name: {@code @Entity(name)} or the simple class name. */
    static String entityName(Class<?> e) {
        String n = e.getAnnotation(Entity.class).name();
        return n.isEmpty() ? e.getSimpleName() : n;
    }

    QualifiedName tableName(Class<?> e) {
        jakarta.persistence.Table t = e.getAnnotation(jakarta.persistence.Table.class);
        String logical = t == null || t.name().isEmpty() ? entityName(e) : t.name();
        String schema = t == null || t.schema().isEmpty() ? defaultSchema : names.physical(t.schema());
        return QualifiedName.of(schema, names.physical(logical));
    }

    QualifiedName qualify(String schema, String logicalName, QualifiedName besides) {
        return QualifiedName.of(schema.isEmpty() ? besides.schema() : names.physical(schema),
                names.physical(logicalName));
    }

    TableDraft draft(Class<?> entity, Field from) {
        TableDraft d = drafts.get(entity);
        if (d == null) {
            throw new GodwitException(ErrorCode.CONFIG, Attributes.describe(from) + " refers to " + entity.getName()
                    + ", which is not an @Entity in the package read. Read the package that holds both.");
        }
        return d;
    }

    /** A join table, made once even when both sides declare it. */
    TableDraft joinTable(QualifiedName name, String origin) {
        return joinTables.computeIfAbsent(name, n -> new TableDraft(n, origin, dialect));
    }

    private void mapEntity(Class<?> e) {
        TableDraft table = drafts.get(e);
        for (Field f : Attributes.of(e)) {
            if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)
                    || f.isAnnotationPresent(ManyToMany.class) || f.isAnnotationPresent(OneToMany.class)) {
                new Relationships(this).map(e, table, f);
            } else if (Attributes.embedded(f)) {
                List<Column> columns = embeddedColumns(table, f.getType(), Overrides.of(f), "",
                        f.isAnnotationPresent(EmbeddedId.class));
                columns.forEach(table::column);
                if (f.isAnnotationPresent(EmbeddedId.class)) {
                    table.primaryKey(columns.stream().map(Column::name).toList());
                }
            } else {
                table.column(basic(table, e, f, Overrides.NONE, ""));
                if (f.isAnnotationPresent(Id.class)) {
                    table.primaryKey(List.of(columnName(f, Overrides.NONE, "")));
                }
            }
        }
        jakarta.persistence.Table t = e.getAnnotation(jakarta.persistence.Table.class);
        if (t != null) {
            for (UniqueConstraint u : t.uniqueConstraints()) {
                table.unique(u.name().isEmpty() ? "" : names.physical(u.name()),
                        java.util.Arrays.stream(u.columnNames()).map(names::physical).toList());
            }
            for (jakarta.persistence.Index i : t.indexes()) {
                List<Index.Key> keys = new ArrayList<>();
                for (String part : i.columnList().split(",")) {
                    String[] words = part.strip().split("\\s+");
                    boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
                    keys.add(new Index.Key(Optional.of(names.physical(words[0])), Optional.empty(), desc, desc));
                }
                table.index(i.name().isEmpty() ? "" : names.physical(i.name()), i.unique(), keys);
            }
        }
    }

    /** The columns of an embeddable, recursively, with {@code @AttributeOverride}s applied by attribute path. */
    List<Column> embeddedColumns(TableDraft table, Class<?> type, Overrides overrides, String path, boolean key) {
        List<Column> out = new ArrayList<>();
        for (Field f : Attributes.of(type)) {
            if (Attributes.embedded(f)) {
                out.addAll(embeddedColumns(table, f.getType(), overrides.merge(Overrides.of(f), path + f.getName()
                        + "."), path + f.getName() + ".", key));
            } else {
                Column c = basic(table, type, f, overrides, path);
                out.add(key ? notNull(c) : c);
            }
        }
        return out;
    }

    String columnName(Field f, Overrides overrides, String path) {
        jakarta.persistence.Column c = overrides.column(path + f.getName()).orElse(
                f.getAnnotation(jakarta.persistence.Column.class));
        return names.physical(c == null || c.name().isEmpty() ? f.getName() : c.name());
    }

    /** A basic attribute's column; adds its unique constraint, enum check and sequence. */
    private Column basic(TableDraft table, Class<?> owner, Field f, Overrides overrides, String path) {
        jakarta.persistence.Column c = overrides.column(path + f.getName()).orElse(
                f.getAnnotation(jakarta.persistence.Column.class));
        String name = columnName(f, overrides, path);
        JpaTypes.Shape shape = c == null ? JpaTypes.Shape.DEFAULT : new JpaTypes.Shape(c.length(), c.precision(),
                c.scale(), f.isAnnotationPresent(jakarta.persistence.Lob.class));
        if (c == null && f.isAnnotationPresent(jakarta.persistence.Lob.class)) {
            shape = new JpaTypes.Shape(255, 0, 0, true);
        }
        DataType type;
        if (c != null && !c.columnDefinition().isEmpty()) {
            type = types.definition(c.columnDefinition());
        } else if (f.getType().isEnum()) {
            type = enums.column(table, f, name, shape);
        } else {
            type = types.basic(f.getType(), shape, Attributes.describe(f));
        }
        Basic basic = f.getAnnotation(Basic.class);
        boolean nullable = !f.getType().isPrimitive() && (c == null || c.nullable())
                && (basic == null || basic.optional()) && !f.isAnnotationPresent(Id.class);
        Optional<Column.Identity> identity = Optional.empty();
        GeneratedValue generated = f.getAnnotation(GeneratedValue.class);
        if (generated != null && f.isAnnotationPresent(Id.class) && !f.getType().equals(java.util.UUID.class)) {
            GenerationType strategy = generated.strategy();
            if (strategy == GenerationType.TABLE) {
                throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: @GeneratedValue(strategy = TABLE) on "
                        + Attributes.describe(f) + ". Use IDENTITY or SEQUENCE.");
            }
            if (!postgres()) {
                type = types.identity(type);
            } else if (strategy == GenerationType.IDENTITY) {
                identity = Optional.of(new Column.Identity(false, Optional.empty()));
            } else {
                // AUTO is a sequence on PostgreSQL, as Hibernate 6 chooses: one per entity, named <table>_seq.
                Sequence s = Generators.sequence(f, owner, generated, table.name(), names);
                sequences.put(s.name(), s);
            }
        }
        if (c != null && c.unique()) {
            table.unique("", List.of(name));
        }
        return new Column(name, type, nullable, Optional.empty(), identity, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The primary key columns of an entity, as a foreign key to it copies them. */
    List<Column> ids(Class<?> entity, Field from) {
        List<Column> known = ids.get(entity);
        if (known != null) {
            return known;
        }
        TableDraft scratch = new TableDraft(draft(entity, from).name(), entity.getName(), dialect);
        List<Column> out = new ArrayList<>();
        for (Field f : Attributes.of(entity)) {
            if (f.isAnnotationPresent(EmbeddedId.class)) {
                out.addAll(embeddedColumns(scratch, f.getType(), Overrides.of(f), "", true));
            } else if (f.isAnnotationPresent(Id.class)) {
                out.add(notNull(basic(scratch, entity, f, Overrides.NONE, "")));
            }
        }
        if (out.isEmpty()) {
            throw new GodwitException(ErrorCode.CONFIG, "The entity " + entity.getName() + " has no @Id or "
                    + "@EmbeddedId field (godwit-jpa reads field access only).");
        }
        ids.put(entity, out);
        return out;
    }

    static Column notNull(Column c) {
        return new Column(c.name(), c.type(), false, c.defaultExpression(), c.identity(), c.generated(),
                c.collation(), c.comment());
    }

    /** The column a foreign key column copies: the type, without identity. */
    static Column reference(String name, Column target, boolean nullable) {
        return new Column(name, target.type(), nullable, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
