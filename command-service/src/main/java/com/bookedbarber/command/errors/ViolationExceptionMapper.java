package com.bookedbarber.command.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Bean-validation failures: a body field is 422 with {@code "field: problem"} entries in the
 * JSON names of the contract; a query or path parameter is 400 (malformed request).
 */
public final class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
    @Context
    private ContainerRequestContext request;

    @Override
    public Response toResponse(JerseyViolationException e) {
        List<String> errors = new ArrayList<>();
        boolean bodyOnly = true;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            Field field = field(v.getPropertyPath());
            bodyOnly &= field.inBody();
            errors.add(field.name() + ": " + v.getMessage());
        }
        errors.sort(String::compareTo);
        return bodyOnly
                ? ErrorResponses.of(request, 422, "validation_failed", "The request is invalid", errors)
                : ErrorResponses.of(request, 400, "bad_request", "A query or path parameter is invalid", errors);
    }

    private record Field(String name, boolean inBody) {
    }

    /** method.arg0.locationId -> location_id (body); method.from -> from (parameter). */
    private static Field field(Path path) {
        List<String> names = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE -> {
                }
                case PARAMETER -> inBody = node.getName().startsWith("arg") || "entity".equals(node.getName());
                default -> names.add(snakeCase(node.getName()));
            }
        }
        if (names.isEmpty()) {
            return new Field(inBody ? "body" : lastName(path), inBody);
        }
        return new Field(String.join(".", names), inBody);
    }

    private static String lastName(Path path) {
        String last = "parameter";
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }

    static String snakeCase(String javaName) {
        return javaName == null ? "" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
