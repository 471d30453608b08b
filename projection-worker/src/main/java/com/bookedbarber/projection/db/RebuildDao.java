package com.bookedbarber.projection.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * DDL of a projection rebuild: shadow copies of the read-model tables in their own schema, filled
 * by the same DAOs through {@code search_path}, then swapped in. Table names come from
 * {@link #TABLES} only, never from input.
 */
public interface RebuildDao {
    String SHADOW = "projection_rebuild";
    String RETIRED = "projection_retired";
    /** Everything the projection writes, except its consumer offsets and dead letters. */
    List<String> TABLES = List.of("hourly_bookings", "daily_revenue", "projection_appointments", "projection_payments",
            "projection_locations", "projection_applied_events");

    @SqlUpdate("DROP SCHEMA IF EXISTS <schema> CASCADE")
    void dropSchema(@Define("schema") String schema);

    @SqlUpdate("CREATE SCHEMA <schema>")
    void createSchema(@Define("schema") String schema);

    /** An empty copy with the same columns, defaults, constraints and indexes. */
    @SqlUpdate("CREATE TABLE <schema>.<table> (LIKE public.<table> INCLUDING ALL)")
    void createShadow(@Define("schema") String schema, @Define("table") String table);

    /** Blocks writers and readers of the live table until the swapping transaction ends. */
    @SqlUpdate("LOCK TABLE public.<table> IN ACCESS EXCLUSIVE MODE")
    void lockLive(@Define("table") String table);

    @SqlUpdate("ALTER TABLE <from>.<table> SET SCHEMA <to>")
    void move(@Define("table") String table, @Define("from") String from, @Define("to") String to);

    /** Unqualified names resolve to the shadow tables for the rest of the transaction. */
    @SqlUpdate("SET LOCAL search_path = <schema>, public")
    void writeTo(@Define("schema") String schema);

    @SqlUpdate("SET LOCAL search_path = public")
    void writeToLive();

    /**
     * Rebuilt versions continue after the live ones, so the analytics cache (keyed by version)
     * cannot mistake a rebuilt answer for an old one.
     */
    @SqlUpdate("UPDATE " + SHADOW + ".projection_locations r SET version = r.version + o.version "
            + "FROM public.projection_locations o WHERE o.location_id = r.location_id")
    void continueVersions();
}
