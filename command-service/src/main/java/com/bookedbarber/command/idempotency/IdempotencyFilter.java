package com.bookedbarber.command.idempotency;

import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.filter.MeasuredFilter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} for create endpoints, per the contract: the first response (status,
 * Location/ETag/Content-Type and the body bytes as written) is stored; the same caller sending
 * the same key and request gets it again with {@code Idempotent-Replayed: true}; another request
 * with that key is 422; a request while the first still runs is 409. A 5xx frees the key. A
 * claim whose request died (process crash) may be taken over after {@code staleAfter}.
 */
public final class IdempotencyFilter extends MeasuredFilter implements WriterInterceptor {
    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = "bookedbarber.idempotency_claim";
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Claim(String scope, String key) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyDao keys;
    private final boolean required;
    private final Clock clock;
    private final Duration staleAfter;

    public IdempotencyFilter(MetricRegistry metrics, Jdbi primary, boolean required, Clock clock, Duration staleAfter) {
        super(metrics, "idempotency");
        // one thread-safe on-demand DAO: each call borrows a pooled connection in autocommit
        this.keys = primary.onDemand(IdempotencyDao.class);
        this.required = required;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            if (required) {
                throw new DomainException(DomainException.Kind.MALFORMED, "idempotency_key_required",
                        "This request needs an " + HEADER + " header");
            }
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            throw DomainException.malformedField(HEADER, "must have 1 to 255 characters");
        }
        byte[] body = readBody(request);
        byte[] hash = hash(request.getMethod(), request.getUriInfo().getPath(), body);
        String scope = request.getSecurityContext().getUserPrincipal() instanceof Caller caller
                ? "user:" + caller.userId() : "anon";
        IdempotencyDao dao = keys;
        if (dao.claim(scope, key, hash) == 1) {
            request.setProperty(CLAIM, new Claim(scope, key));
            return;
        }
        IdempotencyDao.Stored stored = dao.find(scope, key).orElseThrow(
                () -> DomainException.conflict("idempotency_key_in_flight", "Retry: the key was just released"));
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            throw DomainException.invalid("idempotency_key_reused", "This key was used for a different request");
        }
        if ("in_flight".equals(stored.state())) {
            if (dao.takeOver(scope, key, clock.instant().minus(staleAfter).atOffset(ZoneOffset.UTC)) == 1) {
                request.setProperty(CLAIM, new Claim(scope, key));
                return;
            }
            throw DomainException.conflict("idempotency_key_in_flight", "A request with this key is still running");
        }
        request.abortWith(replay(stored));
    }

    @Override
    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            request.removeProperty(CLAIM);
            try {
                keys.release(claim.scope(), claim.key());
            } catch (JdbiException e) {
                // the database that failed the command may refuse this too: the claim stays in
                // flight until staleAfter, when a retry with the key takes it over
                LOG.warn("could not release idempotency key after a {}: {}", response.getStatus(), e.getMessage());
            }
        } else if (!response.hasEntity()) {
            store(claim, response.getStatus(), response.getStringHeaders(), new byte[0]);
            request.removeProperty(CLAIM);
        } else {
            // the body is stored as written, by aroundWriteTo
            response.getHeaders().putSingle("X-Idempotency-Status", String.valueOf(response.getStatus()));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object status = context.getHeaders().getFirst("X-Idempotency-Status");
        Object claimProperty = context.getProperty(CLAIM);
        if (status == null || !(claimProperty instanceof Claim claim)) {
            context.proceed();
            return;
        }
        context.getHeaders().remove("X-Idempotency-Status");
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
        });
        context.proceed();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        context.getHeaders().forEach((name, values) -> headers.put(name, values.stream().map(String::valueOf).toList()));
        store(claim, Integer.parseInt(status.toString()), headers, copy.toByteArray());
    }

    private void store(Claim claim, int status, Map<String, List<String>> headers, byte[] body) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (REPLAYED_HEADERS.stream().anyMatch(h -> h.equalsIgnoreCase(name)) && !values.isEmpty()) {
                kept.put(name, values.get(0));
            }
        });
        try {
            String json = JSON.writeValueAsString(kept);
            keys.complete(claim.scope(), claim.key(), status, json, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JdbiException e) {
            // the command committed and its answer is on its way; only the copy for replays is
            // lost. The claim stays in flight: retries get 409 until staleAfter, then run again
            // and meet the committed state (a taken slot, a paid appointment) instead of a replay
            LOG.warn("could not store the response of idempotency key {}: {}", claim.key(), e.getMessage());
        }
    }

    private static Response replay(IdempotencyDao.Stored stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        try {
            Map<String, String> headers = JSON.readValue(stored.headers(), new TypeReference<>() { });
            headers.forEach(builder::header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stored.body() != null && stored.body().length > 0) {
            builder.entity(stored.body());
        }
        return builder.build();
    }

    private static byte[] readBody(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
