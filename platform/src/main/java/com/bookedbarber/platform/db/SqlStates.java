package com.bookedbarber.platform.db;

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
    /** Class 40, transaction rollback: a serialization failure or a deadlock this transaction lost. */
    public static final String TRANSACTION_ROLLBACK_CLASS = "40";
    /** Class 53, insufficient resources: disk full, out of memory, too many connections. */
    public static final String INSUFFICIENT_RESOURCES_CLASS = "53";
    /** A statement timeout or a cancel request. */
    public static final String QUERY_CANCELED = "57014";

    private SqlStates() {
    }

    /** True if the database itself is unreachable or going away, as opposed to refusing this statement. */
    public static boolean isDatabaseUnavailable(String state) {
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION_PREFIX));
    }

    /**
     * True if the same transaction may succeed when tried again unchanged: the database is
     * unavailable, short of a resource, or this transaction lost a race or waited too long. False
     * for errors about the data or the statement itself, which every retry meets again.
     */
    public static boolean isTransient(String state) {
        return isDatabaseUnavailable(state) || state != null && (state.startsWith(TRANSACTION_ROLLBACK_CLASS)
                || state.startsWith(INSUFFICIENT_RESOURCES_CLASS) || LOCK_NOT_AVAILABLE.equals(state)
                || QUERY_CANCELED.equals(state));
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
