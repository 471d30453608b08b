package com.bookedbarber.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookedbarber.command.core.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:10Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void countsPerKeyWithinAWindowAndResetsWithTheNext() {
        MovableClock clock = new MovableClock();
        RateLimiter limiter = new RateLimiter(1000, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            RateLimiter.Decision d = limiter.acquire("g", "k", 3, Duration.ofMinutes(1));
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(2 - i);
            assertThat(d.resetSeconds()).isEqualTo(50);
        }
        assertThat(limiter.acquire("g", "k", 3, Duration.ofMinutes(1)).allowed()).isFalse();
        assertThat(limiter.acquire("g", "other", 3, Duration.ofMinutes(1)).allowed()).isTrue();
        assertThat(limiter.acquire("h", "k", 3, Duration.ofMinutes(1)).allowed()).isTrue();
        clock.now = clock.now.plusSeconds(50);
        assertThat(limiter.acquire("g", "k", 3, Duration.ofMinutes(1)).allowed()).isTrue();
    }

    @Test
    void emailLimitIgnoresCaseAndSpacesAndSaysWhenToRetry() {
        MovableClock clock = new MovableClock();
        EmailRateLimit limit = new EmailRateLimit(new RateLimiter(1000, Duration.ofMinutes(1), clock),
                new RateLimitConfiguration.Limit(2));
        limit.check("Pat@Example.com");
        limit.check(" pat@example.com ");
        assertThatThrownBy(() -> limit.check("PAT@EXAMPLE.COM"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(50);
                });
        limit.check("someone-else@example.com");
        new EmailRateLimit(null, null).check("anyone@example.com");
    }
}
