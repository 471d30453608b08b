package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /openapi.json: generated from the resources, so it lists exactly the routes the server has. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);

    /** Every route ../shared/api-contract.md names (query strings left out). */
    static final List<String> CONTRACT_ROUTES = List.of(
            "POST /api/v2/auth/register", "POST /api/v2/auth/login", "POST /api/v2/auth/mfa/verify",
            "POST /api/v2/auth/refresh", "POST /api/v2/auth/logout", "GET /api/v2/auth/me",
            "POST /api/v2/auth/mfa/setup", "POST /api/v2/auth/mfa/enable", "POST /api/v2/auth/mfa/disable",
            "POST /api/v2/locations", "GET /api/v2/locations/{id}", "POST /api/v2/locations/{id}/members",
            "POST /api/v2/locations/{id}/services", "GET /api/v2/locations/{id}/services",
            "PUT /api/v2/locations/{id}/barbers/{barberId}/hours", "POST /api/v2/locations/{id}/barbers/{barberId}/time-off",
            "GET /api/v2/locations/{id}/availability", "GET /api/v2/public/locations/{slug}/availability",
            "POST /api/v2/appointments", "POST /api/v2/public/locations/{slug}/bookings", "GET /api/v2/appointments/{id}",
            "GET /api/v2/appointments", "POST /api/v2/appointments/{id}/reschedule", "POST /api/v2/appointments/{id}/cancel",
            "POST /api/v2/appointments/{id}/complete", "POST /api/v2/appointments/{id}/no-show",
            "POST /api/v2/payments", "POST /api/v2/payments/{id}/refunds", "GET /api/v2/payments/{id}",
            "GET /api/v2/payments", "POST /api/v2/webhooks/stripe",
            "GET /api/v2/analytics/locations/{id}/daily-revenue", "GET /api/v2/analytics/locations/{id}/hourly-bookings",
            "GET /api/v2/analytics/locations/{id}/summary", "POST /api/v2/batch", "GET /health");

    static JsonNode document;

    @BeforeAll
    static void fetch() {
        Result response = new ApiClient("http://127.0.0.1:" + APP.getLocalPort()).get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        document = response.json();
    }

    static Set<String> documentedRoutes() {
        return documentedRoutes(document);
    }

    /** "METHOD /path/{param}" of every operation of an OpenAPI document. */
    static Set<String> documentedRoutes(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    /** The routes Jersey actually serves, from the resource model of the running application. */
    static Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : APP.getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (type.isAnnotationPresent(Path.class) && type != OpenApiResource.class) {
                collect(Resource.from(type), "", routes);
            }
        }
        assertThat(routes).hasSizeGreaterThan(30);
        return routes;
    }

    static void collect(Resource resource, String prefix, Set<String> routes) {
        String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    @Test
    void documentsExactlyTheRoutesTheServerServes() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(documentedRoutes()).isEqualTo(servedRoutes());
    }

    @Test
    void everyRouteOfTheContractIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (String route : CONTRACT_ROUTES) {
            String normalized = route.replace("{barberId}", "{barber_id}");
            if (!documentedRoutes().contains(route) && !documentedRoutes().contains(normalized)) {
                missing.add(route);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void authenticatedOperationsRequireTheBearerTokenAndTheCallerIsNoRequestBody() {
        JsonNode me = document.at("/paths/~1api~1v2~1auth~1me/get");
        assertThat(me.get("security").toString()).contains("bearer");
        assertThat(me.has("requestBody")).isFalse();
        JsonNode register = document.at("/paths/~1api~1v2~1auth~1register/post");
        assertThat(register.has("security")).isFalse();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyOperationDocumentsTheErrorBody() {
        document.get("paths").forEach(item -> item.forEach(operation ->
                assertThat(operation.at("/responses/default/content/application~1json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/ErrorBody")));
        assertThat(document.at("/components/schemas/ErrorBody/properties").has("request_id")).isTrue();
    }

    @Test
    void examplesUseOnlyFieldsTheirSchemasDefine() {
        int examples = 0;
        for (JsonNode item : document.get("paths")) {
            for (JsonNode operation : item) {
                JsonNode json = operation.at("/requestBody/content/application~1json");
                if (json.has("example")) {
                    examples++;
                    String ref = json.at("/schema/$ref").asText();
                    JsonNode properties = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1)
                            + "/properties");
                    json.get("example").fieldNames().forEachRemaining(field ->
                            assertThat(properties.has(field)).as(ref + " has " + field).isTrue());
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(10);
        assertThat(document.at("/paths/~1api~1v2~1appointments/post/requestBody/content/application~1json/example/start")
                .asText()).isNotBlank();
    }
}
