package com.bookedbarber.platform.db;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Names each statement after its DAO method (a leading comment such as "AppointmentDao.book", seen in
 * pg_stat_activity and the server log) like Dropwizard's NamePrependingTemplateEngine, but as a
 * {@link TemplateEngine.Parsing} engine: Jdbi caches what {@link #parse} returns, so a SQL template
 * is lexed once per process instead of on every execution (the ANTLR lexer was about a tenth of
 * a booking's CPU in the command service).
 */
public final class NamedStatementTemplateEngine implements TemplateEngine.Parsing {
    private final DefinedAttributeTemplateEngine attributes = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        Function<StatementContext, String> body = attributes.parse(template, config).orElse(ctx -> template);
        return Optional.of(ctx -> named(ctx, body.apply(ctx)));
    }

    static String named(StatementContext ctx, String sql) {
        ExtensionMethod method = ctx.getExtensionMethod();
        if (method == null) {
            return sql;
        }
        return "/* " + method.getType().getSimpleName() + "." + method.getMethod().getName() + " */ " + sql;
    }
}
