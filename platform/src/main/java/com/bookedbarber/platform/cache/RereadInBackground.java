package com.bookedbarber.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The freshness rule of the caches that other instances' changes reach only by time (sessions,
 * catalogues): an entry in use is re-read in the background once it is a TTL old, and never used
 * once it is two TTLs old. When entries simply expired, Caffeine loaded an expired key once while
 * every other request for it waited: every request of a busy session queued behind that read.
 */
public final class RereadInBackground {
    private RereadInBackground() {
    }

    public static Caffeine<Object, Object> builder(Duration ttl, Executor rereads, Ticker ticker) {
        return Caffeine.newBuilder().ticker(ticker).refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(2))
                .executor(rereads);
    }
}
