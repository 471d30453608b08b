package com.bookedbarber.command.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Hot analytics answers, serialized, keyed by location, report, range and the location's
 * projection version. The version moves with every batch the worker applies to the location, so
 * an entry is never older than the projection: there is nothing to invalidate, a newer version
 * simply misses. Bounded in size and time (old versions age out).
 */
public final class AnalyticsCache {
    /** The body as sent and its ETag. */
    public record Answer(byte[] body, String etag) {
    }

    private record Key(UUID locationId, String report, LocalDate from, LocalDate to, long version) {
    }

    private final Cache<Key, Answer> answers;

    public AnalyticsCache(long maxEntries, Duration ttl) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).recordStats().build();
    }

    public Answer get(UUID locationId, String report, DateRange range, long version, Supplier<Answer> compute) {
        return answers.get(new Key(locationId, report, range.from(), range.to(), version), k -> compute.get());
    }

    public double hitRate() {
        return answers.stats().hitRate();
    }
}
