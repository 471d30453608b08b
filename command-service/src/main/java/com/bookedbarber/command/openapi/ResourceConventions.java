package com.bookedbarber.command.openapi;

import com.bookedbarber.command.filter.ApiFilterFeature;
import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.auth.Auth;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.ws.rs.Consumes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What our resources say by convention rather than by OpenAPI annotations: an {@code @Auth Caller}
 * parameter is the bearer token (not a request body, as swagger would otherwise assume), and every
 * operation answers errors with the contract's error body.
 */
final class ResourceConventions extends AbstractOpenAPIExtension {
    static final String BEARER = "bearer";

    @Override
    public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
                                               Components components, Consumes classConsumes, Consumes methodConsumes,
                                               boolean includeRequestBody, JsonView jsonViewAnnotation,
                                               Iterator<OpenAPIExtension> chain) {
        if (annotations.stream().anyMatch(a -> a.annotationType() == Auth.class)) {
            return new ResolvedParameter();
        }
        return super.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
                includeRequestBody, jsonViewAnnotation, chain);
    }

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        if (ApiFilterFeature.takesAuth(method)) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        super.decorateOperation(operation, method, chain);
    }

    /** Added after reading: swagger builds the responses after decorating the operation. */
    static void addErrorResponse(Operation operation) {
        operation.getResponses().addApiResponse("default", new ApiResponse()
                .description("Any error (4xx, 503): the contract's error body")
                .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorBody")))));
    }
}
