package com.bookedbarber.command.openapi;

import com.bookedbarber.api.errors.ErrorBody;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.DefaultParameterExtension;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI 3 document of the API, generated once from the JAX-RS resources (swagger-core) so
 * it cannot drift from the routes, then completed with what annotations do not say: the bearer
 * scheme (see {@link ResourceConventions}), the contract's error body as every operation's
 * default response, and request examples.
 */
public final class ApiDocument {
    private ApiDocument() {
    }

    public static String json(Set<Class<?>> resources) {
        OpenAPIExtensions.setExtensions(List.of(new ResourceConventions(), new DefaultParameterExtension()));
        OpenAPI base = new OpenAPI().info(new Info().title("BookedBarber API").version("v2")
                        .description("Bookings, payments and analytics for barbershops. Every error has the body "
                                + "ErrorBody; every response but /health carries X-Request-Id; POSTs that create "
                                + "accept an Idempotency-Key header (required for payments and refunds)."))
                .components(new Components().addSecuritySchemes(ResourceConventions.BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base).sortOutput(true)).read(resources);
        ModelConverters.getInstance().readAll(ErrorBody.class).forEach(api.getComponents()::addSchemas);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(ResourceConventions::addErrorResponse));
        RequestExamples.addTo(api);
        return Json.pretty(api);
    }
}
