package com.bookedbarber.command.outbox;

import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.command.db.OutboxDao;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to Kafka. One relay publishes at a time across all instances: the one
 * holding a session-level advisory lock on its own connection (released by PostgreSQL if the
 * process or connection dies). It drains a backlog without pause and otherwise polls every
 * {@code pollInterval} (10 ms: the time an event waits for the relay; the events committed
 * meanwhile go out as one batch); it does not LISTEN, because a NOTIFY serializes the commits of
 * every writing transaction (see migration V9). A row is
 * marked published only after the broker acknowledged it (acks=all); a crash in between re-sends
 * it, and consumers deduplicate.
 * A broker outage only delays publishing: commands never wait for Kafka.
 */
public final class OutboxRelay implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay leadership ("outbox" in ASCII). */
    static final long LEADER_LOCK_KEY = 0x6f7574626f78L;
    private static final int LEADERSHIP_CHECK_SECONDS = 2;
    /** How often a publishing relay checks that its leadership connection (and so its lock) lives. */
    private static final long LEADERSHIP_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Jdbi primary;
    private final ConnectionSource dedicatedConnection;
    private final Producer<String, byte[]> producer;
    private final OutboxConfiguration config;
    private final Timer publishTimer;
    private final Meter published;
    private final Timer publishDelay;
    private final RetryPolicy<Object> brokerRetry;
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;
    private Instant nextCleanup = Instant.EPOCH;

    /** Opens a new, unpooled connection (the relay keeps it for its advisory lock). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public OutboxRelay(Jdbi primary, ConnectionSource dedicatedConnection, Producer<String, byte[]> producer,
                       OutboxConfiguration config, MetricRegistry metrics) {
        this.primary = primary;
        this.dedicatedConnection = dedicatedConnection;
        this.producer = producer;
        this.config = config;
        this.publishTimer = metrics.timer("outbox.publish-batch");
        this.published = metrics.meter("outbox.published");
        // commit (row created) to broker acknowledgement, per event: what "publish latency" means to a consumer
        this.publishDelay = metrics.timer("outbox.publish-delay");
        metrics.gauge("outbox.leader", () -> () -> leader ? 1 : 0);
        // Backoff with jitter while the broker is unavailable; never gives up. Database errors
        // are not retried here: they end the leadership and the relay reconnects from scratch.
        this.brokerRetry = RetryPolicy.builder()
                .handleIf(e -> running && (e instanceof ExecutionException || e instanceof TimeoutException
                        || e instanceof org.apache.kafka.common.KafkaException))
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .withJitter(0.25)
                .withMaxRetries(-1)
                .onRetry(e -> LOG.warn("outbox publish failed (attempt {}), retrying: {}", e.getAttemptCount(),
                        e.getLastException().toString()))
                .build();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        producer.close(Duration.ofSeconds(5));
    }

    public boolean isLeader() {
        return leader;
    }

    private void run() {
        while (running) {
            try (Connection connection = dedicatedConnection.open()) {
                if (!tryLead(connection)) {
                    sleep(config.getLeaderRetryInterval().toMilliseconds());
                    continue;
                }
                leader = true;
                LOG.info("outbox relay is the publishing instance");
                publishWhileLeader(connection);
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("outbox relay lost its database connection: {}", e.toString());
                    sleep(config.getLeaderRetryInterval().toMilliseconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("outbox relay failed; restarting it", e);
                    sleep(config.getLeaderRetryInterval().toMilliseconds());
                }
            } finally {
                leader = false;
            }
        }
    }

    private void publishWhileLeader(Connection leadership) throws SQLException, InterruptedException {
        long leadershipCheckedAt = System.nanoTime();
        while (running) {
            int sent = Failsafe.with(brokerRetry).get(this::publishBatch);
            cleanupIfDue();
            if (sent < config.getBatchSize()) {
                Thread.sleep(config.getPollInterval().toMilliseconds());
            }
            // the lock lives as long as this connection: stop publishing once it is gone, also
            // while draining a backlog. Once a second, not every poll (a round trip each): a relay
            // that lost its lock publishes for at most a second beside the new leader, which only
            // re-sends events (consumers deduplicate)
            if (System.nanoTime() - leadershipCheckedAt > LEADERSHIP_CHECK_INTERVAL_NANOS) {
                if (!leadership.isValid(LEADERSHIP_CHECK_SECONDS)) {
                    throw new SQLException("the relay's leadership connection is no longer valid");
                }
                leadershipCheckedAt = System.nanoTime();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Sends one batch and marks the acknowledged prefix published; returns the rows handled. */
    int publishBatch() throws InterruptedException, ExecutionException, TimeoutException {
        List<OutboxDao.Pending> batch = primary.withExtension(OutboxDao.class, dao -> dao.unpublished(config.getBatchSize()));
        if (batch.isEmpty()) {
            return 0;
        }
        try (Timer.Context ignored = publishTimer.time()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxDao.Pending row : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId().toString(),
                        row.envelope().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventEnvelope.HEADER_EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventEnvelope.HEADER_EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            long deadline = System.nanoTime() + config.getPublishTimeout().toNanoseconds();
            long[] acknowledged = new long[batch.size()];
            int count = 0;
            try {
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    OutboxDao.Pending row = batch.get(count);
                    acknowledged[count] = row.id();
                    publishDelay.update(Math.max(0, Duration.between(row.createdAt().toInstant(), Instant.now()).toNanos()),
                            TimeUnit.NANOSECONDS);
                    count++;
                }
            } finally {
                // Mark only the acknowledged prefix: rows after a failure are re-sent in order.
                if (count > 0) {
                    long[] ids = java.util.Arrays.copyOf(acknowledged, count);
                    primary.useExtension(OutboxDao.class, dao -> dao.markPublished(ids));
                    published.mark(count);
                }
            }
            return batch.size();
        }
    }

    private void cleanupIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plusSeconds(600);
        Instant before = now.minusMillis(config.getRetention().toMilliseconds());
        int deleted = primary.withExtension(OutboxDao.class,
                dao -> dao.deletePublishedBefore(before.atOffset(ZoneOffset.UTC)));
        if (deleted > 0) {
            LOG.info("deleted {} published outbox rows older than {}", deleted, before);
        }
    }

    private static boolean tryLead(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LEADER_LOCK_KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
