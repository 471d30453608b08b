package com.bookedbarber.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID USER = UUID.randomUUID();

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static JsonNode pair(int n) {
        return JSON.valueToTree(Map.of("user", Map.of("id", USER.toString()), "access_token", "access-" + n,
                "refresh_token", "refresh-" + n, "expires_in", 900));
    }

    @Test
    void keepsTheTokenUntilTwoMinutesBeforeItExpiresThenRefreshesWithTheRotatedRefreshToken() throws Exception {
        MovingClock clock = new MovingClock();
        List<String> presented = new ArrayList<>();
        BenchSession session = new BenchSession(pair(0), refreshToken -> {
            presented.add(refreshToken);
            return pair(presented.size());
        }, clock);

        assertThat(session.userId()).isEqualTo(USER);
        clock.now = clock.now.plus(Duration.ofSeconds(900)).minus(BenchSession.MARGIN);
        assertThat(session.token()).isEqualTo("access-0");
        assertThat(presented).isEmpty();

        clock.now = clock.now.plusSeconds(1);
        assertThat(session.token()).isEqualTo("access-1");
        clock.now = clock.now.plusSeconds(900);
        assertThat(session.token()).isEqualTo("access-2");
        // each refresh presents the refresh token of the pair before it (they rotate)
        assertThat(presented).containsExactly("refresh-0", "refresh-1");
    }

    @Test
    void callersThatFindTheTokenDueTogetherRefreshItOnce() throws Exception {
        MovingClock clock = new MovingClock();
        AtomicInteger refreshes = new AtomicInteger();
        BenchSession session = new BenchSession(pair(0), refreshToken -> pair(refreshes.incrementAndGet()), clock);
        clock.now = clock.now.plusSeconds(900);

        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                tokens.add(callers.submit(session::token));
            }
            for (Future<String> token : tokens) {
                assertThat(token.get()).isEqualTo("access-1");
            }
        } finally {
            callers.shutdown();
        }
        assertThat(refreshes).hasValue(1);
    }
}
