package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.model.Check;
import dev.godwit.model.Domain;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.Map;
import java.util.TreeMap;

/** Domain changes through ALTER DOMAIN; a new base type is not one PostgreSQL can make in place. */
final class PostgresDomains {

    private PostgresDomains() {
    }

    static void alter(PostgresChangeWriter.Statements out, Change.AlterDomain change) {
        Domain a = change.from();
        Domain b = change.to();
        if (!a.type().equals(b.type()) || !a.collation().equals(b.collation())) {
            throw new UnsupportedChangeException(change, "changing the base type or collation of domain " + b.name()
                    + " (create a new domain and move the columns to it)");
        }
        String alter = "ALTER DOMAIN " + quote(b.name());
        if (!a.defaultExpression().equals(b.defaultExpression())) {
            out.add(alter + b.defaultExpression().map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT"));
        }
        if (a.notNull() != b.notNull()) {
            out.add(alter + (b.notNull() ? " SET NOT NULL" : " DROP NOT NULL"),
                    b.notNull() ? new Hazard[] {Hazard.BLOCKING_LOCK} : new Hazard[0]);
        }
        Map<String, Check> before = checks(a);
        Map<String, Check> after = checks(b);
        before.forEach((name, check) -> {
            Check other = after.get(name);
            if (other == null || !same(check, other)) {
                out.add(alter + " DROP CONSTRAINT " + quote(name));
            }
        });
        after.forEach((name, check) -> {
            Check other = before.get(name);
            if (other == null || !same(check, other)) {
                out.add(alter + " ADD CONSTRAINT " + quote(name) + " " + PostgresDdlWriter.check(check),
                        Hazard.BLOCKING_LOCK);
            }
        });
        if (!a.comment().equals(b.comment())) {
            out.add(PostgresChangeWriter.comment("DOMAIN " + quote(b.name()), b.comment()));
        }
    }

    private static Map<String, Check> checks(Domain d) {
        Map<String, Check> map = new TreeMap<>();
        d.checks().forEach(c -> map.put(c.name(), c));
        return map;
    }

    private static boolean same(Check a, Check b) {
        return DiffHooks.squash(a.expression()).equals(DiffHooks.squash(b.expression()));
    }
}
