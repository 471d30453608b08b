package com.bookedbarber.ops.bench;

import com.bookedbarber.ops.ChildProcess;
import com.bookedbarber.ops.LocalLauncher;
import com.bookedbarber.ops.LocalSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up of the command service alone: a second instance next to the running system (its
 * PostgreSQL and Kafka, ports 18080/18081), started {@code starts} times with the flags ops/run
 * gives it, timed from launching the JVM to the first 200 from /health. The first start of a
 * build writes the class-data archive at exit; the later ones use it.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(".").toAbsolutePath().normalize();
        int starts = Integer.getInteger("starts", 4);
        Path dataDir = Path.of(System.getenv("BOOKEDBARBER_DATA_DIR"));
        Map<String, String> env = new HashMap<>(LocalSecrets.load(dataDir.resolve("secrets.properties")));
        env.put("DATABASE_URL", System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("kafka", "127.0.0.1:9092"));
        env.put("API_PORT", "18080");
        env.put("ADMIN_PORT", "18081");
        Path log = dataDir.resolve("logs/command-service-alone.log");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            List<String> jvm = LocalLauncher.serviceJvm(home, "command-service");
            boolean archived = jvm.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile"));
            long launched = System.nanoTime();
            ChildProcess service = ChildProcess.startJava("command-service (alone)", log, env, jvm,
                    "com.bookedbarber.command.CommandServiceApplication", "server",
                    home.resolve("ops/config/command-service.yml").toString());
            long millis;
            try {
                service.awaitHttpOk("http://127.0.0.1:18080/health");
                millis = (System.nanoTime() - launched) / 1_000_000;
            } finally {
                service.stop();
            }
            String line = String.format("command-service alone, start %d: ready in %d ms (%s)", i, millis,
                    archived ? "classes from the archive" : "no archive yet: this start writes it at exit");
            System.out.println(line);
            lines.add(line);
        }
        Files.write(Path.of(System.getProperty("out", "ops/bench-results/startup-alone.md")), lines);
    }
}
