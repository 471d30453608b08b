package com.bookedbarber.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.Topics;
import com.bookedbarber.command.CommandServiceApplication;
import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.EventReader;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two command-service instances on one database and broker: both take commands, exactly one
 * relay publishes, every event reaches Kafka once and each aggregate's events in version order,
 * also when the publishing instance stops and the other takes over.
 */
class TwoInstancesIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final List<DropwizardTestSupport<CommandServiceConfiguration>> INSTANCES = new ArrayList<>();

    static DropwizardTestSupport<CommandServiceConfiguration> start() throws Exception {
        DropwizardTestSupport<CommandServiceConfiguration> instance = new DropwizardTestSupport<>(
                CommandServiceApplication.class, ResourceHelpers.resourceFilePath("test-command-service.yml"),
                ConfigOverride.config("database.url", DB.jdbcUrl()),
                ConfigOverride.config("readDatabase.url", DB.jdbcUrl()),
                ConfigOverride.config("kafka.bootstrapServers", KAFKA.bootstrapServers()),
                ConfigOverride.config("outbox.leaderRetryInterval", "200ms"));
        instance.before();
        INSTANCES.add(instance);
        return instance;
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(DropwizardTestSupport::after);
    }

    static boolean leads(DropwizardTestSupport<CommandServiceConfiguration> instance) {
        return ((Number) instance.getEnvironment().metrics().getGauges().get("outbox.leader").getValue()).intValue() == 1;
    }

    static ApiClient client(DropwizardTestSupport<CommandServiceConfiguration> instance, String token) {
        return new ApiClient("http://127.0.0.1:" + instance.getLocalPort()).withBearer(token);
    }

    @Test
    void bothInstancesTakeCommandsAndEachEventIsPublishedOnceInOrder() throws Exception {
        var first = start();
        var second = start();
        await().atMost(Duration.ofSeconds(10)).until(() -> leads(first) || leads(second));
        assertThat(leads(first) && leads(second)).as("one publisher at a time").isFalse();

        ShopFixture shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 2, 30, 0, 4_000);
        String token = new ApiClient("http://127.0.0.1:" + first.getLocalPort()).post("/api/v2/auth/register",
                Map.of("email", "two-instances-" + shop.locationId() + "@example.com", "password", "two instances, one relay",
                        "name", "Two Instances Client")).json().get("access_token").asText();
        ApiClient viaFirst = client(first, token);
        ApiClient viaSecond = client(second, token);

        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiClient booker = i % 2 == 0 ? viaFirst : viaSecond;
            ApiClient changer = i % 2 == 0 ? viaSecond : viaFirst;
            LocalDate day = LocalDate.now(ZONE).plusDays(2 + i);
            String id = booked(booker.post("/api/v2/appointments", booking(shop, day, 10)));
            assertThat(changer.post("/api/v2/appointments/" + id + "/reschedule",
                    Map.of("start", day.atTime(15, 0).atZone(ZONE).toOffsetDateTime().toString())).status()).isEqualTo(200);
            assertThat(booker.post("/api/v2/appointments/" + id + "/cancel", Map.of("reason", "test")).status())
                    .isEqualTo(200);
            appointments.add(id);
        }
        assertPublishedOnceInOrder(shop, appointments, 3);

        // the publishing instance goes away; the other takes over the relay and the rest is published
        var leader = leads(first) ? first : second;
        var survivor = leader == first ? second : first;
        leader.after();
        INSTANCES.remove(leader);
        await().atMost(Duration.ofSeconds(15)).until(() -> leads(survivor));
        ApiClient viaSurvivor = client(survivor, token);
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(booked(viaSurvivor.post("/api/v2/appointments",
                    booking(shop, LocalDate.now(ZONE).plusDays(14 + i), 11))));
        }
        List<String> all = new ArrayList<>(appointments);
        all.addAll(later);
        Map<String, List<Integer>> versions = assertPublishedOnceInOrder(shop, all, -1);
        later.forEach(id -> assertThat(versions.get(id)).containsExactly(1));
    }

    static Map<String, Object> booking(ShopFixture shop, LocalDate day, int hour) {
        return Map.of("location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                "barber_id", shop.barberIds().get(0).toString(),
                "start", day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime().toString());
    }

    static String booked(ApiClient.Result result) {
        assertThat(result.status()).as(result.body()).isEqualTo(201);
        return result.json().get("id").asText();
    }

    /** Waits for the relay, then checks the topic: each outbox event once, each aggregate's versions ascending. */
    static Map<String, List<Integer>> assertPublishedOnceInOrder(ShopFixture shop, List<String> appointments,
                                                                 int eventsEach) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(shop) == 0);
        long written = outboxRows(shop);
        Map<String, List<Integer>> versions = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        int published = 0;
        for (ConsumerRecord<String, String> record : EventReader.readAll(KAFKA.bootstrapServers(), Topics.APPOINTMENTS)) {
            JsonNode event = JSON.readTree(record.value());
            if (!event.get("location_id").asText().equals(shop.locationId().toString())) {
                continue;
            }
            published++;
            assertThat(eventIds.add(event.get("event_id").asText())).as("published once").isTrue();
            versions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.get("aggregate_version").asInt());
        }
        assertThat(published).isEqualTo(written);
        assertThat(versions.keySet()).containsExactlyInAnyOrderElementsOf(appointments);
        versions.forEach((aggregate, seen) -> {
            assertThat(seen).as(aggregate).isSorted().doesNotHaveDuplicates();
            assertThat(seen.get(0)).isEqualTo(1);
            if (eventsEach > 0) {
                assertThat(seen).hasSize(eventsEach);
            }
        });
        return versions;
    }

    static long unpublished(ShopFixture shop) throws Exception {
        return DB.count("SELECT count(*) FROM outbox WHERE published_at IS NULL AND location_id = '" + shop.locationId() + "'");
    }

    static long outboxRows(ShopFixture shop) throws Exception {
        return DB.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId() + "'");
    }

}
