package com.bookedbarber.command.auth;

import com.bookedbarber.command.db.SessionDao;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * "Is this session still active?", asked on every authenticated request. Sessions live in
 * PostgreSQL so a logout holds across instances; each instance trusts its answer for a short TTL
 * (bounded size), and forgets it at once when it revokes a session itself.
 */
public final class SessionCache {
    private final LoadingCache<UUID, Boolean> active;

    public SessionCache(Jdbi primary, Duration ttl, long maxSize) {
        this.active = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
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
