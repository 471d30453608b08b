package com.bookedbarber.command.resources;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/** {@code GET /openapi.json}: the API's OpenAPI 3 document, built on the first request and kept. No auth. */
@Path("/openapi.json")
@Hidden
public final class OpenApiResource {
    private final Supplier<String> build;
    private volatile String document;

    public OpenApiResource(Supplier<String> build) {
        this.build = build;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        String built = document;
        if (built == null) {
            synchronized (this) {
                if (document == null) {
                    document = build.get();
                }
                built = document;
            }
        }
        return built;
    }
}
