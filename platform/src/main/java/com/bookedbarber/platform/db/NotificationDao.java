package com.bookedbarber.platform.db;

import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of a listening connection. Channel names come from {@link NotificationChannels} only. */
public interface NotificationDao {
    @SqlUpdate("LISTEN <channel>")
    void listen(@Define("channel") String channel);
}
