package com.bookedbarber.projection.consumer;

import com.bookedbarber.projection.db.OffsetDao;
import com.bookedbarber.projection.db.ProjectionDao;
import com.bookedbarber.projection.db.RebuildDao;
import com.bookedbarber.projection.db.SwapGateDao;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the read models from the beginning of the topics into shadow tables while the live
 * worker keeps applying and analytics keep reading the live ones, then swaps them in atomically:
 * one transaction locks the live tables (the live worker's next batch and readers wait a moment),
 * reads the live worker's committed offsets, lets the rebuild catch up to them inside that
 * transaction, and moves the shadow tables into place. The live worker then continues from its
 * own offsets into the rebuilt tables; anything the rebuild read beyond them is deduplicated by
 * the rebuilt applied-events table.
 */
public final class ProjectionRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What a rebuild did. */
    public record Report(long records, Map<TopicPartition, Long> swappedAt) {
    }

    private final Jdbi jdbi;
    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final List<String> topics;
    private final String liveGroup;
    private final EventApplier applier;

    public ProjectionRebuild(Jdbi jdbi, Supplier<Consumer<String, byte[]>> consumerFactory, List<String> topics,
                             String liveGroup, EventApplier applier) {
        this.jdbi = jdbi;
        this.consumerFactory = consumerFactory;
        this.topics = topics;
        this.liveGroup = liveGroup;
        this.applier = applier;
    }

    public synchronized Report run() {
        jdbi.useTransaction(h -> {
            RebuildDao ddl = h.attach(RebuildDao.class);
            ddl.dropSchema(RebuildDao.SHADOW);
            ddl.createSchema(RebuildDao.SHADOW);
            RebuildDao.TABLES.forEach(t -> ddl.createShadow(RebuildDao.SHADOW, t));
        });
        try (Consumer<String, byte[]> consumer = consumerFactory.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // catch up with the topics as they are now, batch by batch, outside any lock
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            while (behind(consumer, end)) {
                records += applyPoll(consumer, null);
            }
            long caughtUp = records;
            Map<TopicPartition, Long> swappedAt = new HashMap<>();
            long inSwap = swapWithRetries(consumer, partitions, swappedAt);
            jdbi.useHandle(h -> {
                h.attach(RebuildDao.class).dropSchema(RebuildDao.RETIRED);
                h.attach(RebuildDao.class).dropSchema(RebuildDao.SHADOW);
            });
            LOG.info("projections rebuilt from {} records ({} applied while swapping)", caughtUp + inSwap, inSwap);
            return new Report(caughtUp + inSwap, swappedAt);
        }
    }

    /**
     * The swap can lose a deadlock against the live worker's batch (each waits for a table the
     * other holds); PostgreSQL then aborts one of them. The rebuild rewinds to where the failed
     * transaction began and tries again.
     */
    private long swapWithRetries(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> swappedAt) {
        for (int attempt = 1; ; attempt++) {
            Map<TopicPartition, Long> before = new HashMap<>();
            partitions.forEach(tp -> before.put(tp, consumer.position(tp)));
            try {
                return swap(consumer, partitions, swappedAt);
            } catch (RuntimeException e) {
                before.forEach(consumer::seek);
                if (attempt == 3) {
                    throw e;
                }
                LOG.warn("projection swap failed (attempt {}), retrying: {}", attempt, e.toString());
            }
        }
    }

    private long swap(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                      Map<TopicPartition, Long> swappedAt) {
        return jdbi.inTransaction(h -> {
            h.attach(SwapGateDao.class).enterAsSwap();
            RebuildDao ddl = h.attach(RebuildDao.class);
            RebuildDao.TABLES.forEach(ddl::lockLive);
            Map<TopicPartition, Long> live = new HashMap<>();
            h.attach(OffsetDao.class).load(liveGroup)
                    .forEach(o -> live.put(new TopicPartition(o.topic(), o.partition()), o.nextOffset()));
            long more = 0;
            while (behind(consumer, live)) {
                more += applyPoll(consumer, h);
            }
            partitions.forEach(tp -> swappedAt.put(tp, consumer.position(tp)));
            ddl.continueVersions();
            ddl.dropSchema(RebuildDao.RETIRED);
            ddl.createSchema(RebuildDao.RETIRED);
            for (String table : RebuildDao.TABLES) {
                ddl.move(table, "public", RebuildDao.RETIRED);
                ddl.move(table, RebuildDao.SHADOW, "public");
            }
            h.attach(ProjectionDao.class).announceVersions();
            return more;
        });
    }

    /** Whether the consumer has yet to reach {@code target} on some partition. */
    private static boolean behind(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> target) {
        return target.entrySet().stream().anyMatch(e -> consumer.assignment().contains(e.getKey())
                && consumer.position(e.getKey()) < e.getValue());
    }

    /** One poll into the shadow tables: in its own transaction, or in {@code swap}'s. */
    private long applyPoll(Consumer<String, byte[]> consumer, Handle swap) {
        ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
        if (polled.isEmpty()) {
            return 0;
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        if (swap != null) {
            swap.attach(RebuildDao.class).writeTo(RebuildDao.SHADOW);
            applier.apply(swap, records);
            swap.attach(RebuildDao.class).writeToLive();
        } else {
            jdbi.useTransaction(h -> {
                h.attach(RebuildDao.class).writeTo(RebuildDao.SHADOW);
                applier.apply(h, records);
            });
        }
        return records.size();
    }
}
