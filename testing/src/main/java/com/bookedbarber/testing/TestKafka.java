package com.bookedbarber.testing;

import com.bookedbarber.api.events.Topics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import kafka.server.BrokerServer;

/** A real single-node KRaft cluster (combined broker and controller) in this JVM. */
public final class TestKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private TestKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts the cluster and creates the event topics with the given partition count. */
    public static TestKafka start(int partitions) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "1")
                // one broker: internal topics must not ask for more replicas than exist
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .build();
        // a broker that hits a fatal path (typically while being shut down with the JVM) calls
        // Exit.halt/exit; in a test JVM that would kill the surefire fork after all tests passed
        Exit.setHaltProcedure((code, message) -> System.err.println("test broker wanted to halt(" + code + "): " + message));
        Exit.setExitProcedure((code, message) -> System.err.println("test broker wanted to exit(" + code + "): " + message));
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        TestKafka kafka = new TestKafka(cluster);
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.APPOINTMENTS, partitions, (short) 1),
                    new NewTopic(Topics.PAYMENTS, partitions, (short) 1),
                    new NewTopic(Topics.APPOINTMENTS_DLQ, 1, (short) 1),
                    new NewTopic(Topics.PAYMENTS_DLQ, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return kafka;
    }

    private static TestKafka shared;

    /**
     * One broker for all full-stack test classes of a JVM (3 partitions per topic), stopped when
     * the JVM exits, after every app using it. Tests must only look at their own aggregates.
     */
    public static synchronized TestKafka shared() {
        if (shared == null) {
            try {
                shared = start(3);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test Kafka cluster", e);
            }
            TestKafka kafka = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kafka.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return shared;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller stays up), as in a broker outage. */
    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again on the same port with the same data. */
    public void startBroker() throws Exception {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
