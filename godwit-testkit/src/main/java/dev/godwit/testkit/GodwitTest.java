package dev.godwit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test (or each test class, see {@link #scope()}) a fresh database of its own, migrated to the newest
 * migration before the test runs and dropped after it. Test and lifecycle methods may declare parameters of type
 * {@link java.sql.Connection} (opened for the test, closed after), {@link TestDatabase}, {@link dev.godwit.Godwit}
 * (configured for that database and the migrations) and a {@code String} annotated {@link DatabaseUrl}.
 * <pre>{@code
 * @GodwitTest(migrations = "src/test/resources/db/migrations", database = Database.POSTGRES)
 * class UserRepositoryTest {
 *     @Test
 *     void findsUsersByEmail(Connection connection) { ... }
 * }
 * }</pre>
 * On a method, the annotation gives that method a database of its own, configured as the method says. A test that
 * needs a database server none can be had for (see {@link PostgresServer}, {@link MysqlServer}) is skipped, not
 * failed.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GodwitExtension.class)
public @interface GodwitTest {

    /**
     * The migration directory, relative to the working directory (a Maven module's base directory), optionally
     * written {@code filesystem:dir}. Default {@code migrations}, as for the command line.
     */
    String migrations() default "migrations";

    /** Which kind of database to make. */
    Database database() default Database.SQLITE;

    /**
     * With {@link Database#URL}: the URL of a PostgreSQL, MariaDB or MySQL server with the user in it; a database
     * of its own is made on it for the test and dropped after. {@code ${NAME}} is read from the system property
     * {@code NAME}, else the environment variable. Ignored for the other kinds.
     */
    String url() default "";

    /** Whether each test method gets a fresh database, or the tests of a class share one. */
    Scope scope() default Scope.METHOD;

    /** How long a fresh database lives. */
    enum Scope {
        /** One database per test method: no test sees another's rows. */
        METHOD,
        /** One database per test class, made before its first test and dropped after its last: faster. */
        CLASS
    }
}
