package com.bookedbarber.platform.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Jdbi keeps the reflective metadata of each SqlObject type in its configuration, but every
 * Handle works on a copy of that configuration: metadata first computed on a Handle dies with it,
 * so each {@code handle.attach(Dao.class)} reflected over the whole interface again (about 2 ms
 * per attach, most of a booking request). Computing it once on the Jdbi's own configuration at
 * start-up means every later Handle copies it ready-made.
 */
public final class DaoWarmup {
    private DaoWarmup() {
    }

    public static void warm(Jdbi jdbi, Class<?>... daoTypes) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> type : daoTypes) {
            extensions.findMetadata(type, sqlObjects);
        }
    }
}
