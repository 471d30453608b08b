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

    private SqlStates() {
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
