package com.bookedbarber.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.Topics;
import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.FreePorts;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The projection worker as a separate process, killed with SIGKILL twenty times at random points
 * (during start-up, mid-batch, idle) while bookings keep coming: afterwards the read model
 * reconciles with the primary data with no difference, every event was applied once, and the
 * stored offsets are exactly the topics' end offsets (none skipped).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkerCrashIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> API = SystemUnderTest.commandService(DB, KAFKA);
    static final ZoneId ZONE = ZoneId.of("America/Denver");
    static final int KILLS = Integer.getInteger("crash.kills", 20);

    @Test
    void aWorkerKilledTwentyTimesUnderLoadLosesAndDoublesNothing() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("WorkerCrashIT seed: " + seed);
        Random random = new Random(seed);
        ShopFixture shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 4, 30, 0, 3_000);
        ApiClient client = new ApiClient("http://127.0.0.1:" + API.getLocalPort()).register("Crash Client").api();
        LocalDate first = LocalDate.now(ZONE).plusDays(1);
        String group = "crash-" + UUID.randomUUID();
        int adminPort = FreePorts.next();
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", DB.jdbcUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "WORKER_ADMIN_PORT", String.valueOf(adminPort),
                "WORKER_CONSUMER_GROUP", group));
        Path log = Files.createTempFile("worker-crash-", ".log");

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger booked = new AtomicInteger();
        Thread load = new Thread(() -> {
            for (int k = 0; loading.get(); k++) {
                LocalDate day = first.plusDays(k / (4 * 16) % 20);
                int slot = k % (4 * 16);
                var result = client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                        "service_id", shop.serviceId().toString(), "barber_id", shop.barberIds().get(slot % 4).toString(),
                        "start", day.atTime(9, 0).plusMinutes(30L * (slot / 4)).atZone(ZONE).toOffsetDateTime().toString()));
                if (result.status() == 201) {
                    booked.incrementAndGet();
                }
            }
        }, "crash-load");
        load.start();
        try {
            int running = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                ChildProcess worker = startWorker(env, log);
                // one kill in five during start-up; the others while it consumes, at a random moment
                if (random.nextInt(5) != 0 && awaitReady(adminPort)) {
                    running++;
                }
                Thread.sleep(200 + random.nextInt(3_000));
                worker.kill();
            }
            assertThat(running).as("kills of a running worker").isGreaterThanOrEqualTo(KILLS / 2);
        } finally {
            loading.set(false);
            load.join();
        }
        assertThat(booked.get()).isGreaterThan(50);

        ChildProcess worker = startWorker(env, log);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    DB.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0
                            && DB.count("SELECT count(*) FROM outbox o JOIN projection_applied_events a ON a.event_id = "
                            + "o.event_id WHERE o.location_id = '" + shop.locationId() + "'")
                            == DB.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId() + "'"));
            assertThat(DB.count("SELECT sum(booked) FROM hourly_bookings WHERE location_id = '" + shop.locationId() + "'"))
                    .isEqualTo(booked.get());
            assertThat(reconcile(adminPort, shop, first, first.plusDays(21))).isEqualTo("OK: no differences");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(storedOffsets(group)).isEqualTo(endOffsets()));
            System.out.printf("worker crash: %d bookings under load, %d SIGKILLs; every event applied once "
                    + "(booked count equals the bookings), reconcile without differences, offsets at the end%n",
                    booked.get(), KILLS);
        } finally {
            worker.stop();
        }
    }

    static ChildProcess startWorker(Map<String, String> env, Path log) throws Exception {
        return ChildProcess.startJava("projection-worker", log, env, List.of("-Xmx256m"),
                "com.bookedbarber.projection.ProjectionWorkerApplication", "server",
                new File("config", "projection-worker.yml").getAbsolutePath());
    }

    /** Whether the worker's admin port answered within a minute. */
    static boolean awaitReady(int adminPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                        + "/ping")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        return false;
    }

    static String reconcile(int adminPort, ShopFixture shop, LocalDate from, LocalDate to) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                + "/tasks/reconcile?location_id=" + shop.locationId() + "&from=" + from + "&to=" + to))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    static Map<String, Long> storedOffsets(String group) throws Exception {
        Map<String, Long> offsets = new HashMap<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT topic, partition, next_offset FROM projection_offsets WHERE consumer_group = '" + group + "'")) {
            while (rs.next()) {
                offsets.put(rs.getString(1) + "-" + rs.getInt(2), rs.getLong(3));
            }
        }
        return offsets;
    }

    /** The end offset of every non-empty partition of both topics. */
    static Map<String, Long> endOffsets() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Long> offsets = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            for (String topic : List.of(Topics.APPOINTMENTS, Topics.PAYMENTS)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.endOffsets(partitions).forEach((tp, end) -> {
                    if (end > 0) {
                        offsets.put(tp.topic() + "-" + tp.partition(), end);
                    }
                });
            }
        }
        return offsets;
    }
}
