package com.bookedbarber.command.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.bookedbarber.command.analytics.AnalyticsAccessDao.LocationAccess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Hot analytics answers, serialized, keyed by location (with its time zone and currency),
 * report, range and the location's projection version. The version moves with every batch the
 * worker applies to the location, so an entry is never older than the projection: there is
 * nothing to invalidate, a newer version simply misses. Bounded in size and time (old versions
 * age out).
 */
public final class AnalyticsCache {
    /** The body as sent and its ETag, also as the header's value (quoted), made once per answer. */
    public record Answer(byte[] body, String etag, String etagHeader) {
        public Answer(byte[] body, String etag) {
            this(body, etag, '"' + etag + '"');
        }
    }

    /** The location's time zone and currency are part of every answer, and change without a new version. */
    private record Key(UUID locationId, String timezone, String currency, String report, LocalDate from, LocalDate to,
                       long version) {
        Key(LocationAccess location, UUID locationId, String report, DateRange range, long version) {
            this(locationId, location.timezone(), location.currency(), report, range.from(), range.to(), version);
        }
    }

    private final Cache<Key, Answer> answers;

    public AnalyticsCache(long maxEntries, Duration ttl) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).recordStats().build();
    }

    /** The answer for that version if it is here. */
    public Answer getIfPresent(LocationAccess location, UUID locationId, String report, DateRange range,
                               long version) {
        return answers.getIfPresent(new Key(location, locationId, report, range, version));
    }

    public Answer get(LocationAccess location, UUID locationId, String report, DateRange range, long version,
                      Supplier<Answer> compute) {
        return answers.get(new Key(location, locationId, report, range, version), k -> compute.get());
    }

    public double hitRate() {
        return answers.stats().hitRate();
    }
}
