package com.bookedbarber.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A bench user's session: its access token, refreshed with the refresh token (which rotates)
 * before it expires. Access tokens live 15 minutes and a whole {@code ops/bench system} on a
 * slow machine runs longer: with the first token kept, the last steps' calls were all answered
 * 401 (the projection-lag step measured no event at all).
 */
final class BenchSession {
    /** Refreshed this long before the token expires, so no call in flight carries an expired one. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    /** Trades a refresh token for a new pair (POST /api/v2/auth/refresh). */
    @FunctionalInterface
    interface Refresher {
        JsonNode refresh(String refreshToken) throws Exception;
    }

    private final UUID userId;
    private final Refresher refresher;
    private final Clock clock;
    private String refreshToken;
    private volatile String accessToken;
    private volatile Instant refreshAfter;

    /** From the answer of register, login or refresh: access_token, refresh_token, expires_in (and user). */
    BenchSession(JsonNode tokens, Refresher refresher, Clock clock) {
        this.userId = UUID.fromString(tokens.get("user").get("id").asText());
        this.refresher = refresher;
        this.clock = clock;
        take(tokens);
    }

    UUID userId() {
        return userId;
    }

    /** An access token with at least {@link #MARGIN} to live; refreshes once when due, whoever asks. */
    String token() throws Exception {
        if (clock.instant().isAfter(refreshAfter)) {
            refresh();
        }
        return accessToken;
    }

    private synchronized void refresh() throws Exception {
        if (clock.instant().isAfter(refreshAfter)) {
            take(refresher.refresh(refreshToken));
        }
    }

    private synchronized void take(JsonNode tokens) {
        refreshToken = tokens.get("refresh_token").asText();
        accessToken = tokens.get("access_token").asText();
        refreshAfter = clock.instant().plusSeconds(tokens.get("expires_in").asLong()).minus(MARGIN);
    }
}
