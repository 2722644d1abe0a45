package dev.godwit.jpa;

import dev.godwit.model.Column;
import dev.godwit.model.QualifiedName;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Relationship attributes, with JPA's default names (JPA 3.1 section 11.1):
 * <ul>
 * <li>{@code @ManyToOne}, owning {@code @OneToOne}: foreign key columns {@code <attribute>_<referenced column>} in
 * this table (a one-to-one's are also UNIQUE);</li>
 * <li>owning {@code @ManyToMany}: a join table {@code <owner table>_<target table>} with columns
 * {@code <inverse attribute or owner entity>_<owner key>} and {@code <attribute>_<target key>}, its primary key both
 * and a foreign key to each side;</li>
 * <li>{@code @OneToMany(mappedBy)} and inverse one-to-ones: nothing (the other side has the column);
 * {@code @OneToMany} with a {@code @JoinColumn}: the column in the target's table; without: a join table whose
 * target column is unique.</li>
 * </ul>
 */
final class Relationships {

    private final JpaCatalogBuilder b;

    Relationships(JpaCatalogBuilder builder) {
        this.b = builder;
    }

    void map(Class<?> owner, TableDraft table, Field f) {
        ManyToOne manyToOne = f.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = f.getAnnotation(OneToOne.class);
        ManyToMany manyToMany = f.getAnnotation(ManyToMany.class);
        OneToMany oneToMany = f.getAnnotation(OneToMany.class);
        if (manyToOne != null) {
            Class<?> target = manyToOne.targetEntity() == void.class ? f.getType() : manyToOne.targetEntity();
            joinColumns(table, f, target, manyToOne.optional(), false);
        } else if (oneToOne != null && oneToOne.mappedBy().isEmpty()) {
            Class<?> target = oneToOne.targetEntity() == void.class ? f.getType() : oneToOne.targetEntity();
            joinColumns(table, f, target, oneToOne.optional(), true);
        } else if (manyToMany != null && manyToMany.mappedBy().isEmpty()) {
            joinTable(owner, table, f, Attributes.element(f, manyToMany.targetEntity()), false);
        } else if (oneToMany != null && oneToMany.mappedBy().isEmpty()) {
            Class<?> target = Attributes.element(f, oneToMany.targetEntity());
            if (f.getAnnotationsByType(JoinColumn.class).length > 0) {
                TableDraft targetTable = b.draft(target, f);
                List<Column> ids = b.ids(owner, f);
                List<String> cols = new ArrayList<>();
                JoinColumn[] given = f.getAnnotationsByType(JoinColumn.class);
                for (int i = 0; i < ids.size(); i++) {
                    JoinColumn jc = i < given.length ? given[i] : null;
                    String name = jc != null && !jc.name().isEmpty() ? b.names.physical(jc.name())
                            : b.names.physical(f.getName() + "_" + ids.get(i).name());
                    targetTable.column(JpaCatalogBuilder.reference(name, ids.get(i), jc == null || jc.nullable()));
                    cols.add(name);
                }
                targetTable.foreignKey("", cols, table.name(), ids.stream().map(Column::name).toList());
            } else {
                joinTable(owner, table, f, target, true);
            }
        }
    }

    private void joinColumns(TableDraft table, Field f, Class<?> target, boolean optional, boolean unique) {
        TableDraft targetTable = b.draft(target, f);
        List<Column> ids = b.ids(target, f);
        JoinColumn[] given = f.getAnnotationsByType(JoinColumn.class);
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        String fkName = "";
        for (int i = 0; i < ids.size(); i++) {
            Column id = ids.get(i);
            JoinColumn jc = matching(given, id, i);
            String name = jc != null && !jc.name().isEmpty() ? b.names.physical(jc.name())
                    : b.names.physical(f.getName() + "_" + id.name());
            table.column(JpaCatalogBuilder.reference(name, id, optional && (jc == null || jc.nullable())));
            if (jc != null && jc.unique()) {
                table.unique("", List.of(name));
            }
            if (jc != null && !jc.foreignKey().name().isEmpty()) {
                fkName = b.names.physical(jc.foreignKey().name());
            }
            columns.add(name);
            referenced.add(id.name());
        }
        table.foreignKey(fkName, columns, targetTable.name(), referenced);
        if (unique) {
            table.unique("", columns);
        }
    }

    private JoinColumn matching(JoinColumn[] given, Column id, int index) {
        return Arrays.stream(given).filter(jc -> b.names.physical(jc.referencedColumnName()).equals(id.name()))
                .findFirst().orElse(index < given.length && given[index].referencedColumnName().isEmpty()
                        ? given[index] : null);
    }

    private void joinTable(Class<?> owner, TableDraft ownerTable, Field f, Class<?> target, boolean uniqueTarget) {
        TableDraft targetTable = b.draft(target, f);
        JoinTable jt = f.getAnnotation(JoinTable.class);
        String logical = jt != null && !jt.name().isEmpty() ? jt.name()
                : ownerTable.name().name() + "_" + targetTable.name().name();
        QualifiedName name = b.qualify(jt == null ? "" : jt.schema(), logical, ownerTable.name());
        TableDraft join = b.joinTable(name, Attributes.describe(f));
        String inverse = inverseAttribute(target, f);
        List<String> ownerColumns = side(join, b.ids(owner, f), jt == null ? new JoinColumn[0] : jt.joinColumns(),
                inverse != null ? inverse : JpaCatalogBuilder.entityName(owner));
        List<String> targetColumns = side(join, b.ids(target, f), jt == null ? new JoinColumn[0]
                : jt.inverseJoinColumns(), f.getName());
        List<String> key = new ArrayList<>(ownerColumns);
        key.addAll(targetColumns);
        join.primaryKey(key);
        join.foreignKey(jt == null || jt.foreignKey().name().isEmpty() ? ""
                : b.names.physical(jt.foreignKey().name()), ownerColumns, ownerTable.name(),
                b.ids(owner, f).stream().map(Column::name).toList());
        join.foreignKey(jt == null || jt.inverseForeignKey().name().isEmpty() ? ""
                : b.names.physical(jt.inverseForeignKey().name()), targetColumns, targetTable.name(),
                b.ids(target, f).stream().map(Column::name).toList());
        if (uniqueTarget) {
            join.unique("", targetColumns);
        }
    }

    private List<String> side(TableDraft join, List<Column> ids, JoinColumn[] given, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JoinColumn jc = matching(given, ids.get(i), i);
            String name = jc != null && !jc.name().isEmpty() ? b.names.physical(jc.name())
                    : b.names.physical(prefix + "_" + ids.get(i).name());
            join.column(JpaCatalogBuilder.reference(name, ids.get(i), false));
            out.add(name);
        }
        return out;
    }

    /** The attribute of the target that names {@code f} in its {@code mappedBy}, when the relationship is two-way. */
    private static String inverseAttribute(Class<?> target, Field f) {
        for (Field t : Attributes.of(target)) {
            ManyToMany m = t.getAnnotation(ManyToMany.class);
            OneToMany o = t.getAnnotation(ManyToOne.class) == null ? t.getAnnotation(OneToMany.class) : null;
            if (m != null && m.mappedBy().equals(f.getName()) || o != null && o.mappedBy().equals(f.getName())) {
                return t.getName();
            }
        }
        return null;
    }
}
