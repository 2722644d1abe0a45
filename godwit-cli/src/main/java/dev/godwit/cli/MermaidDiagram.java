package dev.godwit.cli;

import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A Mermaid {@code erDiagram} of the tables, their key columns (primary, unique, foreign) and the foreign keys
 * between them: the text GitHub renders as a diagram inside a {@code ```mermaid} block.
 */
final class MermaidDiagram {

    private MermaidDiagram() {
    }

    static String of(Catalog catalog) {
        boolean qualify = catalog.schemas().size() > 1;
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Schema schema : catalog.schemas()) {
            for (Table table : schema.tables()) {
                entity(out, table, qualify);
            }
        }
        for (Schema schema : catalog.schemas()) {
            for (Table table : schema.tables()) {
                for (ForeignKey fk : table.foreignKeys()) {
                    boolean optional = fk.columns().stream().anyMatch(c -> table.column(c).map(Column::nullable)
                            .orElse(true));
                    out.append("    ").append(entityName(fk.referencedTable(), schema.name(), qualify))
                            .append(optional ? " |o--o{ " : " ||--o{ ")
                            .append(entityName(table.name(), schema.name(), qualify))
                            .append(" : \"").append(fk.name().replace("\"", "'")).append("\"\n");
                }
            }
        }
        return out.toString();
    }

    private static void entity(StringBuilder out, Table table, boolean qualify) {
        Set<String> primary = new HashSet<>(table.primaryKey().map(pk -> pk.columns()).orElse(java.util.List.of()));
        Set<String> unique = new HashSet<>();
        table.uniqueConstraints().forEach(u -> unique.addAll(u.columns()));
        Set<String> foreign = new HashSet<>();
        table.foreignKeys().forEach(fk -> foreign.addAll(fk.columns()));
        out.append("    ").append(entityName(table.name(), table.name().schema(), qualify)).append(" {\n");
        for (Column c : table.columns()) {
            StringBuilder keys = new StringBuilder();
            if (primary.contains(c.name())) {
                keys.append("PK");
            }
            if (foreign.contains(c.name())) {
                keys.append(keys.isEmpty() ? "" : ", ").append("FK");
            }
            if (unique.contains(c.name())) {
                keys.append(keys.isEmpty() ? "" : ", ").append("UK");
            }
            if (!keys.isEmpty()) {
                out.append("        ").append(word(c.type().raw())).append(' ').append(word(c.name())).append(' ')
                        .append(keys).append('\n');
            }
        }
        out.append("    }\n");
    }

    private static String entityName(QualifiedName name, String schema, boolean qualify) {
        String s = name.schema() != null ? name.schema() : schema;
        return word(qualify && s != null ? s + "__" + name.name() : name.name());
    }

    /** Mermaid names and types allow letters, digits, {@code _}, {@code -}, brackets and parentheses only. */
    private static String word(String text) {
        String w = text.strip().replaceAll("[\\s,.]+", "_").replaceAll("[^A-Za-z0-9_\\-\\[\\]()]", "");
        return w.isEmpty() || !Character.isLetter(w.charAt(0)) && w.charAt(0) != '_' ? "_" + w : w;
    }
}
