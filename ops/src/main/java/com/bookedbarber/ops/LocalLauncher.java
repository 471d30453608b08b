package com.bookedbarber.ops;

import com.bookedbarber.schema.DatabaseMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * ops/run: the whole system on one machine. Starts PostgreSQL (embedded, unless DATABASE_URL is
 * set) and a Kafka broker (a kafka.Kafka JVM, unless KAFKA_BOOTSTRAP_SERVERS is set), migrates,
 * seeds the demo shop when it owns the database, then runs command-service and
 * projection-worker as separate JVMs until Ctrl-C or SIGTERM, which stops everything in reverse.
 */
public final class LocalLauncher {
    private static final int API_PORT = 8080;
    private static final int API_ADMIN_PORT = 8081;
    private static final int WORKER_ADMIN_PORT = 8091;

    private final Path home;
    private final Path dataDir;
    private final Path logDir;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final List<ChildProcess> services = new ArrayList<>();

    private LocalLauncher(Path home) {
        this.home = home;
        this.dataDir = Path.of(env("BOOKEDBARBER_DATA_DIR", home.resolve("ops/.data").toString())).toAbsolutePath();
        this.logDir = dataDir.resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        LocalLauncher launcher = new LocalLauncher(Path.of(env("BOOKEDBARBER_HOME", ".")).toAbsolutePath().normalize());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stopAll();
            stopped.countDown();
        }, "ops-run-shutdown"));
        try {
            launcher.startAll();
        } catch (Exception e) {
            System.err.println("ops/run: start-up failed: " + e.getMessage());
            System.exit(1);
        }
        launcher.watch();
        System.exit(2);
    }

    private void startAll() throws Exception {
        Files.createDirectories(logDir);
        log("data folder: " + dataDir);
        String databaseUrl = System.getenv("DATABASE_URL");
        boolean embeddedDatabase = databaseUrl == null || databaseUrl.isBlank();
        if (embeddedDatabase) {
            int port = Integer.parseInt(env("EMBEDDED_POSTGRES_PORT", "15432"));
            log("starting embedded PostgreSQL on port " + port + " (data in " + dataDir.resolve("postgres") + ")");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // durable as in production: the embedded defaults (fsync and synchronous_commit
                    // off) would lose committed bookings on a crash and flatter every benchmark
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // a primary's settings rather than the defaults' (ops/DEPLOYMENT.md): 128 MB of
                    // shared buffers, and a checkpoint every few minutes under booking load, after
                    // which the first change to each page writes the whole page to the WAL again
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("checkpoint_completion_target", "0.9")
                    // PostgreSQL's own log next to the services' (checkpoints, slow autovacuum runs)
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", logDir.toAbsolutePath().toString())
                    .setServerConfig("log_filename", "postgresql.log")
                    .start();
            started.add(postgres);
            databaseUrl = postgres.getJdbcUrl("postgres", "postgres");
        }
        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            int port = Integer.parseInt(env("EMBEDDED_KAFKA_PORT", "9092"));
            log("starting Kafka (KRaft, single node) on 127.0.0.1:" + port);
            ChildProcess broker = LocalKafka.start(dataDir, logDir, port, home.resolve("ops/config/kafka-logback.xml"));
            started.add(broker::stop);
            kafka = "127.0.0.1:" + port;
        }

        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(databaseUrl);
        var migrated = DatabaseMigrator.migrate(db);
        log("database migrated to version " + migrated.targetSchemaVersion);
        if (embeddedDatabase) {
            DemoShop.seed(db);
        }

        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.putAll(LocalSecrets.load(dataDir.resolve("secrets.properties")));
        // The API first, the worker once it answers: started together on two cores they took
        // 5.1-5.2 s each, the API alone 2.5-2.7 s. Callers wait for the API; the worker only
        // catches up on the events published meanwhile.
        long launched = System.nanoTime();
        startAndAwait("command-service", "com.bookedbarber.command.CommandServiceApplication", env,
                "http://127.0.0.1:" + API_PORT + "/health");
        log("command-service ready in " + (System.nanoTime() - launched) / 1_000_000 + " ms (JVM start to /health 200)");
        long workerLaunched = System.nanoTime();
        startAndAwait("projection-worker", "com.bookedbarber.projection.ProjectionWorkerApplication", env,
                "http://127.0.0.1:" + WORKER_ADMIN_PORT + "/ping");
        log("projection-worker ready in " + (System.nanoTime() - workerLaunched) / 1_000_000
                + " ms (JVM start to /ping 200); both services in " + (System.nanoTime() - launched) / 1_000_000 + " ms");
        printBanner(databaseUrl, kafka, embeddedDatabase);
    }

    /**
     * The JVM flags of a service. A 256 MB heap holds either service's working set with room to
     * spare (with 512 MB G1 grew into all of it under load and the command service's RSS passed
     * 580 MB; goal: under 512). G1 aims at 5 ms pauses (under 3,000-8,000 analytics reads/s the
     * default target let it pause 5-15 ms every half second). The young generation is fixed at
     * 128 MB: left to meet the 5 ms target, G1 shrank it to 10 MB under booking load, where the GC
     * threads share the two cores with PostgreSQL's backends, and collected one to three times a
     * second for 30-120 ms each (GC log). No class unloading in the remark pause: it took 14.5 ms
     * of 10-18 ms remarks every 1.5-3.5 s, and these services define no classes after start-up (a
     * full collection still unloads). SERVICE_GC_OPTS replaces the collector flags. Classes come
     * from an archive of the build's own (see {@link ClassDataSharing}).
     */
    public static final String GC_FLAGS = "-XX:+UseG1GC -XX:MaxGCPauseMillis=5 -Xmn128m "
            + "-XX:-ClassUnloadingWithConcurrentMark";

    /**
     * The heap (fixed and pre-touched), native memory returned to the OS, {@link #GC_FLAGS} (or
     * SERVICE_GC_OPTS) and the class-data archive of a service.
     */
    public static List<String> serviceJvm(Path home, String service) throws IOException {
        // the whole heap is resident from the start: otherwise RSS grows for minutes as G1 first
        // touches regions (457 to 489 MB over the soak's first three minutes, flat after). glibc
        // keeps native memory the JVM frees in its malloc arenas; handing it back every 5 s took
        // the API's RSS under load from 500-506 MB to 448-496 MB (-Xlog:trimnative: 6-9 MB a time)
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-XX:TrimNativeHeapInterval=5000"));
        jvm.addAll(List.of(System.getenv().getOrDefault("SERVICE_GC_OPTS", GC_FLAGS)
                .trim().split("\\s+")));
        jvm.addAll(ClassDataSharing.flags(home.resolve("ops/target/cds"), service, ChildProcess.serviceClassPath()));
        return jvm;
    }

    /** Starts a service with its config from ops/config, stopped with the rest, and waits until {@code readyUrl} answers 200. */
    private void startAndAwait(String service, String mainClass, Map<String, String> env, String readyUrl)
            throws Exception {
        ChildProcess process = ChildProcess.startJava(service, logDir.resolve(service + ".log"), env,
                serviceJvm(home, service), mainClass, "server", home.resolve("ops/config/" + service + ".yml").toString());
        services.add(process);
        started.add(process::stop);
        process.awaitHttpOk(readyUrl);
    }

    /** Blocks while the services run; returns if one of them exits by itself. */
    private void watch() throws InterruptedException {
        while (services.stream().allMatch(ChildProcess::isAlive)) {
            Thread.sleep(500);
        }
        services.stream().filter(s -> !s.isAlive())
                .forEach(s -> System.err.println("ops/run: " + s.name() + " exited; see " + s.log()));
    }

    private void stopAll() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        if (!reverse.isEmpty()) {
            log("stopping");
        }
        for (AutoCloseable c : reverse) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("ops/run: while stopping: " + e);
            }
        }
        started.clear();
    }

    private void printBanner(String databaseUrl, String kafka, boolean demo) {
        StringBuilder b = new StringBuilder("\n  BookedBarber is running\n\n");
        b.append("  API                      http://127.0.0.1:").append(API_PORT).append('\n');
        b.append("  command-service admin    http://127.0.0.1:").append(API_ADMIN_PORT).append("/healthcheck\n");
        b.append("  projection-worker admin  http://127.0.0.1:").append(WORKER_ADMIN_PORT).append("/healthcheck\n");
        b.append("  PostgreSQL (JDBC)        ").append(databaseUrl).append('\n');
        b.append("  Kafka                    ").append(kafka).append('\n');
        b.append("  logs                     ").append(logDir).append('\n');
        if (demo) {
            b.append("\n  Demo shop 'Demo Cuts' (slug ").append(DemoShop.SLUG).append("), America/New_York\n");
            b.append("    location_id  ").append(DemoShop.LOCATION_ID).append('\n');
            b.append("    barbers      Sam Fade ").append(DemoShop.SAM_ID)
                    .append(", Alex Razor 00000000-0000-4000-8000-000000000103\n");
            b.append("    services     Classic cut ").append(DemoShop.CLASSIC_CUT_ID)
                    .append(" (30 min, $30), Beard trim ...202, Cut and beard ...203\n");
            b.append("    owner login  ").append(DemoShop.OWNER_EMAIL).append(" / ").append(DemoShop.OWNER_PASSWORD).append('\n');
            b.append("    barber login ").append(DemoShop.BARBER_EMAIL).append(" / ").append(DemoShop.BARBER_PASSWORD).append('\n');
        }
        b.append("\n  Stop with Ctrl-C.\n");
        System.out.println(b);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void log(String message) {
        System.out.println("ops/run: " + message);
    }
}
