package com.bookedbarber.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** A single-node KRaft broker (broker and controller in one) run as a separate JVM by kafka.Kafka. */
final class LocalKafka {
    private LocalKafka() {
    }

    static ChildProcess start(Path dataDir, Path logDir, int port, Path logbackConfig) throws Exception {
        Path logDirs = dataDir.resolve("kafka");
        Path config = dataDir.resolve("kafka-server.properties");
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + (port + 1));
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDirs.toString());
        props.setProperty("num.partitions", "6");
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        try (Writer out = Files.newBufferedWriter(config)) {
            props.store(out, "written by ops/run");
        }
        List<String> jvm = List.of("-Xmx512m", "-Dlogback.configurationFile=" + logbackConfig);
        Path log = logDir.resolve("kafka.log");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(logDirs);
        }
        ChildProcess broker = ChildProcess.startJava("kafka", log, Map.of(), jvm, "kafka.Kafka", config.toString());
        awaitReady("127.0.0.1:" + port, broker);
        return broker;
    }

    /** What kafka-storage.sh format does, through its Java API (static quorum of this one node). */
    private static void format(Path logDirs) throws Exception {
        new Formatter()
                .setPrintStream(System.out)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirs.toString())
                .addDirectory(logDirs.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static void awaitReady(String bootstrap, ChildProcess broker) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                if (!broker.isAlive()) {
                    throw new IOException("the Kafka broker exited; see " + broker.log());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IOException("the Kafka broker did not become ready; see " + broker.log());
    }
}
