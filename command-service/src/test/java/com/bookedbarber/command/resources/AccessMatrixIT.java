package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every read endpoint x every kind of caller, own tenant and another: the expected status comes
 * from the rules below, not from a hand-written list of cases.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessMatrixIT {
    static ShopFixture shop;

    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);


    /** Who is asking, relative to the shop that owns the resource. */
    enum Relation { ANONYMOUS, STRANGER, CLIENT, OWNER, MANAGER, BARBER, RECEPTIONIST, OTHER_TENANT_OWNER }

    record Endpoint(String name, String path, Function<Relation, Integer> expected) {
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheRulesSay() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        shop = ShopFixture.create(DB.dataSource(), "Europe/London", 1, 30, 0, 1000);
        ShopFixture otherShop = ShopFixture.create(DB.dataSource(), "Europe/London", 1, 30, 0, 1000);
        Map<Relation, ApiClient> callers = new LinkedHashMap<>();
        callers.put(Relation.ANONYMOUS, api);
        for (Relation r : Relation.values()) {
            if (r == Relation.ANONYMOUS) {
                continue;
            }
            ApiClient.Session session = api.register(r.name());
            switch (r) {
                case OWNER, MANAGER, BARBER, RECEPTIONIST -> shop.addMember(DB.dataSource(), session.userId(),
                        r.name().toLowerCase());
                case OTHER_TENANT_OWNER -> otherShop.addMember(DB.dataSource(), session.userId(), "owner");
                default -> {
                }
            }
            callers.put(r, session.api());
        }
        Instant start = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(3).atTime(10, 0)
                .atZone(java.time.ZoneId.of("Europe/London")).toInstant();
        var booked = callers.get(Relation.CLIENT).post("/api/v2/appointments", Map.of(
                "location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                "start", start.toString()));
        assertThat(booked.status()).isEqualTo(201);
        String appointment = booked.json().get("id").asText();

        List<Endpoint> endpoints = List.of(
                new Endpoint("appointment", "/api/v2/appointments/" + appointment, r -> switch (r) {
                    case ANONYMOUS -> 401;
                    case CLIENT, OWNER, MANAGER, BARBER, RECEPTIONIST -> 200;
                    default -> 404;
                }),
                analytics("hourly-bookings"), analytics("daily-revenue"), analytics("summary"),
                new Endpoint("payments of the location", "/api/v2/payments?location_id=" + shop.locationId(),
                        r -> switch (r) {
                            case ANONYMOUS -> 401;
                            case OWNER, MANAGER, BARBER, RECEPTIONIST -> 200;
                            default -> 404;
                        }));

        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            callers.forEach((relation, client) -> {
                int status = client.get(endpoint.path()).status();
                int expected = endpoint.expected().apply(relation);
                if (status != expected) {
                    mismatches.add(endpoint.name() + " as " + relation + ": " + status + ", expected " + expected);
                }
            });
        }
        assertThat(mismatches).isEmpty();
        assertThat(endpoints.size() * callers.size()).isEqualTo(40);
    }

    /** Analytics: the location's owner and managers only; other staff 403, everyone else 404. */
    static Endpoint analytics(String report) {
        return new Endpoint(report, "/api/v2/analytics/locations/" + shop.locationId() + "/" + report
                + "?from=2026-01-01&to=2026-01-31", r -> switch (r) {
                    case ANONYMOUS -> 401;
                    case OWNER, MANAGER -> 200;
                    case BARBER, RECEPTIONIST -> 403;
                    default -> 404;
                });
    }
}
