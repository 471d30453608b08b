package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreVersionSevenUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            // and survive the text round trip every API and event carries them in
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
    }

    @Test
    void theTimeComesFirstAsInTheRfcsExample() {
        // RFC 9562, appendix A.6: 2022-02-22 19:22:22 UTC is 017F22E2-79B0-7CC3-98C4-DC0C0C07398F
        long unixMillis = java.time.Instant.parse("2022-02-22T19:22:22Z").toEpochMilli();
        assertThat(Ids.newId(unixMillis).toString()).startsWith("017f22e2-79b0-7");
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 1_000; i++) {
            String earlier = Ids.newId(now + i).toString();
            String later = Ids.newId(now + i + 1).toString();
            // PostgreSQL orders uuids by their bytes, which is the order of their hex text
            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        long now = System.currentTimeMillis();
        Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.newId(now))).isTrue();
        }
    }

    @Test
    void threadsDrawIndependentIds() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(t -> {
            for (int i = 0; i < 10_000; i++) {
                assertThat(seen.add(Ids.newId())).isTrue();
            }
        });
        assertThat(seen).hasSize(80_000);
    }

    @Test
    void eachThreadHasItsOwnGenerator() throws Exception {
        SecureRandom here = Ids.random();
        SecureRandom[] there = new SecureRandom[1];
        Thread other = new Thread(() -> there[0] = Ids.random());
        other.start();
        other.join();
        assertThat(Ids.random()).isSameAs(here);
        assertThat(there[0]).isNotSameAs(here);
        assertThat(here.getAlgorithm()).isEqualTo("DRBG");
    }
}
