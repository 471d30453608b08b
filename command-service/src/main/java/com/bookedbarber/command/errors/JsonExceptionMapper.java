package com.bookedbarber.command.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Unparseable JSON is 400; well-formed JSON with a wrongly typed field is 422 naming the field.
 * Messages never echo parser internals or Java type names.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ErrorResponses.of(request.get(), 422, "validation_failed", "The request is invalid",
                    List.of(field.replace(".[", "[") + ": has an invalid value"));
        }
        String message = e instanceof JsonMappingException ? "The body does not have the expected shape"
                : "The body is not valid JSON";
        return ErrorResponses.of(request.get(), 400, "bad_json", message, null);
    }
}
