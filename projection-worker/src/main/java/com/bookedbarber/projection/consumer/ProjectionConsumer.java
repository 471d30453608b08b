package com.bookedbarber.projection.consumer;

import com.bookedbarber.platform.db.SqlStates;
import com.bookedbarber.projection.db.OffsetDao;
import com.bookedbarber.projection.db.SwapGateDao;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's consume loop. Each poll's records are applied in one database transaction
 * together with the next offsets of their partitions, so a crash at any point either keeps
 * both or neither. Kafka's own group offsets are never committed: on assignment the consumer
 * seeks to the offsets stored with the projection.
 */
public final class ProjectionConsumer implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final List<String> topics;
    private final String group;
    private final Jdbi jdbi;
    private final EventApplier applier;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final ProjectionProgress progress;
    private static final int ATTEMPTS_BEFORE_ISOLATING = 3;

    private int failedAttempts;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public ProjectionConsumer(Supplier<Consumer<String, byte[]>> consumerFactory, List<String> topics, String group,
                              Jdbi jdbi, EventApplier applier, Duration pollTimeout, Duration retryBackoff,
                              ProjectionProgress progress) {
        this.consumerFactory = consumerFactory;
        this.topics = topics;
        this.group = group;
        this.jdbi = jdbi;
        this.applier = applier;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
        this.progress = progress;
    }

    @Override
    public void start() {
        running = true;
        consumer = consumerFactory.get();
        thread = new Thread(this::run, "projection-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    /** Whether the consume loop is alive (false after a fatal error). */
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        Consumer<String, byte[]> c = consumer;
        try {
            c.subscribe(topics, new SeekToStoredOffsets(c));
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(pollTimeout);
                if (!records.isEmpty()) {
                    applyOrRewind(c, records);
                }
                recordLag(c);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            c.close(Duration.ofSeconds(5));
            LOG.info("projection consumer stopped");
        }
    }

    private void applyOrRewind(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>(records.count());
        records.forEach(all::add);
        try {
            if (failedAttempts >= ATTEMPTS_BEFORE_ISOLATING) {
                HalvingIsolation.apply(all, this::applyInTransaction, this::deadLetter, ProjectionConsumer::isTransient);
            } else {
                applyInTransaction(all);
            }
            failedAttempts = 0;
        } catch (RuntimeException e) {
            // Read the poll again after a pause (parts isolation committed are duplicates then, which
            // change nothing). A failure no retry cures, met again and again, sends the poll to
            // isolation; a transient one (the database away, a lost deadlock) never does: no record is
            // to blame, and isolating would dead-letter good events.
            if (!isTransient(e)) {
                failedAttempts++;
            }
            LOG.warn("applying {} records failed ({} attempt(s) no retry cures), retrying: {}", records.count(),
                    failedAttempts, e.toString());
            for (TopicPartition tp : records.partitions()) {
                c.seek(tp, records.records(tp).get(0).offset());
            }
            sleep(retryBackoff);
        }
    }

    /** The records and their partitions' next offsets in one transaction. */
    private void applyInTransaction(List<ConsumerRecord<String, byte[]>> records) {
        progress.applied(inTransaction(h -> applyWithOffsets(h, records)));
    }

    /**
     * A record isolation left alone and still failing: dead-lettered with the database's reason
     * and its offset committed, so one bad event cannot stall the partition. A failure to write
     * even the dead letter propagates and the poll is retried.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
        inTransaction(h -> {
            applier.deadLetter(h, record, "could not be applied: " + reason.getMessage());
            h.attach(OffsetDao.class).save(group, record.topic(), record.partition(), record.offset() + 1);
            return null;
        });
    }

    /** One transaction of the applier: its pending dead-letter copies go out on commit, are dropped on failure. */
    private <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        T result;
        try {
            result = jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            applier.rolledBack();
            throw e;
        }
        applier.committed();
        return result;
    }

    /** A failure that says nothing about the records: the database unreachable, busy or racing. */
    static boolean isTransient(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException) {
                return true;
            }
        }
        return SqlStates.isTransient(SqlStates.of(e));
    }

    private Map<TopicPartition, Instant> applyWithOffsets(org.jdbi.v3.core.Handle h,
                                                          List<ConsumerRecord<String, byte[]>> records) {
        h.attach(SwapGateDao.class).enterAsWriter();
        Map<TopicPartition, Instant> newest = applier.apply(h, records);
        Map<TopicPartition, Long> next = new java.util.HashMap<>();
        records.forEach(r -> next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        List<Map.Entry<TopicPartition, Long>> offsets = new java.util.ArrayList<>(next.entrySet());
        h.attach(OffsetDao.class).save(group,
                offsets.stream().map(e -> e.getKey().topic()).toArray(String[]::new),
                offsets.stream().map(e -> e.getKey().partition()).toArray(Integer[]::new),
                offsets.stream().map(Map.Entry::getValue).toArray(Long[]::new));
        return newest;
    }

    private void recordLag(Consumer<String, byte[]> c) {
        for (TopicPartition tp : c.assignment()) {
            c.currentLag(tp).ifPresent(lag -> progress.offsetLag(tp, lag));
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** On assignment, continue exactly after the last offset committed with the projection rows. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final Consumer<String, byte[]> c;

        SeekToStoredOffsets(Consumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> stored = loadStoredOffsets().stream()
                    .collect(Collectors.toMap(o -> new TopicPartition(o.topic(), o.partition()),
                            OffsetDao.StoredOffset::nextOffset));
            for (TopicPartition tp : partitions) {
                Long next = stored.get(tp);
                if (next != null) {
                    c.seek(tp, next);
                } else {
                    c.seekToBeginning(List.of(tp));
                }
            }
            LOG.info("assigned {}", partitions);
        }

        /**
         * Waits out a database that is away when partitions are assigned (a rebalance during an
         * outage): failing here would end the consume loop for good.
         */
        private List<OffsetDao.StoredOffset> loadStoredOffsets() {
            while (true) {
                try {
                    return jdbi.withExtension(OffsetDao.class, dao -> dao.load(group));
                } catch (RuntimeException e) {
                    if (!running || !isTransient(e)) {
                        throw e;
                    }
                    LOG.warn("reading the stored offsets failed, retrying: {}", e.toString());
                    sleep(retryBackoff);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // every applied batch is already committed with its offsets; nothing to flush
            progress.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            progress.forget(partitions);
        }
    }
}
