package com.bookedbarber.command.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.testing.TestDatabase;
import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session cache over real PostgreSQL: a busy session never waits on its re-read, and a revocation still arrives. */
class SessionCacheIT {
    private static final Duration TTL = Duration.ofSeconds(2);
    private static TestDatabase db;
    private static Jdbi jdbi;
    private final ExecutorService rereads = Executors.newSingleThreadExecutor();
    /** Caffeine's clock, moved by the test: no waiting for a TTL to pass. */
    private final AtomicLong now = new AtomicLong();
    private final Ticker ticker = now::get;
    private UUID session;
    private SessionCache cache;

    @BeforeAll
    static void start() {
        db = TestDatabase.createMigrated();
        jdbi = Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Every test starts with an active session whose answer the cache holds. */
    @BeforeEach
    void cacheAnActiveSession() {
        session = newSession();
        cache = new SessionCache(jdbi, TTL, 100, rereads, ticker);
        assertThat(cache.isActive(session)).isTrue();
    }

    @AfterEach
    void stopRereads() {
        rereads.shutdownNow();
    }

    @Test
    void aBusySessionIsAnsweredWhileItsReReadIsStuck() throws Exception {
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                // every read of sessions now waits for this transaction
                s.execute("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE");
            }
            pass(TTL.plusMillis(1));
            // past the TTL: the answer comes from memory while the re-read waits on the lock
            CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> cache.isActive(session));
            assertThat(answer.get(1, TimeUnit.SECONDS)).isTrue();
            blocker.rollback();
        }
    }

    @Test
    void aRevocationIsTrustedForATtlAndThenReReadInTheBackground() throws Exception {
        revoke(session);
        pass(TTL.minusMillis(1));
        assertThat(cache.isActive(session)).as("trusted for a TTL").isTrue();

        pass(Duration.ofMillis(2));
        // this read starts the re-read and is still answered from memory; the re-read brings the revocation
        cache.isActive(session);
        await().atMost(Duration.ofSeconds(5)).until(() -> !cache.isActive(session));
    }

    @Test
    void aSessionUnusedForTwoTtlsIsReadAgainBeforeItIsAnswered() throws Exception {
        revoke(session);

        pass(TTL.multipliedBy(2).plusMillis(1));
        // expired, not merely due for a re-read: the first answer after the pause is already the new one
        assertThat(cache.isActive(session)).isFalse();
    }

    private static void revoke(UUID session) {
        jdbi.useHandle(h -> h.execute("UPDATE sessions SET revoked_at = now() WHERE id = ?", session));
    }

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    private static UUID newSession() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO users (id, email, name) VALUES (?, ?, 'Cache Test')", user, user + "@example.test");
            h.execute("INSERT INTO sessions (id, user_id, mfa_verified, expires_at) VALUES (?, ?, false, "
                    + "now() + interval '1 hour')", session, user);
        });
        return session;
    }
}
