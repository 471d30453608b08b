package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.MfaSessions;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every tenant-facing endpoint x every kind of caller, for the shop's own data and as another
 * tenant: the expected status of each cell is generated from the endpoint's access rule, never
 * listed cell by cell. A cell that changes something gets fresh data of its own (an appointment,
 * a payment, a user), so each answer reflects the rule alone. A check against the OpenAPI document
 * makes sure no route escapes the matrix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessMatrixIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);

    /** Routes not about a tenant's data (sign-in and account, transport, operations); each has tests of its own. */
    static final Set<String> OUTSIDE_THE_MATRIX = Set.of("POST /api/v2/auth/register", "POST /api/v2/auth/login",
            "POST /api/v2/auth/refresh", "POST /api/v2/auth/logout", "POST /api/v2/auth/mfa/setup",
            "POST /api/v2/auth/mfa/enable", "POST /api/v2/auth/mfa/verify", "POST /api/v2/auth/mfa/disable",
            "POST /api/v2/batch", "POST /api/v2/webhooks/stripe", "GET /health");

    /** Who is asking, relative to the shop that owns the data. CLIENT booked the appointment concerned. */
    enum Relation { ANONYMOUS, STRANGER, CLIENT, OWNER, MANAGER, BARBER, RECEPTIONIST, OTHER_TENANT_OWNER }

    /** An endpoint's access rule: the status each relation gets, given the status of success. */
    enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in user (a location's public profile, booking anywhere, one's own data). */
        SIGNED_IN,
        /** The location's staff, any role. */
        STAFF,
        /** The location's owners and managers; other staff 403. */
        MANAGERS,
        /** The client of the appointment, or the location's staff. */
        CLIENT_OR_STAFF,
        /** The location's staff; the appointment's own client is known to it but not allowed: 403. */
        STAFF_NOT_CLIENT;

        int expected(Relation r, int success) {
            if (this == PUBLIC) {
                return success;
            }
            if (r == Relation.ANONYMOUS) {
                return 401;
            }
            boolean staff = Set.of(Relation.OWNER, Relation.MANAGER, Relation.BARBER, Relation.RECEPTIONIST).contains(r);
            boolean manager = r == Relation.OWNER || r == Relation.MANAGER;
            return switch (this) {
                case SIGNED_IN -> success;
                case STAFF -> staff ? success : 404;
                case MANAGERS -> manager ? success : staff ? 403 : 404;
                case CLIENT_OR_STAFF -> staff || r == Relation.CLIENT ? success : 404;
                case STAFF_NOT_CLIENT -> staff ? success : r == Relation.CLIENT ? 403 : 404;
                default -> throw new IllegalStateException();
            };
        }
    }

    @FunctionalInterface
    interface Call {
        Result send(ApiClient caller);
    }

    /** One row: the route it exercises (as in the OpenAPI document), its rule, and how to call it freshly. */
    record Endpoint(String route, String variant, Access access, int success, java.util.function.Supplier<Call> fresh) {
        String name() {
            return variant.isEmpty() ? route : route + " (" + variant + ")";
        }
    }

    static ShopFixture shop;
    static ApiClient anonymous;
    static final Map<Relation, ApiClient> CALLERS = new EnumMap<>(Relation.class);
    static final AtomicInteger SLOTS = new AtomicInteger();
    static final Instant FIRST_DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));

    @BeforeAll
    static void callers() {
        shop = ShopFixture.create(DB.dataSource(), "UTC", 2, 30, 0, 4_000);
        ShopFixture otherShop = ShopFixture.create(DB.dataSource(), "UTC", 1, 30, 0, 4_000);
        anonymous = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        CALLERS.put(Relation.ANONYMOUS, anonymous);
        for (Relation r : Relation.values()) {
            if (r == Relation.ANONYMOUS) {
                continue;
            }
            ApiClient.Session session = anonymous.register("Matrix " + r);
            switch (r) {
                case OWNER, MANAGER, BARBER, RECEPTIONIST -> shop.addMember(DB.dataSource(), session.userId(),
                        r.name().toLowerCase());
                case OTHER_TENANT_OWNER -> otherShop.addMember(DB.dataSource(), session.userId(), "owner");
                default -> {
                }
            }
            // every session passed MFA, so refunds answer by role rather than 401 mfa_required
            CALLERS.put(r, MfaSessions.verified(anonymous, session));
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() {
        List<Endpoint> endpoints = endpoints();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            for (Relation relation : Relation.values()) {
                Result answer = endpoint.fresh().get().send(CALLERS.get(relation));
                int expected = endpoint.access().expected(relation, endpoint.success());
                cells++;
                if (answer.status() != expected) {
                    mismatches.add(endpoint.name() + " as " + relation + ": " + answer.status() + " " + answer.body()
                            + ", expected " + expected);
                } else if (expected >= 400) {
                    assertThat(answer.json().get("error").asText()).as(endpoint.name() + " as " + relation).isNotBlank();
                }
            }
        }
        assertThat(mismatches).as("of %d cells", cells).isEmpty();
    }

    @Test
    void theMatrixCoversEveryRouteOfTheOpenApiDocument() {
        Set<String> documented = OpenApiIT.documentedRoutes(anonymous.get("/openapi.json").json());
        Set<String> covered = new TreeSet<>(OUTSIDE_THE_MATRIX);
        endpoints().forEach(e -> covered.add(e.route()));
        assertThat(covered).isEqualTo(documented);
    }

    static List<Endpoint> endpoints() {
        String location = "/api/v2/locations/" + shop.locationId();
        String barber = shop.barberIds().get(0).toString();
        String publicShop = "/api/v2/public/locations/shop-" + shop.locationId();
        String day = FIRST_DAY.plus(Duration.ofDays(2)).toString().substring(0, 10);
        List<Map<String, Object>> fullWeek = IntStream.rangeClosed(1, 7)
                .mapToObj(d -> Map.<String, Object>of("day_of_week", d, "start", "00:00", "end", "23:59")).toList();
        return List.of(
                new Endpoint("POST /api/v2/locations", "", Access.SIGNED_IN, 201, () -> {
                    String slug = "matrix-" + UUID.randomUUID();
                    return c -> c.post("/api/v2/locations", Map.of("name", "Matrix shop", "slug", slug,
                            "timezone", "Europe/Paris", "currency", "EUR"));
                }),
                new Endpoint("GET /api/v2/locations/{id}", "", Access.SIGNED_IN, 200, () -> c -> c.get(location)),
                new Endpoint("GET /api/v2/locations/{id}/services", "", Access.SIGNED_IN, 200,
                        () -> c -> c.get(location + "/services")),
                new Endpoint("GET /api/v2/locations/{id}/availability", "", Access.SIGNED_IN, 200,
                        () -> c -> c.get(location + "/availability?date=" + day + "&service_id=" + shop.serviceId())),
                new Endpoint("POST /api/v2/locations/{id}/members", "", Access.MANAGERS, 201, () -> {
                    String email = newUser();
                    return c -> c.post(location + "/members", Map.of("email", email, "role", "receptionist"));
                }),
                new Endpoint("POST /api/v2/locations/{id}/services", "", Access.MANAGERS, 201,
                        () -> c -> c.post(location + "/services", Map.of("name", "Matrix cut", "duration_minutes", 30,
                                "price_cents", 2_000))),
                new Endpoint("PUT /api/v2/locations/{id}/barbers/{barberId}/hours", "", Access.MANAGERS, 200,
                        () -> c -> c.put(location + "/barbers/" + barber + "/hours", fullWeek)),
                new Endpoint("POST /api/v2/locations/{id}/barbers/{barberId}/time-off", "", Access.MANAGERS, 201,
                        () -> {
                            Instant off = FIRST_DAY.plus(Duration.ofDays(20));
                            return c -> c.post(location + "/barbers/" + barber + "/time-off", Map.of(
                                    "start", off.toString(), "end", off.plus(Duration.ofHours(1)).toString()));
                        }),
                new Endpoint("POST /api/v2/appointments", "", Access.SIGNED_IN, 201, () -> {
                    Instant start = nextSlot();
                    return c -> c.post("/api/v2/appointments", booking(start));
                }),
                new Endpoint("GET /api/v2/appointments", "the caller's own", Access.SIGNED_IN, 200,
                        () -> c -> c.get("/api/v2/appointments")),
                new Endpoint("GET /api/v2/appointments", "a location's", Access.STAFF, 200,
                        () -> c -> c.get("/api/v2/appointments?location_id=" + shop.locationId())),
                new Endpoint("GET /api/v2/appointments/{id}", "", Access.CLIENT_OR_STAFF, 200, () -> {
                    String id = bookAsClient();
                    return c -> c.get("/api/v2/appointments/" + id);
                }),
                new Endpoint("POST /api/v2/appointments/{id}/reschedule", "", Access.CLIENT_OR_STAFF, 200, () -> {
                    String id = bookAsClient();
                    Instant to = nextSlot();
                    return c -> c.post("/api/v2/appointments/" + id + "/reschedule", Map.of("start", to.toString()));
                }),
                new Endpoint("POST /api/v2/appointments/{id}/cancel", "", Access.CLIENT_OR_STAFF, 200, () -> {
                    String id = bookAsClient();
                    return c -> c.post("/api/v2/appointments/" + id + "/cancel", Map.of());
                }),
                new Endpoint("POST /api/v2/appointments/{id}/complete", "", Access.STAFF_NOT_CLIENT, 200, () -> {
                    String id = bookAsClient();
                    return c -> c.post("/api/v2/appointments/" + id + "/complete", Map.of());
                }),
                new Endpoint("POST /api/v2/appointments/{id}/no-show", "", Access.STAFF_NOT_CLIENT, 200, () -> {
                    String id = bookAsClient();
                    return c -> c.post("/api/v2/appointments/" + id + "/no-show", Map.of());
                }),
                new Endpoint("POST /api/v2/payments", "cash", Access.STAFF_NOT_CLIENT, 201, () -> {
                    String id = bookAsClient();
                    return c -> c.post("/api/v2/payments", Map.of("appointment_id", id, "method", "cash"),
                            "Idempotency-Key", UUID.randomUUID().toString());
                }),
                new Endpoint("GET /api/v2/payments", "", Access.STAFF, 200,
                        () -> c -> c.get("/api/v2/payments?location_id=" + shop.locationId())),
                new Endpoint("GET /api/v2/payments/{id}", "", Access.CLIENT_OR_STAFF, 200, () -> {
                    String payment = paidInCash();
                    return c -> c.get("/api/v2/payments/" + payment);
                }),
                new Endpoint("POST /api/v2/payments/{id}/refunds", "", Access.MANAGERS, 201, () -> {
                    String payment = paidInCash();
                    return c -> c.post("/api/v2/payments/" + payment + "/refunds", Map.of("amount_cents", 500),
                            "Idempotency-Key", UUID.randomUUID().toString());
                }),
                analytics("daily-revenue"), analytics("hourly-bookings"), analytics("summary"),
                new Endpoint("GET /api/v2/auth/me", "", Access.SIGNED_IN, 200, () -> c -> c.get("/api/v2/auth/me")),
                new Endpoint("GET /api/v2/public/locations/{slug}/availability", "", Access.PUBLIC, 200,
                        () -> c -> c.get(publicShop + "/availability?date=" + day + "&service_id=" + shop.serviceId())),
                new Endpoint("POST /api/v2/public/locations/{slug}/bookings", "", Access.PUBLIC, 201, () -> {
                    Instant start = nextSlot();
                    return c -> c.post(publicShop + "/bookings", Map.of("service_id", shop.serviceId().toString(),
                            "start", start.toString(), "guest", Map.of("name", "Guest", "email", "guest@example.com")),
                            "Idempotency-Key", UUID.randomUUID().toString());
                }));
    }

    static Endpoint analytics(String report) {
        return new Endpoint("GET /api/v2/analytics/locations/{id}/" + report, "", Access.MANAGERS, 200,
                () -> c -> c.get("/api/v2/analytics/locations/" + shop.locationId() + "/" + report
                        + "?from=2026-01-01&to=2026-01-31"));
    }

    /** The next free half hour; the barbers work 00:00-23:59, so a day has 47 of them. */
    static Instant nextSlot() {
        int k = SLOTS.getAndIncrement();
        return FIRST_DAY.plus(Duration.ofDays(k / 47)).plus(Duration.ofMinutes(30L * (k % 47)));
    }

    static Map<String, Object> booking(Instant start) {
        Map<String, Object> body = new HashMap<>(Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "start", start.toString()));
        return body;
    }

    /** A fresh appointment of the shop, booked by the CLIENT. */
    static String bookAsClient() {
        Result booked = CALLERS.get(Relation.CLIENT).post("/api/v2/appointments", booking(nextSlot()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asText();
    }

    /** A fresh appointment of the CLIENT, paid in cash at the desk (taken by the owner); the payment's id. */
    static String paidInCash() {
        Result paid = CALLERS.get(Relation.OWNER).post("/api/v2/payments", Map.of("appointment_id", bookAsClient(),
                "method", "cash"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json().get("id").asText();
    }

    /** A user who exists and belongs to no shop yet; their e-mail. */
    static String newUser() {
        String email = "matrix-" + UUID.randomUUID() + "@example.com";
        try (Connection c = DB.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO users (id, email, name) VALUES (?, ?, 'Matrix user')")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, email);
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return email;
    }
}
