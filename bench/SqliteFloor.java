import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite floor when the sqlite3 command is missing: every statement of a file (one per line) in one transaction
 * over the same JDBC driver Godwit uses, on a fresh database file.
 *
 * <p>usage: {@code java -cp godwit.jar:CLASSES SqliteFloor DBFILE SQLFILE}. Prints {@code inprocess=<ms>}, the time
 * from opening the connection to the commit; run.sh times the whole process as well.
 */
public final class SqliteFloor {

    public static void main(String[] args) throws Exception {
        var statements = Files.readAllLines(Path.of(args[1]));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite floor failed: " + e.getMessage(), e);
        }
        System.out.println("inprocess=" + (System.nanoTime() - started) / 1_000_000);
    }
}
