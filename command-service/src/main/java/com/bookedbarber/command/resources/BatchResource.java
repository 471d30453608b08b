package com.bookedbarber.command.resources;

import com.bookedbarber.api.batch.BatchOperation;
import com.bookedbarber.api.batch.BatchRequest;
import com.bookedbarber.api.batch.BatchResponse;
import com.bookedbarber.api.batch.BatchResult;
import com.bookedbarber.command.batch.BatchDispatcher;
import com.bookedbarber.command.core.DomainException;
import com.codahale.metrics.annotation.Timed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * {@code POST /api/v2/batch}: runs up to 50 operations in order; one failing does not fail the
 * others. The whole batch is refused (422, nothing run) only when an operation is malformed.
 */
@Path("/api/v2/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BatchResource {
    private final BatchDispatcher dispatcher;

    public BatchResource(BatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Timed
    public BatchResponse run(@NotNull @Valid BatchRequest batch, @Context ContainerRequest request,
                             @Context HttpServletRequest servlet) {
        List<URI> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (BatchOperation operation : batch.operations()) {
            if (!ids.add(operation.id())) {
                throw DomainException.invalid("duplicate_operation_id", "Operation id '" + operation.id() + "' is used twice");
            }
            if (operation.headers() != null && !operation.headers().keySet().stream().allMatch(BatchDispatcher::allowedHeader)) {
                throw DomainException.invalid("header_not_allowed",
                        "An operation may set only Idempotency-Key, If-Match and If-None-Match");
            }
            targets.add(BatchDispatcher.target(request.getBaseUri(), operation.path()).orElseThrow(() ->
                    DomainException.invalid("invalid_path", "Operation '" + operation.id()
                            + "' must target an API path under /api/v2/ other than the batch itself")));
        }
        List<BatchResult> results = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            results.add(dispatcher.run(batch.operations().get(i), targets.get(i), request, servlet.getRemoteAddr()));
        }
        return new BatchResponse(results);
    }
}
