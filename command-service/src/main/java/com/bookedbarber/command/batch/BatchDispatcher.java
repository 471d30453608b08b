package com.bookedbarber.command.batch;

import com.bookedbarber.api.batch.BatchOperation;
import com.bookedbarber.api.batch.BatchResult;
import com.bookedbarber.command.ratelimit.ClientAddressFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs batch operations through Jersey in-process, one after another, so each passes exactly the
 * filters, authentication, rate limits and exception mappers bound to its own route, with the
 * batch caller's credentials and client address. Registered as a provider to get Jersey's
 * ApplicationHandler once the container is up.
 */
public final class BatchDispatcher implements ContainerLifecycleListener {
    /** Headers of the batch request every operation inherits: who the caller is. */
    private static final List<String> INHERITED = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE, "X-CSRF-Token",
            HttpHeaders.ACCEPT_LANGUAGE);
    /** Headers an operation may set for itself (lower case). */
    public static final Set<String> PER_OPERATION = Set.of("idempotency-key", "if-match", "if-none-match");
    private static final List<String> RETURNED = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
            "Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    private static final Logger LOG = LoggerFactory.getLogger(BatchDispatcher.class);

    private final ObjectMapper json;
    private volatile ApplicationHandler handler;

    public BatchDispatcher(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void onStartup(Container container) {
        handler = container.getApplicationHandler();
    }

    @Override
    public void onReload(Container container) {
        handler = container.getApplicationHandler();
    }

    @Override
    public void onShutdown(Container container) {
        // nothing held
    }

    /** The operation's target under this API's base URI; empty for a path that would leave {@code /api/v2/}. */
    public static java.util.Optional<URI> target(URI base, String path) {
        if (path.contains("/../") || path.contains("/./") || path.endsWith("/..") || path.contains("//")
                || path.contains("#")) {
            return java.util.Optional.empty();
        }
        try {
            URI target = base.resolve(path.substring(1));
            String relative = base.relativize(target).getRawPath();
            boolean inside = relative.startsWith("api/v2/") && !relative.equals("api/v2/batch")
                    && !relative.startsWith("api/v2/batch/") && !relative.startsWith("api/v2/batch?");
            return inside ? java.util.Optional.of(target) : java.util.Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }

    public BatchResult run(BatchOperation operation, URI target, ContainerRequest batch, String clientAddress) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            ContainerRequest call = new ContainerRequest(batch.getBaseUri(), target, operation.method(),
                    batch.getSecurityContext(), new MapPropertiesDelegate(), handler.getConfiguration());
            for (String name : INHERITED) {
                String value = batch.getHeaderString(name);
                if (value != null) {
                    call.header(name, value);
                }
            }
            if (operation.headers() != null) {
                operation.headers().forEach(call::header);
            }
            call.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            call.setProperty(ClientAddressFilter.PROPERTY, clientAddress);
            if (operation.body() != null && !operation.body().isNull()) {
                byte[] body = json.writeValueAsBytes(operation.body());
                call.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
                call.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
                call.setEntityStream(new ByteArrayInputStream(body));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ContainerResponse response = handler.apply(call, out).get();
            return new BatchResult(operation.id(), response.getStatus(), body(out.toByteArray()), returned(response));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a batch operation", e);
        } catch (ExecutionException | IOException e) {
            // the exception mappers answer every request error; reaching here is a server fault
            LOG.error("batch operation {} failed unexpectedly", operation.id(), e);
            return new BatchResult(operation.id(), 500, json.createObjectNode().put("code", 500)
                    .put("error", "internal_error").put("message", "The operation failed"), Map.of());
        } finally {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }
    }

    private JsonNode body(byte[] bytes) throws IOException {
        return bytes.length == 0 ? null : json.readTree(bytes);
    }

    private static Map<String, String> returned(ContainerResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : RETURNED) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    public static boolean allowedHeader(String name) {
        return PER_OPERATION.contains(name.toLowerCase(Locale.ROOT));
    }
}
