package com.bookedbarber.command.auth;

import com.bookedbarber.command.db.SessionDao;
import com.bookedbarber.platform.cache.RereadInBackground;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/**
 * "Is this session still active?", asked on every authenticated request. Sessions live in
 * PostgreSQL so a logout holds across instances; each instance trusts its answer for a short TTL
 * (bounded size), and forgets it at once when it revokes a session itself. A session in use is
 * re-read in the background once its answer is a TTL old, so no request waits on that read, and
 * no answer is used once it is two TTLs old ({@link RereadInBackground}).
 */
public final class SessionCache {
    private final LoadingCache<UUID, Boolean> active;

    public SessionCache(Jdbi primary, Duration ttl, long maxSize, Executor rereads) {
        this(primary, ttl, maxSize, rereads, Ticker.systemTicker());
    }

    SessionCache(Jdbi primary, Duration ttl, long maxSize, Executor rereads, Ticker ticker) {
        this.active = RereadInBackground.builder(ttl, rereads, ticker)
                .maximumSize(maxSize)
                .recordStats()
                .build(id -> primary.withExtension(SessionDao.class, dao -> dao.isActive(id)).orElse(false));
    }

    public boolean isActive(UUID sessionId) {
        return active.get(sessionId);
    }

    public void invalidate(UUID sessionId) {
        active.invalidate(sessionId);
    }

    public double hitRate() {
        return active.stats().hitRate();
    }
}
