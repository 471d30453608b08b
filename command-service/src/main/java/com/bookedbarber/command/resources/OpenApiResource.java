package com.bookedbarber.command.resources;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi.json}: the API's OpenAPI 3 document, built once at start-up. No auth. */
@Path("/openapi.json")
@Hidden
public final class OpenApiResource {
    private final String document;

    public OpenApiResource(String document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return document;
    }
}
