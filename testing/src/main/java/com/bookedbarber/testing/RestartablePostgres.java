package com.bookedbarber.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PostgreSQL server of one test's own (never the machine's shared one), which the
 * test may stop and start again on the same port and data, as an outage or a restart would.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a new server on a free port with an empty data directory. */
    public static RestartablePostgres start() {
        try {
            RestartablePostgres pg = new RestartablePostgres(Files.createTempDirectory("bb-restartable-pg")
                    .resolve("data"), FreePorts.next());
            pg.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL of the server's {@code postgres} database (for {@link TestDatabase#createMigratedOn}). */
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Stops the server as an operator would ({@code pg_ctl stop -m fast}): sessions are ended, running transactions roll back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Crashes the server ({@code SIGQUIT} to the postmaster, PostgreSQL's immediate shutdown):
     * every process exits at once without a checkpoint or a final WAL flush, as a power cut
     * would leave it, and {@link #restart} then runs crash recovery. What was committed without
     * waiting for its flush ({@code synchronous_commit = off}) may be gone afterwards.
     */
    public synchronized void crash() {
        if (server == null) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("could not signal the postmaster " + pid);
            }
            ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
            if (postmaster != null) {
                postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            // releases the data directory's lock file; its "pg_ctl stop" finds nothing to stop
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not crash PostgreSQL on port " + port, e);
        }
    }

    /** Starts the stopped server again on the same port and data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // durable, as a crash test needs: the embedded defaults commit asynchronously
                    // and never fsync, so a crash would take back what was reported committed
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }
}
