package com.bookedbarber.command.errors;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Bean-validation failures: a body field is 422 with {@code "field: problem"} entries in the
 * JSON names of the contract; a query or path parameter is 400 (malformed request).
 */
public final class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(JerseyViolationException e) {
        List<String> errors = new ArrayList<>();
        boolean bodyOnly = true;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            boolean inBody = ConstraintMessage.isRequestEntity(v, e.getInvocable()).isPresent();
            bodyOnly &= inBody;
            errors.add(fieldName(v.getPropertyPath(), inBody) + ": " + v.getMessage());
        }
        errors.sort(String::compareTo);
        return bodyOnly
                ? ErrorResponses.of(request.get(), 422, "validation_failed", "The request is invalid", errors)
                : ErrorResponses.of(request.get(), 400, "bad_request", "A query or path parameter is invalid", errors);
    }

    /** create.request.locationId -> location_id; a violation on the body itself -> body. */
    private static String fieldName(Path path, boolean inBody) {
        List<String> names = new ArrayList<>();
        String parameter = "parameter";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(snakeCase(node.getName()));
            }
        }
        if (names.isEmpty()) {
            return inBody ? "body" : parameter;
        }
        return String.join(".", names);
    }

    static String snakeCase(String javaName) {
        return javaName == null ? "" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
