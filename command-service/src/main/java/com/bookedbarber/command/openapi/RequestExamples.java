package com.bookedbarber.command.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.List;
import java.util.Map;

/** Example request bodies for the calls clients make most, shown in the OpenAPI document. */
final class RequestExamples {
    private static final String LOCATION = "0b7c6a52-3f4e-4d8a-9c61-2f1e5b7d9a10";
    private static final String SERVICE = "5e2d8c1a-7b3f-4a6e-8d90-1c2b3a4f5e6d";
    private static final String BARBER = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";
    private static final String APPOINTMENT = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("RegisterRequest", Map.of("email", "sam@example.com", "password", "a long passphrase",
                    "name", "Sam Client", "phone", "+1 555 0100")),
            Map.entry("LoginRequest", Map.of("email", "sam@example.com", "password", "a long passphrase")),
            Map.entry("RefreshRequest", Map.of("refresh_token", "rt_2f1c...")),
            Map.entry("CreateLocationRequest", Map.of("name", "Demo Cuts", "slug", "demo-cuts",
                    "timezone", "America/New_York", "currency", "USD", "min_lead_minutes", 60,
                    "max_advance_days", 60, "slot_minutes", 15)),
            Map.entry("CreateServiceRequest", Map.of("name", "Classic cut", "duration_minutes", 30,
                    "price_cents", 3000, "buffer_minutes", 5)),
            Map.entry("CreateAppointmentRequest", Map.of("location_id", LOCATION, "service_id", SERVICE,
                    "barber_id", BARBER, "start", "2026-12-01T15:30:00-05:00", "notes", "Short on the sides")),
            Map.entry("GuestBookingRequest", Map.of("service_id", SERVICE, "start", "2026-12-01T15:30:00-05:00",
                    "guest", Map.of("name", "Alex Guest", "email", "alex@example.com", "phone", "+1 555 0101"))),
            Map.entry("RescheduleRequest", Map.of("start", "2026-12-02T10:00:00-05:00", "barber_id", BARBER)),
            Map.entry("CancelRequest", Map.of("reason", "Running late, will book again")),
            Map.entry("CreatePaymentRequest", Map.of("appointment_id", APPOINTMENT, "method", "cash", "tip_cents", 500)),
            Map.entry("CreateRefundRequest", Map.of("amount_cents", 1500, "reason", "Client unhappy with the fade")),
            Map.entry("BatchRequest", Map.of("operations", List.of(
                    Map.of("id", "me", "method", "GET", "path", "/api/v2/auth/me"),
                    Map.of("id", "book", "method", "POST", "path", "/api/v2/appointments",
                            "headers", Map.of("Idempotency-Key", "book-2026-12-01-1530"),
                            "body", Map.of("location_id", LOCATION, "service_id", SERVICE,
                                    "start", "2026-12-01T15:30:00-05:00"))))));

    private RequestExamples() {
    }

    static void addTo(OpenAPI api) {
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType json = operation.getRequestBody().getContent().get(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json == null || json.getSchema() == null || json.getSchema().get$ref() == null) {
                return;
            }
            String ref = json.getSchema().get$ref();
            Object example = EXAMPLES.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (example != null) {
                json.setExample(example);
            }
        }));
    }

    static java.util.Set<String> schemas() {
        return EXAMPLES.keySet();
    }
}
