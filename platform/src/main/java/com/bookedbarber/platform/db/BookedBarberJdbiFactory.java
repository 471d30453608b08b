package com.bookedbarber.platform.db;

import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;

/** Dropwizard's Jdbi (pool, health check, per-statement timers) with statement templates parsed once. */
public final class BookedBarberJdbiFactory extends JdbiFactory {
    @Override
    protected void configure(Jdbi jdbi) {
        super.configure(jdbi);
        jdbi.setTemplateEngine(new NamedStatementTemplateEngine());
    }
}
