package com.bookedbarber.command.db;

import java.sql.SQLException;

/** PostgreSQL error codes the services react to. */
public final class SqlStates {
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final String DEADLOCK = "40P01";
    /** Class 22, data exception: a value the database cannot store (NUL in text, out of range...). */
    public static final String DATA_EXCEPTION_CLASS = "22";
    /** Class 08, connection exception: the server cannot be reached or the connection broke. */
    public static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Class 57P, operator intervention: the server is shutting down, crashed or is starting up. */
    public static final String OPERATOR_INTERVENTION_PREFIX = "57P";

    private SqlStates() {
    }

    /** True if the database itself is unreachable or going away, as opposed to refusing this statement. */
    public static boolean isDatabaseUnavailable(String state) {
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION_PREFIX));
    }

    /** The SQLSTATE anywhere in the cause chain, or null. */
    public static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
