package com.bookedbarber.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.platform.kafka.KafkaFactory;
import com.bookedbarber.testing.EventReader;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.bookedbarber.api.events.Topics;
import com.codahale.metrics.MetricRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several command-service instances: exactly one relay publishes, another takes over when it stops or loses its lock. */
class OutboxRelayIT {
    static TestDatabase db;
    static TestKafka kafka;
    static Jdbi jdbi;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.createMigrated();
        kafka = TestKafka.start(3);
        jdbi = Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
        db.close();
    }

    @Test
    void oneLeaderPublishesAndAStandbyTakesOver() throws Exception {
        withTwoRelays((first, second) -> {
            // the standby retries every 100 ms; it must stay standby while the leader lives
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .until(() -> first.isLeader() != second.isLeader());
            OutboxRelay leader = first.isLeader() ? first : second;
            OutboxRelay standby = leader == first ? second : first;

            UUID a = insertEvent();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(a));

            leader.stop();
            await().atMost(Duration.ofSeconds(10)).until(standby::isLeader);
            UUID b = insertEvent();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(b));
            var keys = EventReader.readAll(kafka.bootstrapServers(), Topics.APPOINTMENTS).stream()
                    .map(r -> r.key()).toList();
            assertThat(keys).containsOnlyOnce(a.toString(), b.toString());
        });
    }

    @Test
    void aLeaderWhoseLockConnectionDiesStopsPublishing() throws Exception {
        withTwoRelays((first, second) -> {
            long lockHolder = leadershipBackend();

            // the leader's lock goes with its connection; its pooled publishing connections live on
            jdbi.useHandle(h -> h.execute("SELECT pg_terminate_backend(?::int)", lockHolder));

            // within its once-a-second check it notices and stops: one publisher again, not two
            await().atMost(Duration.ofSeconds(10)).until(() -> leadershipBackend() != lockHolder);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                    .until(() -> first.isLeader() != second.isLeader());
            UUID event = insertEvent();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(event));
            assertThat(EventReader.readAll(kafka.bootstrapServers(), Topics.APPOINTMENTS).stream()
                    .filter(r -> r.key().equals(event.toString()))).hasSize(1);
        });
    }

    @FunctionalInterface
    private interface TwoRelays {
        void run(OutboxRelay first, OutboxRelay second) throws Exception;
    }

    /** Two instances' relays, started, one of them leading; stopped after {@code test}. */
    private static void withTwoRelays(TwoRelays test) throws Exception {
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeader() || second.isLeader());
            test.run(first, second);
        } finally {
            first.stop();
            second.stop();
        }
    }

    /** The backend holding the relay's advisory lock, or 0 while none does. */
    private static long leadershipBackend() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(pid), 0) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND granted AND ((classid::bigint << 32) | objid::bigint) = :key")
                .bind("key", OutboxRelay.LEADER_LOCK_KEY).mapTo(Long.class).one());
    }

    private static boolean published(UUID aggregate) {
        return jdbi.withHandle(h -> h.createQuery("SELECT published_at IS NOT NULL FROM outbox WHERE aggregate_id = :id")
                .bind("id", aggregate).mapTo(Boolean.class).one());
    }

    private static UUID insertEvent() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Appointment appointment = new Appointment(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                now, now.plusSeconds(1800), now.plusSeconds(1800), AppointmentStatus.CONFIRMED, 1000, "USD", null,
                "ABCDEFGH", 1, now, now);
        jdbi.useExtension(OutboxDao.class, dao -> dao.insert(
                EventFactory.appointment(EventType.AppointmentBooked, appointment, ZoneId.of("UTC"), null, now)));
        return id;
    }

    private static OutboxRelay relay() {
        KafkaFactory kafkaConfig = new KafkaFactory();
        kafkaConfig.setBootstrapServers(kafka.bootstrapServers());
        OutboxConfiguration config = new OutboxConfiguration();
        config.setLeaderRetryInterval(io.dropwizard.util.Duration.milliseconds(100));
        return new OutboxRelay(jdbi, () -> DriverManager.getConnection(db.jdbcUrl()),
                new KafkaProducer<>(kafkaConfig.producerProperties()), config, new MetricRegistry());
    }
}
