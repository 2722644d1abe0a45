package dev.godwit;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Connection sources that turn a failure to connect into one clear sentence: which database, why, what to do. The
 * password is never part of the message, even when the driver echoes the URL.
 */
final class Connections {

    private Connections() {
    }

    static ConnectionSource of(DataSource dataSource) {
        return () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw failure("the configured data source", null, null, e);
            }
        };
    }

    static ConnectionSource of(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        Optional<Dialect> dialect = Dialects.available().stream().filter(d -> d.handles(url)).findFirst();
        return () -> {
            dialect.ifPresent(d -> d.beforeConnect(url));
            try {
                Connection c = DriverManager.getConnection(url, properties);
                if (c == null) {
                    throw new GodwitException(ErrorCode.CONFIG, "No JDBC driver on the class path accepts "
                            + Redaction.url(url) + ". Check the URL's prefix (jdbc:postgresql://, jdbc:sqlite:).");
                }
                return c;
            } catch (SQLException e) {
                throw failure(Redaction.url(url), user, password, e);
            }
        };
    }

    private static GodwitException failure(String where, String user, String password, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = Redaction.text(firstLine(e), password);
        if (state.startsWith("28")) {
            return new GodwitException(ErrorCode.CONNECTION, "The database at " + where + " refused the login"
                    + (user == null ? "" : " of user '" + user + "'") + ": " + reason + " [SQLState " + state
                    + "]. Check the user and password (--user/--password, GODWIT_USER/GODWIT_PASSWORD).", e);
        }
        if (state.equals("3D000")) {
            return new GodwitException(ErrorCode.CONNECTION, "The database named in " + where + " does not exist: "
                    + reason + ". Create it, or fix the URL.", e);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return new GodwitException(ErrorCode.CONFIG, "No JDBC driver on the class path accepts " + where
                    + ". Check the URL's prefix (jdbc:postgresql://, jdbc:sqlite:).", e);
        }
        return new GodwitException(ErrorCode.CONNECTION, "Cannot connect to " + where + ": " + reason
                + (state.isEmpty() ? "" : " [SQLState " + state + "]")
                + ". Check that the database is running and the URL is right (`godwit await` waits for it to come "
                + "up).", e);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
