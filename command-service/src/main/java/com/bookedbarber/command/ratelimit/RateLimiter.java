package com.bookedbarber.command.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters keyed by group, key (user or client address) and window. One map lookup
 * and one atomic increment per request; Caffeine bounds the memory and drops old windows.
 */
public final class RateLimiter {
    /** The verdict and what the RateLimit-* headers report. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private final Cache<String, AtomicInteger> counters;
    private final Clock clock;

    public RateLimiter(long maxKeys, Duration longestWindow, Clock clock) {
        this.counters = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(longestWindow).build();
        this.clock = clock;
    }

    public Decision acquire(String group, String key, int limit, Duration window) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long windowStart = now - Math.floorMod(now, windowMillis);
        int used = counters.get(group + '|' + key + '|' + windowStart, k -> new AtomicInteger()).incrementAndGet();
        long reset = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), reset);
    }
}
