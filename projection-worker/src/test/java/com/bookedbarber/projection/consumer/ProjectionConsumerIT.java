package com.bookedbarber.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.Topics;
import com.bookedbarber.platform.kafka.KafkaFactory;
import com.bookedbarber.projection.db.SwapGateDao;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.codahale.metrics.MetricRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The consume loop against a real broker and database: exactly-once in effect. */
class ProjectionConsumerIT {
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
    void appliesStatusChangesAndReschedulesAndIgnoresDuplicatesAndStaleEvents() throws Exception {
        UUID location = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        // 14:00 and 15:00 in New York (EST, UTC-5) on 2026-12-01
        Instant two = Instant.parse("2026-12-01T19:00:00Z");
        Instant three = Instant.parse("2026-12-01T20:00:00Z");
        EventEnvelope bookedA = TestEvents.appointment("AppointmentBooked", a, location, two, "confirmed", 1);
        EventEnvelope movedA = TestEvents.appointment("AppointmentRescheduled", a, location, three, "confirmed", 2);
        EventEnvelope bookedB = TestEvents.appointment("AppointmentBooked", b, location, two, "confirmed", 1);
        EventEnvelope completedB = TestEvents.appointment("AppointmentCompleted", b, location, two, "completed", 2);
        EventEnvelope staleB = TestEvents.appointment("AppointmentBooked", b, location, two, "confirmed", 1);

        try (VersionAnnouncements announced = new VersionAnnouncements(db.jdbcUrl())) {
            whileConsuming("group-" + UUID.randomUUID(), new EventApplier(new MetricRegistry()), (events, consumer) -> {
                events.send(List.of(bookedA, bookedB, movedA, completedB, bookedA, completedB, staleB));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(hour(location, 14)).isEqualTo("0/0/1/0");
                    assertThat(hour(location, 15)).isEqualTo("1/0/0/0");
                });
                assertThat(count("SELECT count(*) FROM projection_applied_events")).isGreaterThanOrEqualTo(4);
                assertThat(query("SELECT as_of FROM projection_locations WHERE location_id = '" + location + "'"))
                        .startsWith("2026-11-29 10:00:02");
                // every batch that moved the location's version announced it (the analytics cache keys on it)
                long version = count("SELECT version FROM projection_locations WHERE location_id = '" + location + "'");
                await().atMost(Duration.ofSeconds(5)).until(() -> announced.of(location).contains(version));
                assertThat(announced.of(location)).isSorted().doesNotHaveDuplicates();
            });
        }
    }

    @Test
    void everyEventTypeDeliveredTwiceAndInterleavedCountsExactlyAsDeliveredOnceInOrder() throws Exception {
        UUID inOrder = UUID.randomUUID();
        UUID scrambled = UUID.randomUUID();
        long seed = Long.getLong("delivery.seed", System.nanoTime());
        Random random = new Random(seed);
        List<List<EventEnvelope>> once = histories(inOrder, seed);
        List<List<EventEnvelope>> again = histories(scrambled, seed);

        // the second location's events: interleaved across aggregates (each aggregate's own order
        // kept, as Kafka keeps it per key), every event redelivered once more at a random later
        // point, and the first half of everything sent yet again at the end (a relay takeover)
        List<EventEnvelope> deliveries = new ArrayList<>();
        List<Deque<EventEnvelope>> pending = new ArrayList<>();
        again.forEach(h -> pending.add(new ArrayDeque<>(h)));
        while (!pending.isEmpty()) {
            Deque<EventEnvelope> next = pending.get(random.nextInt(pending.size()));
            deliveries.add(next.poll());
            if (next.isEmpty()) {
                pending.remove(next);
            }
        }
        List<EventEnvelope> withDuplicates = new ArrayList<>(deliveries);
        for (EventEnvelope e : deliveries) {
            int at = withDuplicates.indexOf(e) + 1;
            withDuplicates.add(at + random.nextInt(withDuplicates.size() - at + 1), e);
        }
        withDuplicates.addAll(deliveries.subList(0, deliveries.size() / 2));

        String group = "group-" + UUID.randomUUID();
        whileConsuming(group, new EventApplier(new MetricRegistry()), (events, consumer) -> {
            events.send(once.stream().flatMap(List::stream).toList());
            events.send(withDuplicates);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT coalesce(sum(next_offset), 0) FROM "
                    + "projection_offsets WHERE consumer_group = '" + group + "'") == endOffsets(Topics.APPOINTMENTS)
                    + endOffsets(Topics.PAYMENTS));
        });
        String hours = "SELECT string_agg(local_date || ' ' || local_hour || ': ' || booked || '/' || cancelled || '/' "
                + "|| completed || '/' || no_show, ', ' ORDER BY local_date, local_hour) FROM hourly_bookings "
                + "WHERE location_id = '%s'";
        String revenue = "SELECT string_agg(local_date || ' ' || currency || ': ' || gross_cents || '/' || refunded_cents "
                + "|| '/' || payments || '/' || refunds, ', ' ORDER BY local_date, currency) FROM daily_revenue "
                + "WHERE location_id = '%s'";
        String expectedHours = query(String.format(hours, inOrder));
        String expectedRevenue = query(String.format(revenue, inOrder));
        // the histories reach every column: each status, a reschedule to another day, refunds
        assertThat(count("SELECT sum(booked) * sum(cancelled) * sum(completed) * sum(no_show) FROM hourly_bookings "
                + "WHERE location_id = '" + inOrder + "'")).isPositive();
        assertThat(count("SELECT sum(payments) * sum(refunds) FROM daily_revenue WHERE location_id = '" + inOrder + "'"))
                .isPositive();
        assertThat(query(String.format(hours, scrambled))).as("seed %d", seed).isEqualTo(expectedHours);
        assertThat(query(String.format(revenue, scrambled))).as("seed %d", seed).isEqualTo(expectedRevenue);
    }

    /**
     * Per aggregate, its events in version order, one history of each shape for every event type:
     * booked then cancelled, no-show, rescheduled to another day then completed or cancelled, or
     * left booked; paid then refunded or disputed, failed, or left paid. The same seed gives the
     * same shapes and times for any location.
     */
    private static List<List<EventEnvelope>> histories(UUID location, long seed) {
        Random random = new Random(seed);
        List<List<EventEnvelope>> histories = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            Instant start = Instant.parse("2026-12-03T14:00:00Z").plus(Duration.ofHours(random.nextInt(10)));
            Instant later = start.plus(Duration.ofDays(1 + random.nextInt(3)));
            histories.add(appointment(location, List.of("AppointmentBooked", "AppointmentCancelled"), start, start));
            histories.add(appointment(location, List.of("AppointmentBooked", "AppointmentNoShow"), start, start));
            histories.add(appointment(location, List.of("AppointmentBooked", "AppointmentRescheduled",
                    "AppointmentCompleted"), start, later));
            histories.add(appointment(location, List.of("AppointmentBooked", "AppointmentRescheduled",
                    "AppointmentCancelled"), start, later));
            histories.add(appointment(location, List.of("AppointmentBooked"), start, start));
            long amount = 1000 + 100L * random.nextInt(50);
            Instant paid = start.plus(Duration.ofMinutes(40));
            Instant refundedAt = paid.plus(Duration.ofDays(1 + random.nextInt(2)));
            String zone = "America/New_York";
            String currency = copy % 2 == 0 ? "USD" : "EUR";
            UUID refunded = UUID.randomUUID();
            UUID disputed = UUID.randomUUID();
            UUID failed = UUID.randomUUID();
            UUID kept = UUID.randomUUID();
            histories.add(List.of(TestEvents.payment("PaymentCompleted", refunded, location, currency, zone, amount, 0, paid, 1),
                    TestEvents.payment("PaymentRefunded", refunded, location, currency, zone, amount, amount / 4,
                            refundedAt, 2)));
            histories.add(List.of(TestEvents.payment("PaymentCompleted", disputed, location, currency, zone, amount, 0, paid, 1),
                    TestEvents.payment("PaymentDisputed", disputed, location, currency, zone, amount, 0, refundedAt, 2)));
            histories.add(List.of(TestEvents.payment("PaymentFailed", failed, location, currency, zone, amount, 0, paid, 1)));
            histories.add(List.of(TestEvents.payment("PaymentCompleted", kept, location, currency, zone, amount, 0, paid, 1)));
        }
        return histories;
    }

    /** One appointment's events; the start moves to {@code movedTo} at a reschedule. */
    private static List<EventEnvelope> appointment(UUID location, List<String> types, Instant start, Instant movedTo) {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        Instant current = start;
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            current = type.equals("AppointmentRescheduled") ? movedTo : current;
            String status = switch (type) {
                case "AppointmentCancelled" -> "cancelled";
                case "AppointmentCompleted" -> "completed";
                case "AppointmentNoShow" -> "no_show";
                default -> "confirmed";
            };
            events.add(TestEvents.appointment(type, id, location, current, status, i + 1));
        }
        return events;
    }

    @Test
    void aLaterBatchMovesCountsOutOfCellsWrittenByAnEarlierOne() throws Exception {
        UUID location = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        Instant two = Instant.parse("2026-12-08T19:00:00Z");
        whileConsuming("group-" + UUID.randomUUID(), new EventApplier(new MetricRegistry()), (events, consumer) -> {
            events.send(List.of(TestEvents.appointment("AppointmentBooked", a, location, two, "confirmed", 1)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(hour(location, 14)).isEqualTo("1/0/0/0"));
            // a separate poll: booked -1 and completed +1 on an existing cell (a negative delta)
            events.send(List.of(TestEvents.appointment("AppointmentCompleted", a, location, two, "completed", 2)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(hour(location, 14)).isEqualTo("0/0/1/0"));
        });
    }

    @Test
    void aRecordTheDatabaseKeepsRejectingIsIsolatedAndDeadLetteredInsteadOfStallingThePartition() throws Exception {
        UUID location = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        // stands in for an event that parses but that the database refuses every time
        EventApplier rejecting = new EventApplier(new MetricRegistry()) {
            @Override
            public Map<TopicPartition, Instant> apply(Handle h, List<ConsumerRecord<String, byte[]>> records) {
                if (records.stream().anyMatch(r -> poison.toString().equals(r.key()))) {
                    throw new IllegalStateException("rejected by the database");
                }
                return super.apply(h, records);
            }
        };
        whileConsuming("group-" + UUID.randomUUID(), rejecting, (events, consumer) -> {
            Instant ten = Instant.parse("2026-12-09T15:00:00Z");
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(TestEvents.appointment("AppointmentBooked", UUID.randomUUID(), location, ten, "confirmed", 1));
            }
            batch.add(2, TestEvents.appointment("AppointmentBooked", poison, location, ten, "confirmed", 1));
            events.send(batch);
            // a new group reads the topics from their start, so the failing poll holds every earlier
            // test's records too (691 of them once, which isolating one record per transaction took
            // 25-39 s to get through on a slow machine; halving takes about 21 transactions)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hour(location, 10)).isEqualTo("5/0/0/0"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    query("SELECT reason FROM projection_dead_letters WHERE record_key = '" + poison + "'"))
                    .startsWith("could not be applied: rejected by the database"));
            assertThat(consumer.isRunning()).isTrue();
        });
    }

    @Test
    void aFailureNoRecordIsToBlameIsRetriedUntilItPassesAndDeadLettersNothing() throws Exception {
        UUID location = UUID.randomUUID();
        List<EventEnvelope> batch = bookings(location, Instant.parse("2026-12-12T15:00:00Z"), 5);
        RollbackCountingApplier counting = new RollbackCountingApplier();
        // A real transient error: a rebuild's swap holds the gate every batch enters, and this
        // worker's connections give up a lock wait after 100 ms (SQLSTATE 55P03). Isolating on
        // it would dead-letter every record of the poll, good ones included.
        PGSimpleDataSource impatient = new PGSimpleDataSource();
        impatient.setURL(db.jdbcUrl());
        impatient.setOptions("-c lock_timeout=100ms");
        Jdbi impatientJdbi = Jdbi.create(impatient).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        ProjectionConsumer consumer = consumer("group-" + UUID.randomUUID(), counting, impatientJdbi);
        try (Connection swap = db.connect(); TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            swap.setAutoCommit(false);
            try (Statement s = swap.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + SwapGateDao.KEY + ")");
            }
            events.send(batch);
            consumer.start();
            // far more failed attempts than the three after which a failure no retry cures is isolated
            await().atMost(Duration.ofSeconds(30)).until(() -> counting.failedTransactions() >= 10);
            assertThat(hour(location, 10)).isEqualTo("none");
            swap.commit();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hour(location, 10)).isEqualTo("5/0/0/0"));
            assertThat(count("SELECT count(*) FROM projection_dead_letters WHERE record_key IN ("
                    + batch.stream().map(e -> "'" + e.aggregateId() + "'").collect(Collectors.joining(", ")) + ")"))
                    .isZero();
            assertThat(consumer.isRunning()).isTrue();
        } finally {
            consumer.stop();
        }
    }

    @Test
    void twoWorkersShareThePartitionsAndRebalancesLoseAndDoubleNothing() throws Exception {
        UUID location = UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        Instant ten = Instant.parse("2026-12-10T15:00:00Z");
        ProjectionConsumer first = consumer(group, new EventApplier(new MetricRegistry()));
        ProjectionConsumer second = consumer(group, new EventApplier(new MetricRegistry()));
        first.start();
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            events.send(bookings(location, ten, 100));
            second.start(); // a rebalance: partitions move while events flow
            events.send(bookings(location, ten, 100));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bookedAt(location)).isEqualTo(200));
            first.stop(); // another rebalance: the second worker takes every partition
            events.send(bookings(location, ten, 100));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bookedAt(location)).isEqualTo(300));
            assertThat(count("SELECT count(*) FROM projection_appointments WHERE location_id = '" + location + "'"))
                    .isEqualTo(300);
            assertThat(second.isRunning()).isTrue();
        } finally {
            first.stop();
            second.stop();
        }
    }

    private static List<EventEnvelope> bookings(UUID location, Instant start, int n) {
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(TestEvents.appointment("AppointmentBooked", UUID.randomUUID(), location, start, "confirmed", 1));
        }
        return batch;
    }

    @Test
    void aRebuildReplaysTheTopicsIntoShadowTablesAndSwapsThemInWhileTheLiveWorkerRuns() throws Exception {
        UUID location = UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        Instant ten = Instant.parse("2026-12-11T15:00:00Z");
        ProjectionConsumer live = consumer(group, new EventApplier(new MetricRegistry()));
        live.start();
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            events.send(bookings(location, ten, 50));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bookedAt(location)).isEqualTo(50));
            // the read model goes wrong (a bug, a bad manual fix): the rebuild must not keep it
            execute("UPDATE hourly_bookings SET booked = 999 WHERE location_id = '" + location + "'");

            KafkaFactory factory = new KafkaFactory();
            factory.setBootstrapServers(kafka.bootstrapServers());
            ProjectionRebuild rebuild = new ProjectionRebuild(jdbi,
                    () -> new KafkaConsumer<>(factory.consumerProperties("rebuild-" + UUID.randomUUID())),
                    List.of(Topics.APPOINTMENTS, Topics.PAYMENTS), group, new EventApplier(new MetricRegistry()));
            // events keep arriving and the live worker keeps applying them during the rebuild
            Thread more = new Thread(() -> {
                try {
                    events.send(bookings(location, ten, 50));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            more.start();
            ProjectionRebuild.Report report;
            try (VersionAnnouncements announced = new VersionAnnouncements(db.jdbcUrl())) {
                report = rebuild.run();
                more.join();
                // the swap announces the rebuilt versions, which continue after the live ones; the shadow
                // tables' own versions were never announced while they were being filled
                long swapped = count("SELECT version FROM projection_locations WHERE location_id = '" + location + "'");
                await().atMost(Duration.ofSeconds(5)).until(() -> announced.of(location).contains(swapped));
                assertThat(announced.of(location)).isSorted();
            }
            assertThat(report.records()).isGreaterThanOrEqualTo(50);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bookedAt(location)).isEqualTo(100));
            assertThat(count("SELECT count(*) FROM projection_appointments WHERE location_id = '" + location + "'"))
                    .isEqualTo(100);
            assertThat(count("SELECT count(*) FROM information_schema.schemata "
                    + "WHERE schema_name IN ('projection_rebuild', 'projection_retired')")).isZero();
            assertThat(live.isRunning()).isTrue();
        } finally {
            live.stop();
        }
    }

    @Test
    void countsRevenueOnTheLocalDayOncePerEventPerCurrency() throws Exception {
        UUID location = UUID.randomUUID();
        UUID cash = UUID.randomUUID();
        UUID euros = UUID.randomUUID();
        String tokyo = "Asia/Tokyo";
        // 2026-12-01 23:30 in Tokyo is still 2026-12-01 14:30 UTC; the refund is made the next local day
        Instant paidAt = Instant.parse("2026-12-01T14:30:00Z");
        Instant refundedAt = Instant.parse("2026-12-01T15:30:00Z");
        EventEnvelope completed = TestEvents.payment("PaymentCompleted", cash, location, "JPY", tokyo, 5000, 0, paidAt, 1);
        EventEnvelope refunded = TestEvents.payment("PaymentRefunded", cash, location, "JPY", tokyo, 5000, 1200,
                refundedAt, 2);
        EventEnvelope staleRefund = TestEvents.payment("PaymentRefunded", cash, location, "JPY", tokyo, 5000, 999,
                refundedAt, 2);
        EventEnvelope euro = TestEvents.payment("PaymentCompleted", euros, location, "EUR", tokyo, 3000, 0, paidAt, 2);
        EventEnvelope euroFailedLate = TestEvents.payment("PaymentFailed", euros, location, "EUR", tokyo, 3000, 0,
                paidAt, 1);

        whileConsuming("group-" + UUID.randomUUID(), new EventApplier(new MetricRegistry()), (events, consumer) -> {
            events.send(List.of(completed, refunded, completed, staleRefund, euro, euroFailedLate, refunded));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(revenue(location, "2026-12-01", "JPY")).isEqualTo("5000/0/1/0");
                assertThat(revenue(location, "2026-12-02", "JPY")).isEqualTo("0/1200/0/1");
                assertThat(revenue(location, "2026-12-01", "EUR")).isEqualTo("3000/0/1/0");
            });
            assertThat(count("SELECT count(*) FROM daily_revenue WHERE location_id = '" + location + "'")).isEqualTo(3);
        });
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndCopiedToItsDlqTopicAndTheWorkerMovesOn() throws Exception {
        UUID location = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        KafkaFactory factory = new KafkaFactory();
        factory.setBootstrapServers(kafka.bootstrapServers());
        DeadLetterTopic dlq = new DeadLetterTopic(factory.producerProperties());
        ProjectionConsumer consumer = consumer("group-" + UUID.randomUUID(),
                new EventApplier(new MetricRegistry(), dlq));
        consumer.start();
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            events.sendRaw(a.toString(), "{not json".getBytes());
            events.send(List.of(TestEvents.appointment("AppointmentBooked", a, location,
                    Instant.parse("2026-12-02T15:00:00Z"), "confirmed", 1)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(hour(location, 10)).isEqualTo("1/0/0/0"));
            assertThat(count("SELECT count(*) FROM projection_dead_letters WHERE record_key = '" + a + "'")).isEqualTo(1);
        } finally {
            consumer.stop();
            dlq.stop();
        }
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(factory.consumerProperties("dlq-reader"))) {
            var partition = new org.apache.kafka.common.TopicPartition(Topics.APPOINTMENTS_DLQ, 0);
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> copies = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (a.toString().equals(r.key())) {
                        copies.add(r);
                    }
                });
                assertThat(copies).hasSize(1);
            });
            assertThat(new String(copies.get(0).value())).isEqualTo("{not json");
            assertThat(new String(copies.get(0).headers().lastHeader("dlq.topic").value())).isEqualTo(Topics.APPOINTMENTS);
            assertThat(new String(copies.get(0).headers().lastHeader("dlq.reason").value())).isNotBlank();
        }
    }

    @Test
    void aWorkerCrashingInTheMiddleOfABatchLosesAndDoublesNothing() throws Exception {
        UUID location = UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(TestEvents.appointment("AppointmentBooked", UUID.randomUUID(), location,
                    Instant.parse("2026-12-03T14:00:00Z"), "confirmed", 1));
        }
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            events.send(batch);
        }
        // the first worker dies (an Error, as a crash: no rewind, no commit) once it has written the
        // rows of 25 or more events inside its open transaction
        AtomicInteger applied = new AtomicInteger();
        EventApplier crashing = new EventApplier(new MetricRegistry()) {
            @Override
            public Map<TopicPartition, Instant> apply(Handle h, List<ConsumerRecord<String, byte[]>> records) {
                Map<TopicPartition, Instant> newest = super.apply(h, records);
                if (applied.addAndGet(records.size()) >= 25) {
                    throw new SimulatedCrash();
                }
                return newest;
            }
        };
        ProjectionConsumer first = consumer(group, crashing);
        first.start();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> !first.isRunning());
        assertThat(applied.get()).isGreaterThanOrEqualTo(25);
        long countedBeforeRestart = bookedAt(location);

        ProjectionConsumer second = consumer(group, new EventApplier(new MetricRegistry()));
        second.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bookedAt(location)).isEqualTo(60));
            assertThat(countedBeforeRestart).isLessThan(60);
        } finally {
            second.stop();
        }
        // the stored offsets point exactly past every record of the topic
        long stored = count("SELECT coalesce(sum(next_offset), 0) FROM projection_offsets WHERE consumer_group = '"
                + group + "' AND topic = '" + Topics.APPOINTMENTS + "'");
        assertThat(stored).isEqualTo(endOffsets());
        // replaying everything from scratch in the same group changes nothing
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            events.send(batch.subList(0, 10));
        }
        ProjectionConsumer third = consumer(group, new EventApplier(new MetricRegistry()));
        third.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT coalesce(sum(next_offset), 0) FROM "
                    + "projection_offsets WHERE consumer_group = '" + group + "' AND topic = '" + Topics.APPOINTMENTS
                    + "'") == endOffsets());
            assertThat(bookedAt(location)).isEqualTo(60);
        } finally {
            third.stop();
        }
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @FunctionalInterface
    private interface WithEvents {
        void run(TestEvents events, ProjectionConsumer consumer) throws Exception;
    }

    /** A consumer of the group runs while the body sends events and awaits their effect; stopped afterwards. */
    private static void whileConsuming(String group, EventApplier applier, WithEvents body) throws Exception {
        ProjectionConsumer consumer = consumer(group, applier);
        consumer.start();
        try (TestEvents events = new TestEvents(kafka.bootstrapServers())) {
            body.run(events, consumer);
        } finally {
            consumer.stop();
        }
    }

    private static ProjectionConsumer consumer(String group, EventApplier applier) {
        return consumer(group, applier, jdbi);
    }

    private static ProjectionConsumer consumer(String group, EventApplier applier, Jdbi jdbi) {
        KafkaFactory factory = new KafkaFactory();
        factory.setBootstrapServers(kafka.bootstrapServers());
        return new ProjectionConsumer(() -> new KafkaConsumer<>(factory.consumerProperties(group)),
                List.of(Topics.APPOINTMENTS, Topics.PAYMENTS), group, jdbi, applier, Duration.ofMillis(100),
                Duration.ofMillis(200), new ProjectionProgress(Clock.systemUTC(), new MetricRegistry()));
    }

    private static long endOffsets() {
        return endOffsets(Topics.APPOINTMENTS);
    }

    private static long endOffsets(String topic) {
        KafkaFactory factory = new KafkaFactory();
        factory.setBootstrapServers(kafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(factory.consumerProperties("probe"))) {
            var partitions = c.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static long bookedAt(UUID location) throws Exception {
        return count("SELECT coalesce(sum(booked), 0) FROM hourly_bookings WHERE location_id = '" + location + "'");
    }

    private static String revenue(UUID location, String date, String currency) throws Exception {
        String row = query("SELECT gross_cents || '/' || refunded_cents || '/' || payments || '/' || refunds "
                + "FROM daily_revenue WHERE location_id = '" + location + "' AND local_date = '" + date
                + "' AND currency = '" + currency + "'");
        return row == null ? "none" : row;
    }

    private static String hour(UUID location, int hour) throws Exception {
        String row = query("SELECT booked || '/' || cancelled || '/' || completed || '/' || no_show FROM hourly_bookings "
                + "WHERE location_id = '" + location + "' AND local_hour = " + hour);
        return row == null ? "none" : row;
    }

    private static void execute(String sql) throws Exception {
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(query(sql));
    }

    private static String query(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
