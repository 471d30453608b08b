package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.EventSchemas;
import com.bookedbarber.command.MfaSessions;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A shop set up through the API only, then booked, changed and listed the way users do. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BookingDomainIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static ApiClient api;
    static ApiClient owner;
    static ApiClient barber;
    static UUID barberId;
    static ApiClient client;
    static String locationId;
    static String serviceId;
    static String slug;
    /** A Tuesday 2 to 8 days ahead: with up to 3 weeks added still inside the 30-day max advance. */
    static LocalDate day;


    @BeforeAll
    static void shopThroughTheApi() {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        ApiClient.Session ownerSession = api.register("Shop Owner");
        owner = ownerSession.api();
        slug = "cuts-" + UUID.randomUUID().toString().substring(0, 8);
        Result badZone = owner.post("/api/v2/locations", Map.of("name", "X", "slug", slug, "timezone", "Mars/Olympus",
                "currency", "USD"));
        assertThat(badZone.status()).isEqualTo(422);
        Result location = owner.post("/api/v2/locations", Map.of("name", "Chicago Cuts", "slug", slug,
                "timezone", "America/Chicago", "currency", "USD", "cancellation_policy",
                Map.of("full_refund_hours", 12, "late_refund_percent", 25)));
        assertThat(location.status()).isEqualTo(201);
        assertThat(location.json().get("slot_minutes").asInt()).isEqualTo(30);
        assertThat(location.json().get("cancellation_policy").get("late_refund_percent").asInt()).isEqualTo(25);
        locationId = location.json().get("id").asText();
        assertThat(owner.post("/api/v2/locations", Map.of("name", "Dup", "slug", slug, "timezone", "UTC",
                "currency", "USD")).status()).isEqualTo(409);

        Result service = owner.post("/api/v2/locations/" + locationId + "/services",
                Map.of("name", "Fade", "duration_minutes", 45, "price_cents", 3500, "buffer_minutes", 15));
        assertThat(service.status()).isEqualTo(201);
        serviceId = service.json().get("id").asText();
        assertThat(owner.post("/api/v2/locations/" + locationId + "/services",
                Map.of("name", "Too long", "duration_minutes", 481, "price_cents", 1)).status()).isEqualTo(422);

        ApiClient.Session barberSession = api.register("Shop Barber");
        barber = barberSession.api();
        barberId = barberSession.userId();
        // adding members is sensitive: the owner's session must have passed MFA
        Map<String, Object> member = Map.of("email", barberSession.email(), "role", "barber", "commission_rate", 0.3);
        Result withoutMfa = owner.post("/api/v2/locations/" + locationId + "/members", member);
        assertThat(withoutMfa.status()).isEqualTo(401);
        assertThat(withoutMfa.json().get("error").asText()).isEqualTo("mfa_required");
        owner = withMfa(ownerSession);
        Result added = owner.post("/api/v2/locations/" + locationId + "/members", member);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("commission_rate").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(owner.post("/api/v2/locations/" + locationId + "/members",
                Map.of("email", "nobody@example.com", "role", "barber")).status()).isEqualTo(422);

        // the barber sets their own hours: Tuesdays 09:00-12:00 and 13:00-17:00
        Result hours = barber.method("PUT", "/api/v2/locations/" + locationId + "/barbers/" + barberId + "/hours");
        assertThat(hours.status()).isEqualTo(422);
        Result set = barber.put("/api/v2/locations/" + locationId + "/barbers/" + barberId + "/hours", List.of(
                Map.of("day_of_week", 2, "start", "09:00", "end", "12:00"),
                Map.of("day_of_week", 2, "start", "13:00", "end", "17:00")));
        assertThat(set.status()).isEqualTo(200);
        assertThat(barber.put("/api/v2/locations/" + locationId + "/barbers/" + barberId + "/hours", List.of(
                Map.of("day_of_week", 2, "start", "09:00", "end", "12:00"),
                Map.of("day_of_week", 2, "start", "11:00", "end", "13:00"))).status()).isEqualTo(422);
        client = api.register("Shop Client").api();
        day = LocalDate.now(ZONE).plusDays(1).with(TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY));
    }

    static ApiClient withMfa(ApiClient.Session session) {
        return MfaSessions.verified(api, session);
    }

    static String at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(ZONE).toOffsetDateTime().toString();
    }

    static List<String> localStarts(Result availability) {
        List<String> starts = new ArrayList<>();
        availability.json().get("slots").forEach(s -> starts.add(s.get("local_start").asText().substring(11, 16)));
        return starts;
    }

    String availabilityPath(LocalDate date) {
        return "/api/v2/locations/" + locationId + "/availability?date=" + date + "&service_id=" + serviceId;
    }

    @Test
    void availabilityFollowsHoursBookingsAndTimeOff() {
        LocalDate date = day.plusWeeks(1);
        Result free = client.get(availabilityPath(date));
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.json().get("timezone").asText()).isEqualTo("America/Chicago");
        // 45 min + 15 buffer = 60 min must fit: 09:00..11:00 and 13:00..16:00 on the 30-minute grid
        assertThat(localStarts(free)).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00",
                "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00");

        Result booked = client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 10, 0)));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(barber.post("/api/v2/locations/" + locationId + "/barbers/" + barberId + "/time-off",
                Map.of("start", at(date, 14, 0), "end", at(date, 15, 0), "reason", "dentist")).status()).isEqualTo(201);
        List<String> after = localStarts(client.get(availabilityPath(date)));
        assertThat(after).containsExactly("09:00", "11:00", "13:00", "15:00", "15:30", "16:00");
        Result publicView = api.get("/api/v2/public/locations/" + slug + "/availability?date=" + date
                + "&service_id=" + serviceId);
        assertThat(localStarts(publicView)).isEqualTo(after);

        // any whole minute may be booked when the rules allow it
        assertThat(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 15, 7))).status()).isEqualTo(201);
        assertRejected(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 16, 30))), 422, "outside_hours");
        assertRejected(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 14, 0))), 422, "barber_time_off");
        assertRejected(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 10, 30))), 409, "slot_unavailable");
        assertRejected(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(LocalDate.now(ZONE).plusDays(60), 10, 0))), 422, "beyond_max_advance");
        assertThat(client.get("/api/v2/locations/" + locationId + "/availability?date=someday&service_id=" + serviceId)
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v2/public/locations/no-such-shop/availability?date=" + date + "&service_id=" + serviceId)
                .status()).isEqualTo(404);
    }

    @Test
    void theLifecycleFollowsTheStateMachineWithVersionsAndEvents() throws Exception {
        LocalDate date = day.plusWeeks(2);
        Result booked = client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 9, 0)));
        String id = booked.json().get("id").asText();
        String path = "/api/v2/appointments/" + id;
        assertThat(booked.header("ETag")).contains("\"1\"");

        Result moved = client.post(path + "/reschedule", Map.of("start", at(date, 13, 0)), "If-Match", "\"1\"");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("version").asInt()).isEqualTo(2);
        assertThat(moved.json().get("local_start").asText()).endsWith("13:00:00");
        assertRejected(client.post(path + "/cancel", Map.of(), "If-Match", "\"1\""), 409, "stale_version");
        assertRejected(client.post(path + "/complete", Map.of()), 403, "forbidden");
        assertThat(api.register("Stranger").api().post(path + "/cancel", Map.of()).status()).isEqualTo(404);

        Result cancelled = client.post(path + "/cancel", Map.of("reason", "sick"), "If-Match", "\"2\"");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertRejected(client.post(path + "/cancel", Map.of()), 409, "illegal_transition");
        assertRejected(barber.post(path + "/complete", Map.of()), 409, "illegal_transition");
        // the freed chair can be booked again
        assertThat(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 13, 0))).status()).isEqualTo(201);

        Result other = client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                "start", at(date, 15, 0)));
        assertThat(barber.post("/api/v2/appointments/" + other.json().get("id").asText() + "/no-show", Map.of())
                .json().get("status").asText()).isEqualTo("no_show");

        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.get("event_type").asText())
                .containsExactly("AppointmentBooked", "AppointmentRescheduled", "AppointmentCancelled");
        assertThat(events).extracting(e -> e.get("aggregate_version").asInt()).containsExactly(1, 2, 3);
        JsonNode rescheduled = events.get(1).get("data");
        assertThat(Instant.parse(rescheduled.get("previous_start").asText()))
                .isEqualTo(java.time.OffsetDateTime.parse(at(date, 9, 0)).toInstant());
        assertThat(rescheduled.get("previous_barber_id").asText()).isEqualTo(barberId.toString());
        for (JsonNode event : events) {
            assertThat(EventSchemas.violations(event)).as(event.get("event_type").asText()).isEmpty();
            assertThat(event.toString()).doesNotContain("@example.com");
        }
        assertThat(EventSchemas.violations(events(other.json().get("id").asText()).get(1))).isEmpty();
    }

    @Test
    void aBookingThatWouldWaitLongOnALockedChairGivesUpWith503() throws Exception {
        Map<String, Object> booking = Map.of("location_id", locationId, "service_id", serviceId,
                "barber_id", barberId.toString(), "start", at(day.plusWeeks(3), 11, 0));
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // another transaction holds the barber's chair (say, a stuck reschedule)
            s.execute("SELECT 1 FROM location_members WHERE user_id = '" + barberId + "' FOR UPDATE");
            long began = System.nanoTime();
            Result busy = client.post("/api/v2/appointments", booking);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.json().get("error").asText()).isEqualTo("busy");
            assertThat(busy.header("Retry-After")).isPresent();
            // the pool's lock_timeout (2 s in tests) bounds the wait, not the client's patience
            assertThat(System.nanoTime() - began).isLessThan(java.time.Duration.ofSeconds(8).toNanos());
            c.rollback();
        }
        assertThat(client.post("/api/v2/appointments", booking).status()).isEqualTo(201);
    }

    @Test
    void listsPageWithACursorForStaffAndShowClientsTheirOwn() {
        LocalDate date = day;
        Set<String> mine = new HashSet<>();
        for (int hour : new int[] {9, 10, 11, 13, 14}) {
            mine.add(client.post("/api/v2/appointments", Map.of("location_id", locationId, "service_id", serviceId,
                    "start", at(date, hour, 0))).json().get("id").asText());
        }
        String base = "/api/v2/appointments?location_id=" + locationId + "&from=" + at(date, 0, 0).replace("+", "%2B")
                .replace(":", "%3A") + "&to=" + at(date.plusDays(1), 0, 0).replace("+", "%2B").replace(":", "%3A")
                + "&limit=2";
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Result page = barber.get(base + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(client.get(base).status()).isEqualTo(404);
        assertThat(client.get("/api/v2/appointments?limit=200").json().get("items")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(barber.get(base + "&cursor=garbage").status()).isEqualTo(400);
        assertThat(barber.get(base + "&status=maybe").status()).isEqualTo(400);
        assertThat(barber.get(base + "&status=confirmed").json().get("items")).hasSize(2);
    }

    @Test
    void guestsBookBySlugAndGetAnUnguessableConfirmationCode() throws Exception {
        LocalDate date = day.plusWeeks(3);
        Result guest = api.post("/api/v2/public/locations/" + slug + "/bookings", Map.of("service_id", serviceId,
                "start", at(date, 9, 30), "guest", Map.of("name", "Walk In", "email", "walkin@example.com")));
        assertThat(guest.status()).isEqualTo(201);
        assertThat(guest.json().get("confirmation_code").asText()).matches("[A-Z0-9]{8}");
        assertThat(guest.json().get("client_id").isNull()).isTrue();
        assertThat(api.post("/api/v2/public/locations/" + slug + "/bookings", Map.of("service_id", serviceId,
                "start", at(date, 9, 30), "guest", Map.of("name", "", "email", "x@example.com"))).status()).isEqualTo(422);
        assertThat(api.post("/api/v2/public/locations/nope/bookings", Map.of("service_id", serviceId,
                "start", at(date, 9, 30), "guest", Map.of("name", "A", "email", "x@example.com"))).status()).isEqualTo(404);
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT guest_email FROM appointments WHERE id = '"
                     + guest.json().get("id").asText() + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("walkin@example.com");
        }
    }

    private static void assertRejected(Result result, int status, String code) {
        assertThat(result.status()).as(result.body()).isEqualTo(status);
        assertThat(result.json().get("error").asText()).isEqualTo(code);
    }

    private static List<JsonNode> events(String aggregateId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT envelope FROM outbox WHERE aggregate_id = '" + aggregateId
                     + "' ORDER BY aggregate_version")) {
            while (rs.next()) {
                events.add(JSON.readTree(rs.getString(1)));
            }
        }
        return events;
    }
}
