package com.bookedbarber.command.errors;

import com.bookedbarber.platform.db.SqlStates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database errors that reach a resource. Every primary connection bounds its lock waits
 * ({@code lock_timeout}); running out of it, or losing a deadlock, is a 503 to retry shortly, for
 * every command alike. A data exception (class 22) is a value the input carried that PostgreSQL
 * cannot store: 422. A database that cannot be reached (no connection within the pool's
 * {@code maxWaitForConnection}, a refused or broken connection, a server shutting down or starting
 * up) is a 503 {@code database_unavailable} with Retry-After: the command did not commit (a single
 * transaction either committed before the failure or not at all), so the client may retry it.
 * Anything else is unforeseen: logged, answered 500 without internals.
 */
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);
    private static final long LOG_UNAVAILABLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - LOG_UNAVAILABLE_EVERY_NANOS - 1);

    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(JdbiException e) {
        String state = SqlStates.of(e);
        if (SqlStates.LOCK_NOT_AVAILABLE.equals(state) || SqlStates.DEADLOCK.equals(state)) {
            return retryLater("busy", "Someone else is changing the same data; retry shortly", 1);
        }
        if (state != null && state.startsWith(SqlStates.DATA_EXCEPTION_CLASS)) {
            // the input carried a value validation let through but PostgreSQL cannot store, such as
            // a NUL character in a text field: the client's error, and nothing was written
            return ErrorResponses.of(request.get(), 422, "invalid_value",
                    "A value cannot be stored (for example a NUL character in a text field)", null);
        }
        if (SqlStates.isDatabaseUnavailable(state) || e instanceof ConnectionException) {
            // during an outage every request ends here: one line per few seconds says it all
            long now = System.nanoTime();
            long last = lastUnavailableLog.get();
            if (now - last > LOG_UNAVAILABLE_EVERY_NANOS && lastUnavailableLog.compareAndSet(last, now)) {
                LOG.warn("database unavailable (503 to every request that needs it): {}", e.getMessage());
            }
            return retryLater("database_unavailable", "The database is not reachable or has no free connection at the moment; retry shortly", 2);
        }
        Response response = ErrorResponses.of(request.get(), 500, "internal_error", "Something went wrong on our side", null);
        LOG.error("unhandled database error in request {}", response.getHeaderString("X-Request-Id"), e);
        return response;
    }

    private Response retryLater(String code, String message, int retryAfterSeconds) {
        Response response = ErrorResponses.of(request.get(), 503, code, message, null);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return response;
    }
}
