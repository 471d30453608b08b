package com.bookedbarber.platform.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of its own (never a pooled one: a LISTEN outlives the borrower, and a pooled
 * connection would carry it to the next) that LISTENs on the channels of its subscribers and hands each notification to
 * the subscriber of its channel, on one thread, in the order PostgreSQL delivered them. A
 * subscriber hears {@link Subscriber#connected} after LISTEN took effect (so it can read a
 * snapshot and miss nothing that commits later) and {@link Subscriber#disconnected} as soon as
 * notifications may have been missed; the connection is re-opened until the service stops. A
 * connection that dies silently is found by a validity check after {@code heartbeat} of quiet.
 */
public final class PostgresNotifications implements Managed {
    /** What a cache needs to stay coherent with the database. */
    public interface Subscriber {
        String channel();

        /** LISTEN is in effect: read the state to start from through {@code handle}. */
        void connected(Handle handle);

        void received(String payload);

        /** Notifications may be lost from now on until the next {@link #connected}. */
        void disconnected();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final int POLL_MILLIS = 250;

    private final Jdbi jdbi;
    private final Map<String, Subscriber> byChannel;
    private final Duration heartbeat;
    private final Duration reconnectDelay;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    /** Listens on connections of its own to {@code database}. */
    public static PostgresNotifications of(DataSourceFactory database, String applicationName,
                                           List<Subscriber> subscribers, Duration heartbeat, Duration reconnectDelay) {
        Jdbi jdbi = Jdbi.create(database.getUrl(), DedicatedConnections.properties(database, applicationName));
        jdbi.installPlugin(new SqlObjectPlugin());
        return new PostgresNotifications(jdbi, subscribers, heartbeat, reconnectDelay);
    }

    PostgresNotifications(Jdbi jdbi, List<Subscriber> subscribers, Duration heartbeat, Duration reconnectDelay) {
        this.jdbi = jdbi;
        this.byChannel = subscribers.stream().collect(Collectors.toMap(Subscriber::channel, Function.identity()));
        this.heartbeat = heartbeat;
        this.reconnectDelay = reconnectDelay;
    }

    /** Whether every subscriber is hearing every notification right now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "postgres-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(5).toMillis());
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Handle handle = jdbi.open()) {
                listen(handle);
                warned = false;
            } catch (RuntimeException | SQLException e) {
                // once per outage: the database's own outage is reported by its health check
                if (!warned) {
                    LOG.warn("listening for {} failed, caches bypassed until it is back: {}", byChannel.keySet(),
                            e.toString());
                    warned = true;
                }
            } finally {
                listening = false;
                byChannel.values().forEach(Subscriber::disconnected);
            }
            pause(reconnectDelay);
        }
    }

    private void listen(Handle handle) throws SQLException {
        NotificationDao dao = handle.attach(NotificationDao.class);
        byChannel.keySet().forEach(dao::listen);
        byChannel.values().forEach(s -> s.connected(handle));
        listening = true;
        PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification n : notifications) {
                    Subscriber subscriber = byChannel.get(n.getName());
                    if (subscriber != null) {
                        subscriber.received(n.getParameter());
                    }
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > heartbeat.toNanos()) {
                if (!handle.getConnection().isValid((int) Math.max(1, heartbeat.toSeconds()))) {
                    throw new SQLException("the listening connection stopped answering");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, delay.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
