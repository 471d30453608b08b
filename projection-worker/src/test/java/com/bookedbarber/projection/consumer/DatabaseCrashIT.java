package com.bookedbarber.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.Topics;
import com.bookedbarber.platform.kafka.KafkaFactory;
import com.bookedbarber.testing.RestartablePostgres;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.codahale.metrics.MetricRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL crashes (immediate shutdown: no checkpoint, no final WAL flush) while the worker
 * applies events, against a throwaway server of this test's own. The worker retries while the
 * database is away (a failure no record is to blame for, so nothing is dead-lettered), and
 * afterwards every event is counted once and the stored offsets are the topic's end. With the
 * batches committed asynchronously this test lost 8 of 2,000 events: the crash took back a batch
 * the worker had been told was committed, and its consumer's position had moved past it.
 */
class DatabaseCrashIT {
    private static final int EVENTS = 2_000;

    @Test
    void aDatabaseCrashWhileTheWorkerAppliesLosesDoublesAndDeadLettersNothing() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase db = TestDatabase.createMigratedOn(postgres.serverUrl());
             TestKafka kafka = TestKafka.start(3)) {
            UUID location = UUID.randomUUID();
            String group = "group-" + UUID.randomUUID();
            RollbackCountingApplier counting = new RollbackCountingApplier();
            KafkaFactory factory = factory(kafka);
            ProjectionConsumer consumer = consumer(factory, group, db.dataSource(), counting);
            consumer.start();
            try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
                events.send(bookings(location, EVENTS / 2));
                // crash while the worker is part way through the first half
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> db.count(booked(location)) >= 100);
                postgres.crash();
                events.send(bookings(location, EVENTS / 2));
                // more failed attempts than the three after which a failure no retry cures is isolated
                await().atMost(Duration.ofSeconds(30)).until(() -> counting.failedTransactions() >= 5);
                postgres.restart();

                assertEveryEventCountedOnce(db, factory, group, location);
                assertThat(consumer.isRunning()).isTrue();
            } finally {
                consumer.stop();
            }
        }
    }

    @Test
    void aRebalanceWhileTheDatabaseIsAwayWaitsForItInsteadOfEndingTheConsumers() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase db = TestDatabase.createMigratedOn(postgres.serverUrl());
             TestKafka kafka = TestKafka.start(3)) {
            UUID location = UUID.randomUUID();
            String group = "group-" + UUID.randomUUID();
            KafkaFactory factory = factory(kafka);
            ProjectionConsumer first = consumer(factory, group, db.dataSource(), new RollbackCountingApplier());
            first.start();
            // the second worker's connection attempts are counted: until its partitions are assigned
            // it has nothing to apply, so every attempt is its reading of the stored offsets
            AtomicInteger refused = new AtomicInteger();
            ProjectionConsumer second = consumer(factory, group, counting(db.dataSource(), refused),
                    new RollbackCountingApplier());
            try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
                events.send(bookings(location, EVENTS / 2));
                await().atMost(Duration.ofSeconds(30)).until(() -> db.count(booked(location)) == EVENTS / 2);
                postgres.crash();
                second.start(); // a rebalance: both workers are assigned partitions while the database is away
                await().atMost(Duration.ofSeconds(60)).until(() -> refused.get() >= 3);
                events.send(bookings(location, EVENTS / 2));
                postgres.restart();

                assertEveryEventCountedOnce(db, factory, group, location);
                assertThat(first.isRunning()).isTrue();
                assertThat(second.isRunning()).isTrue();
            } finally {
                second.stop();
                first.stop();
            }
        }
    }

    /** Every event sent counted once, the stored offsets at the topic's end, nothing dead-lettered. */
    private static void assertEveryEventCountedOnce(TestDatabase db, KafkaFactory factory, String group, UUID location) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(db.count(booked(location)))
                .isEqualTo(EVENTS));
        assertThat(db.count("SELECT count(*) FROM projection_appointments WHERE location_id = '" + location + "'"))
                .isEqualTo(EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT coalesce(sum(next_offset), 0) "
                + "FROM projection_offsets WHERE consumer_group = '" + group + "' AND topic = '"
                + Topics.APPOINTMENTS + "'") == endOffsets(factory));
        assertThat(db.count("SELECT count(*) FROM projection_dead_letters")).isZero();
    }

    private static KafkaFactory factory(TestKafka kafka) {
        KafkaFactory factory = new KafkaFactory();
        factory.setBootstrapServers(kafka.bootstrapServers());
        return factory;
    }

    private static ProjectionConsumer consumer(KafkaFactory factory, String group, DataSource dataSource,
                                               EventApplier applier) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        return new ProjectionConsumer(() -> new KafkaConsumer<>(factory.consumerProperties(group)),
                List.of(Topics.APPOINTMENTS, Topics.PAYMENTS), group, jdbi, applier, Duration.ofMillis(100),
                Duration.ofMillis(200), new ProjectionProgress(Clock.systemUTC(), new MetricRegistry()));
    }

    /** The data source, counting the connections it could not open. */
    private static DataSource counting(DataSource dataSource, AtomicInteger refused) {
        return (DataSource) Proxy.newProxyInstance(DatabaseCrashIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("getConnection")) {
                            refused.incrementAndGet();
                        }
                        throw e.getCause();
                    }
                });
    }

    private static String booked(UUID location) {
        return "SELECT coalesce(sum(booked), 0) FROM hourly_bookings WHERE location_id = '" + location + "'";
    }

    private static List<EventEnvelope> bookings(UUID location, int n) {
        Instant start = Instant.parse("2026-12-14T15:00:00Z");
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(TestEvents.appointment("AppointmentBooked", UUID.randomUUID(), location,
                    start.plus(Duration.ofHours(i % 8)), "confirmed", 1));
        }
        return batch;
    }

    private static long endOffsets(KafkaFactory factory) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(factory.consumerProperties("probe"))) {
            var partitions = c.partitionsFor(Topics.APPOINTMENTS).stream()
                    .map(p -> new TopicPartition(Topics.APPOINTMENTS, p.partition())).toList();
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
