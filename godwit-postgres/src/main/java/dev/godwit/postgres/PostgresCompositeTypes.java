package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.model.Column;
import dev.godwit.model.CompositeType;
import dev.godwit.plan.Hazard;
import java.util.List;
import java.util.Optional;

/**
 * Composite type changes through ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE. PostgreSQL refuses to retype an
 * attribute of a type a table column uses; the migration then fails with its message and rolls back.
 */
final class PostgresCompositeTypes {

    private PostgresCompositeTypes() {
    }

    static void alter(PostgresChangeWriter.Statements out, Change.AlterCompositeType change) {
        CompositeType a = change.from();
        CompositeType b = change.to();
        String alter = "ALTER TYPE " + quote(b.name());
        for (Column x : a.attributes()) {
            if (find(b.attributes(), x.name()).isEmpty()) {
                out.add(alter + " DROP ATTRIBUTE " + quote(x.name()), Hazard.DATA_LOSS, Hazard.IRREVERSIBLE);
            }
        }
        for (Column y : b.attributes()) {
            Optional<Column> x = find(a.attributes(), y.name());
            if (x.isEmpty()) {
                out.add(alter + " ADD ATTRIBUTE " + PostgresDdlWriter.attribute(y));
            } else if (!x.get().type().equals(y.type()) || !x.get().collation().equals(y.collation())) {
                out.add(alter + " ALTER ATTRIBUTE " + quote(y.name()) + " TYPE " + y.type().raw()
                        + y.collation().map(c -> " COLLATE " + c).orElse(""));
            }
        }
        if (!a.comment().equals(b.comment())) {
            out.add(PostgresChangeWriter.comment("TYPE " + quote(b.name()), b.comment()));
        }
    }

    private static Optional<Column> find(List<Column> attributes, String name) {
        return attributes.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
