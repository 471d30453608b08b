package com.bookedbarber.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Metrics reach a Graphite server (a plain TCP socket here) as plaintext lines, as configured in YAML. */
@ExtendWith(DropwizardExtensionsSupport.class)
class GraphiteReportingIT {
    static final ServerSocket GRAPHITE = listen();
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(
            withGraphite(GRAPHITE.getLocalPort()), DB, KAFKA);

    /** The usual test configuration plus a Graphite reporter. */
    static String withGraphite(int port) {
        return TestConfigs.withSection("metrics", "metrics:\n  frequency: 1s\n  reporters:\n    - type: graphite\n"
                + "      host: 127.0.0.1\n      port: " + port + "\n      prefix: bookedbarber.test\n      frequency: 1s");
    }

    static ServerSocket listen() {
        try {
            ServerSocket socket = new ServerSocket(0);
            socket.setSoTimeout(20_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReporterSendsPlaintextLinesForTheServicesMetrics() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Socket connection = GRAPHITE.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                     StandardCharsets.UTF_8))) {
            connection.setSoTimeout(20_000);
            String line;
            while ((line = in.readLine()) != null && lines.size() < 20_000) {
                lines.add(line);
                if (line.startsWith("bookedbarber.test.outbox.leader ")) {
                    break;
                }
            }
        } finally {
            GRAPHITE.close();
        }
        assertThat(lines).isNotEmpty();
        // "<name> <value> <unix seconds>"
        assertThat(lines).allSatisfy(l -> assertThat(l.split(" ")).hasSize(3));
        assertThat(lines).anyMatch(l -> l.startsWith("bookedbarber.test.outbox.leader "));
        // the relay's Kafka producer metrics are bridged into the same registry, so they go out too
        assertThat(lines).anyMatch(l -> l.startsWith("bookedbarber.test.kafka.producer.record-send-total "));
        assertThat(lines).anyMatch(l -> l.startsWith("bookedbarber.test.kafka.producer.request-latency-avg "));
        assertThat(lines).anyMatch(l -> l.startsWith("bookedbarber.test.card-provider.circuit-breaker.state 0 "));
        assertThat(lines).anyMatch(l -> l.startsWith("bookedbarber.test.io.dropwizard.db.ManagedPooledDataSource.database.size "));
    }
}
