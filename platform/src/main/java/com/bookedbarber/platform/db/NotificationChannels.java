package com.bookedbarber.platform.db;

/** The PostgreSQL NOTIFY channels the services share; payloads are plain text, described here. */
public final class NotificationChannels {
    /** "location-id version" per location a projection batch touched; sent by the projection worker. */
    public static final String PROJECTION_VERSIONS = "projection_versions";
    /** "location-id" whose members or settings changed; sent by triggers on the primary tables (V10). */
    public static final String LOCATION_ACCESS = "location_access";

    private NotificationChannels() {
    }
}
