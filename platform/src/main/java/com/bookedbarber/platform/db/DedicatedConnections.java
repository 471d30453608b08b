package com.bookedbarber.platform.db;

import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections outside the pool, for work that holds session state (a session advisory lock, a
 * LISTEN) which must not travel back into the pool with the connection. They leave out the pool's
 * session options (its lock timeout would cut a deliberate lock wait short).
 */
public final class DedicatedConnections {
    private DedicatedConnections() {
    }

    /** The driver properties: the pool's credentials, a name to find the session by, TCP keep-alive. */
    public static Properties properties(DataSourceFactory database, String applicationName) {
        Properties props = new Properties();
        if (database.getUser() != null) {
            props.setProperty("user", database.getUser());
        }
        if (database.getPassword() != null) {
            props.setProperty("password", database.getPassword());
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        return props;
    }

    public static Connection open(DataSourceFactory database, String applicationName) throws SQLException {
        return DriverManager.getConnection(database.getUrl(), properties(database, applicationName));
    }
}
